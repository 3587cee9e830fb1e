"""What endorsements and invitations hold about a person: shown, erased, purged.

An organization's endorsement is the organization's act, not a person's: erasing the
contact person keeps the endorsement (it still counts), and removes who they are. Their
consents go too, kept in the privacy app's table; with the consent to be listed gone, the
organization is counted but no longer named, until someone endorses again and agrees anew.
An invited person's address goes with their erasure; the suppression list keeps only a
keyed hash of it (see `erase_endorsements`).
"""

import uuid

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.endorsements.conf import setting
from portevoix.endorsements.models import (
    Endorsement,
    Invitation,
    Organization,
    Suppression,
    referrer_consent_source,
    suppression_hash,
)
from portevoix.privacy.models import Consent
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge
from portevoix.spread.models import Referrer

ERASED_DOMAIN = "@erased.invalid"
FIELD_LABELS = {
    "what": _("what"),
    "organization": _("organization"),
    "contact_name": _("contact person"),
    "status": _("status"),
    "statement": _("statement"),
    "date": _("date"),
}


def erased_address():
    return f"erased-{uuid.uuid4().hex}{ERASED_DOMAIN}"


def export_endorsements(email):
    records = []
    for endorsement in Endorsement.objects.filter(organization__contact_email=email).select_related(
        "organization"
    ):
        records.append(
            {
                "what": "endorsement",
                "organization": endorsement.organization.name,
                "contact_name": endorsement.organization.contact_name,
                "status": endorsement.status,
                "statement": endorsement.statement,
                "date": endorsement.created_at.isoformat(),
            }
        )
    for invitation in Invitation.objects.filter(to_email=email):
        records.append(
            {
                "what": "invitation received",
                "organization": invitation.to_organization,
                "status": invitation.status,
                "date": invitation.created_at.isoformat(),
            }
        )
    for referrer in Referrer.objects.filter(email=email):
        records.append(
            {
                "what": "referral link",
                "contact_name": referrer.name,
                "date": referrer.created_at.isoformat(),
            }
        )
    suppression = Suppression.objects.filter(email_hash=suppression_hash(email)).first()
    if suppression is not None:
        records.append(
            {
                "what": "not to be sent invitations",
                "status": suppression.reason,
                "date": suppression.created_at.isoformat(),
            }
        )
    return records


def erase_endorsements(email):
    erased = 0
    unconfirmed = Endorsement.objects.filter(
        organization__contact_email=email, status=Endorsement.Status.UNCONFIRMED
    )
    Consent.objects.filter(source__in=[e.consent_source() for e in unconfirmed]).delete()
    erased += unconfirmed.delete()[0]
    for organization in Organization.objects.filter(contact_email=email):
        sources = [e.consent_source() for e in organization.endorsements.all()]
        Consent.objects.filter(source__in=sources).delete()
        Organization.objects.filter(pk=organization.pk).update(
            contact_name="", contact_email=erased_address()
        )
        erased += 1
    erased += Invitation.objects.filter(to_email=email).delete()[0]
    for referrer in Referrer.objects.filter(email=email):
        Consent.objects.filter(source=referrer_consent_source(referrer)).delete()
        Referrer.objects.filter(pk=referrer.pk).update(name="", email="")
        erased += 1
    # The suppression entry stays: it is how their refusal keeps being honoured, and erasing
    # it would let invitations reach them again. It holds only a keyed hash of the address,
    # which cannot be turned back into the address, so nothing that identifies them remains.
    return erased


def purge_unconfirmed_endorsements(now):
    """Endorsements never confirmed go once their confirmation link has long expired."""
    link_lifetime = timezone.timedelta(seconds=setting("ENDORSEMENT_CONFIRMATION_MAX_AGE"))
    cutoff = now - link_lifetime - timezone.timedelta(days=30)
    expired = Endorsement.objects.filter(
        status=Endorsement.Status.UNCONFIRMED, created_at__lt=cutoff
    )
    Consent.objects.filter(source__in=[e.consent_source() for e in expired]).delete()
    return expired.delete()[0]


register_personal_data(
    "endorsements",
    _("Endorsements, invitations and referral links"),
    export_endorsements,
    erase_endorsements,
    FIELD_LABELS,
)
register_purge("unconfirmed endorsements", purge_unconfirmed_endorsements)
