"""Emails, sent by the worker. Each task gets an id and re-reads the row: the row is the truth."""

import logging
from email.utils import formataddr

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task

from portevoix.campaigns.tasks import staff_addresses
from portevoix.endorsements import links
from portevoix.endorsements.conf import setting
from portevoix.endorsements.models import (
    Endorsement,
    Invitation,
    Suppression,
    referrer_consent_source,
    unsubscribe_url,
)
from portevoix.endorsements.personal_data import ERASED_DOMAIN
from portevoix.lib.emails import send_templated_email
from portevoix.privacy.models import Consent, Purpose
from portevoix.spread.models import Referrer

log = logging.getLogger(__name__)
OUTCOME_EMAILS = {
    Endorsement.Status.APPROVED: "endorsement_approved",
    Endorsement.Status.REJECTED: "endorsement_rejected",
    Endorsement.Status.MERGED: "endorsement_merged",
}


# Why an invitation stayed unsent, kept on its row for staff (never shown to the invited).
NOT_IN_THEIR_NAME = "Not sent: the inviter withdrew their consent to send it in their name."


def withdrawn(consents):
    """A consent was recorded for this and none of it stands any more.

    Checked when a message leaves, not only when it is queued: the consent table is the truth,
    and a person who withdrew while a message waited must not receive it, or be its sender.
    Rows from before consents were recorded have none, and are not stopped by this alone.
    """
    return consents.exists() and not consents.active().exists()


def may_write_to_contact(endorsement):
    """The contact still agrees to hear about their endorsement, and was not erased."""
    if endorsement.organization.contact_email.endswith(ERASED_DOMAIN):
        return False
    return not withdrawn(endorsement.consents().filter(purpose=Purpose.CONTACT_REPLY))


def may_send_in_the_name_of(referrer):
    """Porte-voix sends an invitation as coming from the inviter only while they agree."""
    if not referrer.email:
        return False  # erased: nobody to answer
    consents = Consent.objects.filter(
        source=referrer_consent_source(referrer), purpose=Purpose.SEND_LETTER
    )
    return not withdrawn(consents)


def endorsement_with_details(endorsement_id):
    found = Endorsement.objects.select_related("organization", "campaign", "own_referrer")
    return found.filter(pk=endorsement_id).first()


@task()
def send_endorsement_confirmation(endorsement_id):
    endorsement = endorsement_with_details(endorsement_id)
    if endorsement is None or endorsement.status != Endorsement.Status.UNCONFIRMED:
        return "nothing to confirm"
    if not may_write_to_contact(endorsement):
        return "consent withdrawn"
    send_templated_email(
        "endorsement_confirm",
        to=[endorsement.organization.contact_email],
        context={
            "endorsement": endorsement,
            "campaign": endorsement.campaign,
            "confirm_url": links.endorsement_confirmation_url(endorsement),
            "valid_days": setting("ENDORSEMENT_CONFIRMATION_MAX_AGE") // 86400,
        },
        language=endorsement.language,
    )
    return "asked"


@task()
def notify_staff_of_endorsement(endorsement_id):
    endorsement = endorsement_with_details(endorsement_id)
    recipients = staff_addresses(endorsement) if endorsement else []
    if not recipients:
        return "no one to tell"
    admin_path = reverse("admin:endorsements_endorsement_change", args=[endorsement.pk])
    send_templated_email(
        "endorsement_to_review",
        to=recipients,
        context={"endorsement": endorsement, "review_url": settings.SITE_URL + admin_path},
        language=settings.STAFF_LANGUAGE,
    )
    return "told"


@task()
def send_endorsement_outcome(endorsement_id):
    """Tell the contact what staff decided, once per decision, if they still agree to hear it."""
    endorsement = endorsement_with_details(endorsement_id)
    if endorsement is not None and not may_write_to_contact(endorsement):
        return "consent withdrawn"
    claimed = Endorsement.objects.filter(
        pk=endorsement_id, outcome_notified_at__isnull=True, status__in=list(OUTCOME_EMAILS)
    ).update(outcome_notified_at=timezone.now())
    if not claimed:
        return "nothing to tell"
    endorsement = endorsement_with_details(endorsement_id)
    try:
        send_outcome(endorsement)
    except Exception:
        # Unclaim, so that sending the outcome again is possible after the failure.
        Endorsement.objects.filter(pk=endorsement_id).update(outcome_notified_at=None)
        raise
    return "told"


def send_outcome(endorsement):
    campaign = endorsement.campaign
    with override(endorsement.language):
        list_url = settings.SITE_URL + reverse("endorsements:list", args=[campaign.slug])
    referrer = endorsement.own_referrer
    send_templated_email(
        OUTCOME_EMAILS[endorsement.status],
        to=[endorsement.organization.contact_email],
        context={
            "endorsement": endorsement,
            "campaign": campaign,
            "list_url": list_url,
            "allies_url": links.private_url(referrer) if referrer else "",
        },
        language=endorsement.language,
        reply_to=campaign.staff_notification_emails() or None,
    )


@task()
def send_inviter_confirmation(referrer_id):
    referrer = Referrer.objects.select_related("campaign").filter(pk=referrer_id).first()
    if referrer is None or not referrer.email or referrer.has_confirmed_email():
        return "nothing to confirm"
    send_templated_email(
        "inviter_confirm",
        to=[referrer.email],
        context={
            "referrer": referrer,
            "campaign": referrer.campaign,
            "confirm_url": links.inviter_confirmation_url(referrer),
            "private_url": links.private_url(referrer),
        },
        language=referrer.language,
    )
    return "asked"


@task()
def send_invitation(invitation_id):
    """Send one invitation, never twice: the row is claimed before anything leaves."""
    claimed = Invitation.objects.filter(pk=invitation_id, status=Invitation.Status.QUEUED).update(
        status=Invitation.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not queued"
    invitation = Invitation.objects.select_related("referrer", "campaign").get(pk=invitation_id)
    if Suppression.covers(invitation.to_email):
        invitation.status = Invitation.Status.SUPPRESSED
        invitation.save(update_fields=["status"])
        return "suppressed"
    if not may_send_in_the_name_of(invitation.referrer):
        Invitation.objects.filter(pk=invitation.pk).update(
            status=Invitation.Status.FAILED, last_error=NOT_IN_THEIR_NAME
        )
        return "consent withdrawn"
    try:
        deliver(invitation)
    except Exception as error:
        log.warning("Invitation %s could not be sent: %s", invitation.pk, error)
        Invitation.objects.filter(pk=invitation.pk).update(
            status=Invitation.Status.FAILED, last_error=str(error)[:2000]
        )
        return "failed"
    Invitation.objects.filter(pk=invitation.pk).update(
        status=Invitation.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def deliver(invitation):
    referrer = invitation.referrer
    unsubscribe = unsubscribe_url(invitation.to_email, invitation.language)
    send_templated_email(
        "invitation",
        to=[invitation.to_email],
        context={
            "invitation": invitation,
            "referrer": referrer,
            "campaign": invitation.campaign,
            "endorse_url": invitation.endorse_url(),
            "unsubscribe_url": unsubscribe,
        },
        language=invitation.language,
        reply_to=[formataddr((referrer.name, referrer.email))],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
