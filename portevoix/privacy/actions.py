from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portevoix.lib.hashing import keyed_hash
from portevoix.lib.pagecache import bump_content_version
from portevoix.privacy.models import AccessRequest, Consent, Purpose
from portevoix.privacy.registry import erase_everything, holds_anything, normalize_email


def record_consent(*, email, purpose, wording, language, campaign=None, source=""):
    """Keep what the person agreed to, worded exactly as they saw it."""
    return Consent.objects.create(
        email=normalize_email(email),
        purpose=purpose,
        wording=str(wording),
        language=language,
        campaign=campaign,
        source=source,
    )


# Consents that decide what public pages show.
PUBLIC_PURPOSES = {Purpose.LIST_PUBLICLY, Purpose.QUOTE_PUBLICLY}


def withdraw_consent(consent):
    """Withdrawing is as easy as giving: one click, effective at once."""
    withdrawn = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    if withdrawn and consent.purpose in PUBLIC_PURPOSES:
        # update() sends no save signal: cached public pages must be drawn again.
        transaction.on_commit(bump_content_version)


def request_personal_data_link(*, email, language):
    """Email a private link to the person's data, if we hold any; say nothing either way.

    Returns False when too many links were asked for this address within the hour.
    """
    from portevoix.privacy.tasks import send_personal_data_link

    email = normalize_email(email)
    email_hash = keyed_hash(email)
    hour_ago = timezone.now() - timezone.timedelta(hours=1)
    recent = AccessRequest.objects.filter(email_hash=email_hash, created_at__gte=hour_ago)
    if recent.count() >= settings.PERSONAL_DATA_REQUESTS_PER_HOUR:
        return False
    AccessRequest.objects.create(email_hash=email_hash)
    if holds_anything(email):
        transaction.on_commit(lambda: send_personal_data_link.enqueue(email, language))
    return True


@transaction.atomic
def erase_personal_data(email):
    """Erase everything held about this address; only anonymous counts remain."""
    return erase_everything(email)
