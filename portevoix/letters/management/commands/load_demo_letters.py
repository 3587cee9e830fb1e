"""`manage.py load_demo_letters`: the demo campaign's five letter templates.

Safe to run again: a template that exists is left as it is, so staff edits survive.
"""

from django.core.management.base import BaseCommand, CommandError

from portevoix.campaigns.models import Campaign
from portevoix.letters.demo_letters import LETTERS
from portevoix.letters.models import LetterTemplate

DEMO_CAMPAIGN = "familles-ensemble"


class Command(BaseCommand):
    help = "Load the demo campaign's letter templates (existing ones are left untouched)."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", default=DEMO_CAMPAIGN, help="The campaign's slug.")

    def handle(self, *args, campaign, **options):
        found = Campaign.objects.filter(slug=campaign).first()
        if found is None:
            raise CommandError(f"No campaign {campaign!r}: run `manage.py load_demo` first.")
        created = 0
        for values in LETTERS:
            template = LetterTemplate(campaign=found, **values)
            template.full_clean(validate_unique=False, validate_constraints=False)
            _template, was_created = LetterTemplate.objects.get_or_create(
                campaign=found, key=values["key"], defaults=values
            )
            created += was_created
        self.stdout.write(
            f"Letters: {created} template(s) created, {len(LETTERS) - created} already there."
        )
