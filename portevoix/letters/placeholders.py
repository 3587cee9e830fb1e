"""Placeholders in letter templates: `{salutation}`, `{recipient_name}`, `{riding}`...

Templates are plain text. A placeholder is a known name in braces; anything else in
braces is a mistake staff should hear about when they save, not a writer when they write.
"""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

NAMES = {
    "salutation": _("how to address the recipient: « Madame la Ministre », « Dear Minister »"),
    "recipient_name": _("the recipient's name"),
    "recipient_title": _("the recipient's title"),
    "riding": _("the writer's riding"),
    "mp_name": _("the name of the writer's MP (the To or the Cc)"),
    "province": _("the writer's province"),
    "sender_name": _("the name of the person the letter speaks for"),
    "organization": _("the writer's organization"),
    "date": _("today's date"),
    "story": _("the guided personal story, when the writer tells it"),
    # Filled by the meetings app when it writes a meeting request.
    "proposed_times": _("the times proposed for a meeting, one per line"),
    "meeting_place": _("the place proposed for a meeting"),
}

HELP_TEXT = _(
    "Plain text; a blank line starts a new paragraph. Placeholders: {salutation}, "
    "{recipient_name}, {recipient_title}, {riding}, {mp_name}, {province}, {sender_name}, "
    "{organization}, {date}, {story}; in a meeting request, {proposed_times} and {meeting_place}."
)


def problems_in(text):
    """What is wrong with the placeholders of a template text, in words staff understand."""
    problems = []
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in NAMES})
    for name in unknown:
        problems.append(_("Unknown placeholder {%(name)s}.") % {"name": name})
    leftover = PLACEHOLDER.sub("", text)
    if "{" in leftover or "}" in leftover:
        problems.append(
            _("A brace is not part of a placeholder: write placeholders like {riding}.")
        )
    return problems


def fill(text, values):
    """Replace each placeholder by its value; an empty value leaves no trace."""
    filled = PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), "")), text)
    # A placeholder alone on its line (the story) leaves no empty paragraph behind.
    return re.sub(r"\n{3,}", "\n\n", filled).strip()


# --- Forms of address -------------------------------------------------------------------------
# French letters address a woman and a man differently; when we do not know, we use the
# inclusive form rather than guess.


def mp_salutation(gender, name, language):
    # French addresses an MP by title alone, so the French forms leave the name out.
    with override(language):
        if gender == "f":
            # xgettext:no-python-format
            form = pgettext("salutation, woman MP", "Dear %(name)s")
        elif gender == "m":
            # xgettext:no-python-format
            form = pgettext("salutation, man MP", "Dear %(name)s")
        else:
            # xgettext:no-python-format
            form = pgettext("salutation, MP", "Dear %(name)s")
    return form % {"name": name} if "%(name)s" in form else form


def mp_title(gender, riding, language):
    with override(language):
        if gender == "f":
            return pgettext("letter address, woman MP", "Member of Parliament for %(riding)s") % {
                "riding": riding
            }
        if gender == "m":
            return pgettext("letter address, man MP", "Member of Parliament for %(riding)s") % {
                "riding": riding
            }
        return pgettext("letter address, MP", "Member of Parliament for %(riding)s") % {
            "riding": riding
        }


# The legislatures whose members have their own name in English; the others are MLAs.
NATIONAL_ASSEMBLY = {"QC"}
PROVINCIAL_PARLIAMENT = {"ON"}
HOUSE_OF_ASSEMBLY = {"NL"}


def member_title(gender, riding, province, language):
    """A member of a provincial or territorial legislature, as the letter's address says it."""
    with override(language):
        form = _member_title_form(gender, (province or "").upper())
    return form % {"riding": riding}


def _member_title_form(gender, province):
    context = {"f": "woman", "m": "man"}.get(gender, "unknown gender")
    if province in NATIONAL_ASSEMBLY:
        return {
            "woman": pgettext(
                "letter address, woman MNA", "Member of the National Assembly for %(riding)s"
            ),
            "man": pgettext(
                "letter address, man MNA", "Member of the National Assembly for %(riding)s"
            ),
            "unknown gender": pgettext(
                "letter address, MNA", "Member of the National Assembly for %(riding)s"
            ),
        }[context]
    if province in PROVINCIAL_PARLIAMENT:
        return {
            "woman": pgettext(
                "letter address, woman MPP", "Member of Provincial Parliament for %(riding)s"
            ),
            "man": pgettext(
                "letter address, man MPP", "Member of Provincial Parliament for %(riding)s"
            ),
            "unknown gender": pgettext(
                "letter address, MPP", "Member of Provincial Parliament for %(riding)s"
            ),
        }[context]
    if province in HOUSE_OF_ASSEMBLY:
        return {
            "woman": pgettext(
                "letter address, woman MHA", "Member of the House of Assembly for %(riding)s"
            ),
            "man": pgettext(
                "letter address, man MHA", "Member of the House of Assembly for %(riding)s"
            ),
            "unknown gender": pgettext(
                "letter address, MHA", "Member of the House of Assembly for %(riding)s"
            ),
        }[context]
    return {
        "woman": pgettext(
            "letter address, woman MLA", "Member of the Legislative Assembly for %(riding)s"
        ),
        "man": pgettext(
            "letter address, man MLA", "Member of the Legislative Assembly for %(riding)s"
        ),
        "unknown gender": pgettext(
            "letter address, MLA", "Member of the Legislative Assembly for %(riding)s"
        ),
    }[context]


def minister_salutation(gender, language):
    with override(language):
        if gender == "f":
            return pgettext("salutation, woman minister", "Dear Minister")
        if gender == "m":
            return pgettext("salutation, man minister", "Dear Minister")
        return pgettext("salutation, minister", "Dear Minister")


def premier_salutation(gender, language):
    with override(language):
        if gender == "f":
            return pgettext("salutation, woman premier", "Dear Premier")
        if gender == "m":
            return pgettext("salutation, man premier", "Dear Premier")
        return pgettext("salutation, premier", "Dear Premier")


def office_salutation(role, gender, language):
    if role == "premier":
        return premier_salutation(gender, language)
    return minister_salutation(gender, language)
