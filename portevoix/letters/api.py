"""Letters in the CRM API: what was written to whom, and by whom only if they agreed."""

from portevoix.api.models import Scope
from portevoix.api.registry import Collection, register_collection
from portevoix.api.shapes import LANGUAGE, NULLABLE_STRING, NULLABLE_TIME, iso
from portevoix.letters.models import WRITTEN_STATES, Letter
from portevoix.privacy.models import Consent, Purpose


def written_letters():
    # A letter is written exactly when it is confirmed (the check
    # `written_letters_are_confirmed`): read in order from the `letters_confirmed` index.
    return (
        Letter.objects.filter(confirmed_at__isnull=False)
        .select_related("campaign", "template")
        .order_by("confirmed_at", "pk")
    )


def writer_if_they_agreed(letter):
    agreed = Consent.objects.active().filter(
        email=letter.sender_email, purpose=Purpose.HEAR_FROM_CAMPAIGN
    )
    if not agreed.exists():
        return None
    return {"name": letter.sender_name, "email": letter.sender_email}


def serialize_letter(letter):
    return {
        "kind": "letter",
        "id": str(letter.public_id),
        "campaign": letter.campaign.slug,
        "template": letter.template.key,
        "language": letter.language,
        "status": letter.status,
        "to": letter.to_name,
        "riding": letter.riding_name or None,
        "province": letter.province or None,
        "confirmed_at": iso(letter.confirmed_at),
        "sent_at": iso(letter.sent_at),
        "writer": writer_if_they_agreed(letter),
    }


register_collection(
    Collection(
        name="actions",
        scope=Scope.ACTIONS,
        description="Letters people confirmed, oldest first; the writer only if they agreed to "
        "hear from the campaign.",
        queryset=written_letters,
        since_field="confirmed_at",
        serialize=serialize_letter,
        item_schema={
            "type": "object",
            "required": ["kind", "id", "campaign", "template", "language", "status", "to"],
            "properties": {
                "kind": {"type": "string", "enum": ["letter"]},
                "id": {"type": "string", "format": "uuid"},
                "campaign": {"type": "string"},
                "template": {"type": "string"},
                "language": LANGUAGE,
                "status": {"type": "string", "enum": WRITTEN_STATES},
                "to": {"type": "string"},
                "riding": NULLABLE_STRING,
                "province": NULLABLE_STRING,
                "confirmed_at": NULLABLE_TIME,
                "sent_at": NULLABLE_TIME,
                "writer": {
                    "type": ["object", "null"],
                    "properties": {"name": {"type": "string"}, "email": {"type": "string"}},
                },
            },
        },
    )
)
