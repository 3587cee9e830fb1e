"""Asking a provincial government for support: its targets and the letter to write them."""

from django.urls import NoReverseMatch, reverse

from portevoix.representatives.models import PROVINCES, OfficeHolder

PROVINCIAL_LETTER_KEY = "org-write-province"


def provincial_letter_url(campaign):
    template = campaign.letter_templates.filter(key=PROVINCIAL_LETTER_KEY, is_active=True).first()
    if template is None:
        return ""
    try:
        return reverse("letters:start", args=[campaign.slug, template.key])
    except NoReverseMatch:
        return ""


def province_context(campaign, code):
    code = (code or "").upper()
    known = dict(PROVINCES)
    chosen = code if code in known else ""
    holders = list(OfficeHolder.objects.for_province(chosen)) if chosen else []
    return {
        "provinces": PROVINCES,
        "chosen": chosen,
        "chosen_label": known.get(chosen, ""),
        "unknown_choice": bool(code) and not chosen,
        "office_holders": holders,
        "letter_url": provincial_letter_url(campaign),
    }
