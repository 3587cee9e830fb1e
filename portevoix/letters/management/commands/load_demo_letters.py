"""Placeholder: the letters app fills this in."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo campaign's letter templates (not yet implemented)."

    def handle(self, *args, **options):
        self.stdout.write("Letters: no templates loaded yet.")
