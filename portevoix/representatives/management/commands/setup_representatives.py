"""Placeholder: the representatives app fills this in (see its README section)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load districts and representatives for the demo (not yet implemented)."

    def handle(self, *args, **options):
        self.stdout.write("Representatives: nothing loaded yet.")
