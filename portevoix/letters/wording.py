"""Words a writer agrees to. Stored as shown, with the time, so consent can be proven later."""

from django.utils.translation import gettext_lazy as _

CONSENTS = {
    "send_letter": _(
        "Send this letter for me, in my name, to the recipients shown. Porte-voix keeps it and "
        "my contact details to deliver it and to show the campaign how many letters were sent."
    ),
    "hear_from_campaign": _(
        "I would like to hear from the campaign by email (news and next steps)."
    ),
    "follow_up": _("Ask me by email in a few weeks whether I received an answer."),
}

ON_BEHALF_AGREEMENT = _(
    "The person I am writing for agreed that I write this letter for them, in their name, "
    "and send it."
)
