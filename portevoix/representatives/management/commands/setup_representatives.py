"""Load districts, people and fixed targets for the demo or a fresh installation."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portevoix.representatives import importers, setup
from portevoix.representatives.represent import RepresentClient, RepresentError

from ._output import write_report

QUICK_TIMEOUT = 3


class Command(BaseCommand):
    help = (
        "Load MPs from the Represent API when it answers quickly, else from the files in "
        "REPRESENTATIVES_DATA, else only the fixed targets (the Minister, provincial offices)."
    )

    def handle(self, *args, **options):
        folder = setup.data_folder()
        if folder:
            for report in setup.load_from_files(folder):
                write_report(self, report)
        if settings.REPRESENT_ENABLED:
            self.load_from_represent()
        write_report(self, setup.load_fixed_targets())
        linked = setup.link_demo_campaign_targets()
        self.stdout.write(f"Demo campaign targets: {linked} created")
        for instruction in setup.missing_data_instructions():
            self.stdout.write(self.style.WARNING(str(instruction)))

    def load_from_represent(self):
        client = RepresentClient(timeout=min(QUICK_TIMEOUT, settings.REPRESENT_TIMEOUT))
        try:
            report = importers.import_representatives_from_represent(
                client, "house-of-commons", "federal"
            )
        except RepresentError as error:
            self.stdout.write(f"Represent did not answer quickly ({error}); using files only.")
            return
        write_report(self, report)
