"""Words a person agrees to, stored as shown so that consent can be proven later."""

from django.utils.translation import gettext_lazy as _

ORGANIZE_CONSENT = _(
    "Porte-voix keeps my name and email to organize this meeting: it sends me the link to my "
    "meeting page and, the day after the meeting, a request to tell the campaign how it went."
)

QUOTE_CONSENT = {
    "anonymous": _("The campaign may quote my words from this report, without my name."),
    "with_name": _("The campaign may quote my words from this report, with my name."),
}

# The descriptions of the placeholders the meeting request fills (letters/placeholders.py),
# repeated here so that this app's catalogue translates them.
PLACEHOLDER_DESCRIPTIONS = [
    _("the times proposed for a meeting, one per line"),
    _("the place proposed for a meeting"),
]

LOBBYING_NOTE = _(
    "Meetings and other communications with federal or provincial office holders can count "
    "toward an organization's lobbying registration and monthly returns: keep this log, and "
    "check the rules of the Commissioner of Lobbying of Canada or of your province."
)
