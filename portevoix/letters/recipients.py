"""Who a letter goes to: the fixed target and, through the lookup chain, the writer's MP.

A found riding is offered, never imposed: the writer confirms it or picks another from
the searchable list, which works without JavaScript (a GET form, then radio buttons).
"""

from django.utils.translation import gettext as _

from portevoix.letters.models import LetterTemplate
from portevoix.representatives.lookup import (
    InvalidPostalCode,
    find_representatives,
    search_districts,
)
from portevoix.representatives.models import District, OfficeHolder

SEARCH_LIMIT = 30
PROVINCIAL_ROLES = [OfficeHolder.Role.PREMIER, OfficeHolder.Role.PROVINCIAL_IMMIGRATION_MINISTER]


class RecipientChoices:
    def __init__(self, letter, search=""):
        self.letter = letter
        self.template = letter.template
        self.search = search.strip()
        self.lookup = self.look_up() if self.wants_district() else None
        self.found = federal_only(self.lookup.districts) if self.lookup else []
        self.search_results = (
            list(search_districts(self.search)[:SEARCH_LIMIT]) if self.search else []
        )
        self.office_holders = self.offices()
        self.needs_district = self.wants_district() and self.template.copy_mp != "optional"

    def wants_district(self):
        return self.template.target == LetterTemplate.Target.MP or (
            self.template.copy_mp != LetterTemplate.CopyMp.NEVER and bool(self.letter.postal_code)
        )

    def look_up(self):
        if not self.letter.postal_code:
            return None
        try:
            return find_representatives(self.letter.postal_code)
        except InvalidPostalCode:
            return None

    def offices(self):
        if self.template.target == LetterTemplate.Target.FEDERAL_MINISTER:
            minister = OfficeHolder.objects.federal_immigration_minister()
            return [minister] if minister else []
        if self.template.target == LetterTemplate.Target.PROVINCIAL:
            holders = OfficeHolder.objects.for_province(self.letter.province)
            return list(holders.filter(role__in=PROVINCIAL_ROLES))
        return []

    def is_confirmed_answer(self):
        return bool(self.lookup and self.found and not self.lookup.is_suggestion)

    def district_options(self, posted_id=None):
        options = self.found + [d for d in self.search_results if d not in self.found]
        posted = chosen_district(posted_id)
        if posted and posted not in options:
            options.append(posted)
        return options

    def initial(self):
        initial = {"copy_mp": True}
        if len(self.found) == 1:
            initial["district"] = self.found[0].pk
        if len(self.office_holders) >= 1:
            initial["office_holder"] = self.office_holders[0].pk
        return initial

    def problem_with(self, cleaned):
        """Why these choices cannot make a letter, in words for the writer; None if they can."""
        district = chosen_district(cleaned.get("district"))
        target = self.template.target
        if target != LetterTemplate.Target.MP and not self.chosen_office(cleaned):
            return _(
                "We do not have the address of this office yet. Please try again later, "
                "or write to the campaign team."
            )
        wants_copy = self.copy_wanted(cleaned)
        if (target == LetterTemplate.Target.MP or wants_copy) and district is None:
            return _("Please choose your riding.")
        needs_mp = target == LetterTemplate.Target.MP or wants_copy
        if needs_mp and district.current_representative() is None:
            return _(
                "We do not know who represents %(riding)s at the moment: the seat may be vacant. "
                "Please check the riding, or write to the campaign team."
            ) % {"riding": district.name}
        return None

    def copy_wanted(self, cleaned):
        if self.template.copy_mp == LetterTemplate.CopyMp.ALWAYS:
            return True
        if self.template.copy_mp == LetterTemplate.CopyMp.OPTIONAL:
            return bool(cleaned.get("copy_mp")) and self.wants_district()
        return False

    def chosen_office(self, cleaned):
        wanted = cleaned.get("office_holder")
        return next((h for h in self.office_holders if h.pk == wanted), None)

    def recipients(self, cleaned):
        district = chosen_district(cleaned.get("district"))
        representative = district.current_representative() if district else None
        return {
            "district": district,
            "representative": representative,
            "office_holder": self.chosen_office(cleaned),
            "copy_mp": self.copy_wanted(cleaned),
        }


def federal_only(districts):
    return [d for d in districts if d.level == District.Level.FEDERAL]


def chosen_district(district_id):
    if not district_id:
        return None
    try:
        return District.objects.federal().filter(pk=int(district_id)).first()
    except (TypeError, ValueError):
        return None
