from django.core.management.base import BaseCommand, CommandError

from portevoix.representatives import importers
from portevoix.representatives.represent import RepresentClient, RepresentError

from ._output import write_report


class Command(BaseCommand):
    help = (
        "Import representatives from a CSV file or from the Represent API. "
        "People no longer in the data are retired, never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", metavar="CSV", help="See the README for the columns.")
        parser.add_argument(
            "--represent",
            action="store_true",
            help="Read a representative set from the Represent API.",
        )
        parser.add_argument(
            "--set", dest="set_name", default="house-of-commons", help="Represent set name."
        )
        parser.add_argument("--level", choices=["federal", "provincial"], default="federal")
        parser.add_argument("--province", default="", help="Two-letter code, for a provincial set.")
        parser.add_argument("--boundary-set", default="")
        parser.add_argument("--timeout", type=float, default=None)
        parser.add_argument(
            "--allow-retiring-many",
            action="store_true",
            help="Retire more than a tenth of the people at once (after a general election).",
        )

    def handle(self, *args, **options):
        if bool(options["csv"]) == options["represent"]:
            raise CommandError("Give either --csv FILE or --represent.")
        province = options["province"].upper()
        try:
            if options["csv"]:
                report = importers.import_representatives_csv(
                    options["csv"],
                    options["level"],
                    options["boundary_set"],
                    province,
                    allow_retiring_many=options["allow_retiring_many"],
                )
            else:
                client = RepresentClient(timeout=options["timeout"])
                report = importers.import_representatives_from_represent(
                    client,
                    options["set_name"],
                    options["level"],
                    province,
                    allow_retiring_many=options["allow_retiring_many"],
                )
        except RepresentError as error:
            raise CommandError(f"Represent did not answer: {error}") from error
        except (OSError, KeyError) as error:
            raise CommandError(f"Cannot read the file: {error}") from error
        write_report(self, report, options["verbosity"])
