"""`manage.py recover_letters`: put back on track letters a stopped worker left behind.

Run it before starting the worker (`bin/serve` does), and let the worker's own periodic
sweep do the same from then on. With --all-workers-stopped, it does not wait for the
usual margins: use it only when no worker can be running, as at start-up of a single one.
"""

from django.core.management.base import BaseCommand

from portevoix.letters.actions import sweep


class Command(BaseCommand):
    help = "Recover letters left sending or queued by a stopped worker; send due reminders."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all-workers-stopped",
            action="store_true",
            help="No worker is running: recover every letter still marked as sending.",
        )

    def handle(self, *args, all_workers_stopped=False, **options):
        summary = sweep(all_workers_stopped=all_workers_stopped)
        self.stdout.write(
            "Letters: {recovered} recovered, {requeued} queued again, "
            "{reminded} reminder(s) sent.".format(**summary)
        )
