"""Slow down guessing: too many failed sign-ins or codes in a window, and we refuse for a while."""

from django.conf import settings
from django.utils import timezone

from portevoix.lib.hashing import keyed_hash, network_address_hash
from portevoix.staff.models import SignInAttempt


def recent_failures(kind, **hashes):
    window = timezone.now() - timezone.timedelta(seconds=settings.SIGN_IN_THROTTLE_WINDOW)
    return SignInAttempt.objects.filter(kind=kind, succeeded=False, at__gte=window, **hashes)


def is_throttled(request, username, kind="password"):
    by_name = recent_failures(kind, username_hash=keyed_hash(username.lower())).count()
    by_network = recent_failures(kind, network_hash=network_address_hash(request)).count()
    return (
        by_name >= settings.SIGN_IN_FAILURES_PER_ACCOUNT
        or by_network >= settings.SIGN_IN_FAILURES_PER_NETWORK
    )


def note_attempt(request, username, succeeded, kind="password"):
    SignInAttempt.objects.create(
        username_hash=keyed_hash(username.lower()),
        network_hash=network_address_hash(request),
        kind=kind,
        succeeded=succeeded,
    )
