from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portevoix.privacy.retention import purge_everything


class Command(BaseCommand):
    help = "Remove or anonymize personal data past its retention period (prints counts only)."

    @transaction.atomic
    def handle(self, *args, **options):
        counts = purge_everything(timezone.now())
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
