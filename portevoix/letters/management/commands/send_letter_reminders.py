"""`manage.py send_letter_reminders`: one reminder to writers who have not confirmed in a day.

The worker's periodic sweep does this on its own; the command is there for a scheduler
that prefers to run it, and it is safe to run any number of times: a letter is reminded once.
"""

from django.core.management.base import BaseCommand

from portevoix.letters.actions import send_due_reminders


class Command(BaseCommand):
    help = "Remind writers, once, of letters still awaiting their confirmation after a day."

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"Letters: {count} reminder(s) sent.")
