from django.core.management.base import BaseCommand, CommandError

from portevoix.representatives import importers
from portevoix.representatives.models import PROVINCE_CODES

from ._output import write_report


class Command(BaseCommand):
    help = (
        "Read district boundaries (shapefile or GeoJSON), keep a simplified outline of each "
        "district for maps, and place postal codes in them: a CSV of postal_code,lat,lon "
        "becomes the exact postal code table."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .shp (with its .prj) or a .geojson file.")
        parser.add_argument("--level", choices=["federal", "provincial"], default="provincial")
        parser.add_argument("--province", required=True, choices=PROVINCE_CODES)
        parser.add_argument("--boundary-set", required=True)
        parser.add_argument("--key-field", required=True, help="Field holding the number.")
        parser.add_argument("--name-field", default="", help='Field holding "English / French".')
        parser.add_argument("--centroids", metavar="CSV", help="postal_code,lat,lon")

    def handle(self, *args, **options):
        try:
            result = importers.import_boundaries(
                options["path"],
                level=options["level"],
                province=options["province"],
                boundary_set=options["boundary_set"],
                key_field=options["key_field"],
                name_field=options["name_field"],
                centroids=options["centroids"],
            )
        except (OSError, KeyError, ValueError) as error:
            raise CommandError(f"Cannot read the boundaries: {error}") from error
        for report in result.reports():
            write_report(self, report, options["verbosity"])
