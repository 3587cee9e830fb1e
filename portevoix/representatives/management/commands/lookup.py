from django.core.management.base import BaseCommand, CommandError

from portevoix.representatives.lookup import InvalidPostalCode, find_representatives


class Command(BaseCommand):
    help = "Find the districts and people for a postal code, and say which step answered."

    def add_arguments(self, parser):
        parser.add_argument("postal_code", nargs="+", help='e.g. "K1A 0A6"')

    def handle(self, *args, postal_code, **options):
        try:
            result = find_representatives(" ".join(postal_code))
        except InvalidPostalCode as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"{result.display_code()}  step: {result.step}")
        if result.is_suggestion:
            self.stdout.write("A suggestion for the person to confirm, not an answer.")
        for district in result.districts:
            self.stdout.write(
                f"  {district.get_level_display()} {district.number} "
                f"{district.name_en} / {district.name_fr} ({district.province}, "
                f"as of {district.as_of})"
            )
            person = district.current_representative()
            if person:
                self.stdout.write(f"    {person.name}, {person.party}, {person.email}")
        if not result.districts:
            raise CommandError(f"{result.display_code()}: {result.message}")
