"""Endorsements in the CRM API: which organizations stand behind the ask, and how to reach
the contact person only if they agreed to be contacted about their endorsement."""

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from portevoix.api.models import Scope
from portevoix.api.registry import Collection, register_collection
from portevoix.api.shapes import NULLABLE_TIME, iso
from portevoix.endorsements.models import ENDORSEMENT_SOURCE, REGIONS, Endorsement, Sector
from portevoix.privacy.models import Consent, Purpose
from portevoix.spread.models import Channel

STANDING = [Endorsement.Status.PENDING, Endorsement.Status.APPROVED]


def consent_stands(purpose):
    """True while this endorsement's consent for `purpose`, given by its contact, stands."""
    source = Concat(Value(ENDORSEMENT_SOURCE), Cast(OuterRef("pk"), CharField()))
    return Exists(
        Consent.objects.active().filter(
            purpose=purpose, source=source, email=OuterRef("organization__contact_email")
        )
    )


def confirmed_endorsements():
    """Confirmed by their contact, and not rejected or merged: awaiting review or approved."""
    return (
        Endorsement.objects.filter(status__in=STANDING)
        .annotate(
            listed=consent_stands(Purpose.LIST_PUBLICLY),
            may_contact=consent_stands(Purpose.CONTACT_REPLY),
        )
        .select_related("campaign", "organization")
        .order_by("confirmed_at", "pk")
    )


def serialize_endorsement(endorsement):
    organization = endorsement.organization
    public = endorsement.status == Endorsement.Status.APPROVED and endorsement.listed
    return {
        "id": str(endorsement.public_id),
        "campaign": endorsement.campaign.slug,
        "organization": organization.name,
        "sector": organization.sector,
        "region": organization.region,
        "status": endorsement.status,
        "language": endorsement.language,
        "received_at": iso(endorsement.created_at),
        "confirmed_at": iso(endorsement.confirmed_at),
        "decided_at": iso(endorsement.decided_at),
        "listed_publicly": endorsement.listed,
        # Only what the public list shows already: an unlisted organization's words stay here.
        "statement": endorsement.statement if public else None,
        "referral_channel": endorsement.referral_channel or None,
        "contact": (
            {"name": organization.contact_name, "email": organization.contact_email}
            if endorsement.may_contact
            else None
        ),
    }


register_collection(
    Collection(
        name="endorsements",
        scope=Scope.ENDORSEMENTS,
        description="Endorsements their contact confirmed, awaiting review or approved, oldest "
        "first; the statement only if the organization is listed publicly, the contact person "
        "only while they agree to be contacted about their endorsement.",
        queryset=confirmed_endorsements,
        since_field="confirmed_at",
        serialize=serialize_endorsement,
        item_schema={
            "type": "object",
            "required": [
                "id",
                "campaign",
                "organization",
                "sector",
                "region",
                "status",
                "listed_publicly",
                "statement",
                "contact",
            ],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "campaign": {"type": "string"},
                "organization": {"type": "string"},
                "sector": {"type": "string", "enum": Sector.values},
                "region": {"type": "string", "enum": [code for code, _name in REGIONS]},
                "status": {"type": "string", "enum": [status.value for status in STANDING]},
                "language": {"type": "string", "enum": ["fr", "en"]},
                "received_at": {"type": "string", "format": "date-time"},
                "confirmed_at": NULLABLE_TIME,
                "decided_at": NULLABLE_TIME,
                "listed_publicly": {"type": "boolean"},
                "statement": {"type": ["string", "null"]},
                "referral_channel": {"type": ["string", "null"], "enum": [*Channel.values, None]},
                "contact": {
                    "type": ["object", "null"],
                    "required": ["name", "email"],
                    "properties": {"name": {"type": "string"}, "email": {"type": "string"}},
                },
            },
        },
    )
)
