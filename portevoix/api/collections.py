"""Collections every installation has. Other apps register theirs in their own ready()."""

from portevoix.api.models import Scope
from portevoix.api.registry import Collection, register_collection
from portevoix.privacy.models import Consent, Purpose


def people_who_agreed_to_hear_from_us():
    return (
        Consent.objects.active()
        .filter(purpose=Purpose.HEAR_FROM_CAMPAIGN)
        .select_related("campaign")
        .order_by("given_at", "pk")
    )


def serialize_person(consent):
    return {
        "email": consent.email,
        "language": consent.language,
        "campaign": consent.campaign.slug if consent.campaign else None,
        "agreed_at": consent.given_at.isoformat(),
        "agreed_to": consent.wording,
    }


register_collection(
    Collection(
        name="people",
        scope=Scope.PEOPLE,
        description="People who agreed to hear from the campaign, with the wording they agreed to.",
        queryset=people_who_agreed_to_hear_from_us,
        since_field="given_at",
        serialize=serialize_person,
        item_schema={
            "type": "object",
            "required": ["email", "language", "campaign", "agreed_at", "agreed_to"],
            "properties": {
                "email": {"type": "string", "format": "email"},
                "language": {"type": "string", "enum": ["fr", "en"]},
                "campaign": {"type": ["string", "null"]},
                "agreed_at": {"type": "string", "format": "date-time"},
                "agreed_to": {"type": "string"},
            },
        },
    )
)
