from django.utils.translation import gettext_lazy as _

from portevoix.privacy.models import Consent
from portevoix.privacy.registry import register_personal_data


def export_consents(email):
    return [
        {
            "purpose": consent.get_purpose_display(),
            "wording": consent.wording,
            "language": consent.language,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        }
        for consent in Consent.objects.for_email(email)
    ]


def erase_consents(email):
    deleted, _per_model = Consent.objects.for_email(email).delete()
    return deleted


register_personal_data(
    "consents",
    _("Your consents"),
    export_consents,
    erase_consents,
    {
        "purpose": _("purpose"),
        "wording": _("wording shown"),
        "language": _("language"),
        "given_at": _("given"),
        "withdrawn_at": _("withdrawn"),
    },
)
