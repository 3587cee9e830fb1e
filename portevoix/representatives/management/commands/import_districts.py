from django.core.management.base import BaseCommand, CommandError

from portevoix.representatives import importers

from ._output import write_report


class Command(BaseCommand):
    help = (
        "Import electoral districts from Elections Canada's Representation Order table "
        "(FED_NUM, ED_NAMEE, ED_NAMEF, PROV) and from Open Civic Data division-id CSVs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--elections-canada", metavar="CSV", help="e.g. FED_CA_2023_EN.csv")
        parser.add_argument("--ocd", metavar="CSV", action="append", default=[])
        parser.add_argument(
            "--boundary-set",
            default="",
            help="Name of a provincial boundary set (default: the OCD file's name).",
        )

    def handle(self, *args, elections_canada=None, ocd=(), boundary_set="", **options):
        if not elections_canada and not ocd:
            raise CommandError("Name a file with --elections-canada or --ocd.")
        try:
            if elections_canada:
                report = importers.import_elections_canada_districts(elections_canada)
                write_report(self, report, options["verbosity"])
            for path in ocd:
                report = importers.import_ocd_districts(path, boundary_set)
                write_report(self, report, options["verbosity"])
        except (OSError, KeyError) as error:
            raise CommandError(f"Cannot read the file: {error}") from error
