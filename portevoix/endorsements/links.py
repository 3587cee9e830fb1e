"""Signed links sent by email: confirming an endorsement or an inviter's address.

The private link of an inviter is `Referrer.private_url()`; the unsubscribe link is in models.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from portevoix.endorsements.conf import setting
from portevoix.endorsements.models import Endorsement
from portevoix.lib.links import sign_public_id, unsign_public_id
from portevoix.spread.models import Referrer

ENDORSEMENT_SALT = "endorsements.confirm-endorsement"
INVITER_SALT = "endorsements.confirm-inviter"


def unsign(salt, token):
    """(public id, problem): problem is None, "expired" or "invalid"."""
    return unsign_public_id(salt, token, setting("ENDORSEMENT_CONFIRMATION_MAX_AGE"))


def confirmation_token(endorsement):
    return sign_public_id(ENDORSEMENT_SALT, endorsement.public_id)


def endorsement_from_token(token):
    """(endorsement, problem): problem is None, "expired" or "invalid"."""
    public_id, problem = unsign(ENDORSEMENT_SALT, token)
    if public_id is None:
        return None, problem
    found = Endorsement.objects.select_related("organization", "campaign", "own_referrer")
    endorsement = found.filter(public_id=public_id).first()
    return endorsement, (problem if endorsement else "invalid")


def inviter_confirmation_token(referrer):
    return sign_public_id(INVITER_SALT, referrer.public_id)


def inviter_from_token(token):
    """(referrer, problem) as for endorsements."""
    public_id, problem = unsign(INVITER_SALT, token)
    if public_id is None:
        return None, problem
    referrer = Referrer.objects.select_related("campaign").filter(public_id=public_id).first()
    return referrer, (problem if referrer else "invalid")


def absolute(name, args, language):
    with override(language):
        return settings.SITE_URL + reverse(name, args=args)


def endorsement_confirmation_url(endorsement):
    args = [endorsement.campaign.slug, confirmation_token(endorsement)]
    return absolute("endorsements:confirm", args, endorsement.language)


def inviter_confirmation_url(referrer):
    args = [referrer.campaign.slug, inviter_confirmation_token(referrer)]
    return absolute("endorsements:confirm_inviter", args, referrer.language)


def private_url(referrer):
    return settings.SITE_URL + referrer.private_url()
