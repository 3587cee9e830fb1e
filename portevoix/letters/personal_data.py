"""What letters hold about a person: shown to them, erased on request, purged when expired.

Erasing or purging keeps the letter's row (its campaign, riding, status and dates), so the
campaign's counts survive; only what identifies the writer, and their words, go.
"""

import uuid

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import Campaign
from portevoix.letters.models import SENT_STATES, Letter
from portevoix.privacy.models import Consent, Purpose
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge

ERASED_DOMAIN = "@erased.invalid"
FIELD_LABELS = {
    "started": _("started"),
    "status": _("status"),
    "to": _("to"),
    "riding": _("riding"),
    "subject": _("subject"),
    "letter": _("letter"),
    "sent": _("sent"),
}


def export_letters(email):
    return [
        {
            "started": letter.created_at.isoformat(),
            "status": letter.status,
            "to": letter.to_name,
            "riding": letter.riding_name,
            "subject": letter.subject,
            "letter": letter.body,
            "sent": letter.sent_at.isoformat() if letter.sent_at else None,
        }
        for letter in Letter.objects.filter(sender_email=email)
    ]


def anonymize(letters):
    """Remove the writer and their words; keep what the campaign counts."""
    count = 0
    for letter in letters:
        Letter.objects.filter(pk=letter.pk).update(
            sender_name="",
            # Unique per letter: the one-letter-per-recipient rule must not see them as repeats.
            sender_email=f"erased-{uuid.uuid4().hex}{ERASED_DOMAIN}",
            sender_organization="",
            on_behalf_of="",
            on_behalf_agreement="",
            postal_code="",
            body="",
        )
        count += 1
    return count


def erase_letters(email):
    unsent = Letter.objects.filter(
        sender_email=email, status__in=[Letter.Status.DRAFT, Letter.Status.AWAITING_CONFIRMATION]
    )
    deleted, _per_model = unsent.delete()
    return deleted + anonymize(Letter.objects.filter(sender_email=email))


def purge_letter_bodies(now):
    """Letter texts go a campaign's set number of days after sending."""
    purged = 0
    for campaign in Campaign.objects.all():
        cutoff = now - timezone.timedelta(days=campaign.letter_body_retention_days)
        expired = Letter.objects.filter(
            campaign=campaign, status__in=SENT_STATES, sent_at__lte=cutoff
        ).exclude(body="")
        purged += expired.update(body="")
    return purged


def purge_unconfirmed_letters(now):
    """Letters never confirmed are deleted once their link can no longer be used."""
    cutoff = now - timezone.timedelta(
        seconds=settings.LETTER_CONFIRMATION_MAX_AGE,
        days=settings.UNCONFIRMED_LETTER_RETENTION_DAYS,
    )
    deleted, _per_model = Letter.objects.filter(
        status__in=[Letter.Status.DRAFT, Letter.Status.AWAITING_CONFIRMATION], created_at__lt=cutoff
    ).delete()
    return deleted


def purge_old_contact_details(now):
    """Writers' details go a set number of months after their last letter, unless they agreed
    to hear from the campaign."""
    staying = Consent.objects.active().filter(purpose=Purpose.HEAR_FROM_CAMPAIGN).values("email")
    anonymized = 0
    for campaign in Campaign.objects.all():
        cutoff = now - timezone.timedelta(days=30 * campaign.contact_details_retention_months)
        active_lately = Letter.objects.filter(
            Q(sent_at__gt=cutoff) | Q(created_at__gt=cutoff)
        ).values("sender_email")
        expired = (
            Letter.objects.filter(campaign=campaign)
            .exclude(sender_email="")
            .exclude(sender_email__endswith=ERASED_DOMAIN)
            .exclude(sender_email__in=staying)
            .exclude(sender_email__in=active_lately)
        )
        anonymized += anonymize(expired)
    return anonymized


register_personal_data("letters", _("Your letters"), export_letters, erase_letters, FIELD_LABELS)
register_purge("letter texts", purge_letter_bodies)
register_purge("unconfirmed letters", purge_unconfirmed_letters)
register_purge("letter writers' details", purge_old_contact_details)
