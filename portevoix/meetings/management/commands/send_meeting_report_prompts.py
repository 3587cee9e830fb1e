"""`manage.py send_meeting_report_prompts`: ask organizers, the day after, how it went."""

from django.core.management.base import BaseCommand

from portevoix.meetings.actions import send_report_prompts


class Command(BaseCommand):
    help = "Email each organizer, once, the day after their meeting, to ask for a report."

    def handle(self, *args, **options):
        sent = send_report_prompts()
        self.stdout.write(f"Meeting report prompts: {sent} sent.")
