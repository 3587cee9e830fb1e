from django.core.management.base import BaseCommand, CommandError

from portevoix.representatives import importers

from ._output import write_report


class Command(BaseCommand):
    help = (
        "Import forward sortation areas from GeoNames' CA file, and FSA-to-district hints "
        "(JSON or CSV) kept as suggestions a person confirms."
    )

    def add_arguments(self, parser):
        parser.add_argument("--geonames", metavar="TXT")
        parser.add_argument("--hints", metavar="JSON_OR_CSV")

    def handle(self, *args, geonames=None, hints=None, **options):
        if not geonames and not hints:
            raise CommandError("Name a file with --geonames or --hints.")
        try:
            if geonames:
                write_report(self, importers.import_geonames_fsa(geonames), options["verbosity"])
            if hints:
                write_report(self, importers.import_fsa_hints(hints), options["verbosity"])
        except (OSError, KeyError, ValueError) as error:
            raise CommandError(f"Cannot read the file: {error}") from error
