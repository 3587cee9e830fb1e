from django.core.management.base import BaseCommand

from portevoix.reports.actions import run_followups


class Command(BaseCommand):
    help = "Ask letter writers whether they got an answer, and remind them once a week later."

    def handle(self, *args, **options):
        counts = run_followups()
        self.stdout.write(
            "send_followups: {scheduled} scheduled, {sent} sent, {reminded} reminders".format(
                **counts
            )
        )
