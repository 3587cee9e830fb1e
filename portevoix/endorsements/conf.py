"""This app's settings, with the defaults used when the environment says nothing."""

from django.conf import settings

DEFAULTS = {
    # A confirmation link works this many seconds.
    "ENDORSEMENT_CONFIRMATION_MAX_AGE": 7 * 24 * 3600,
    # Endorsement forms accepted per hour from one network address.
    "ENDORSEMENTS_PER_HOUR_PER_NETWORK": 10,
    # Invitations Porte-voix sends for one inviter (or one inviter's address) in 24 hours.
    "INVITATIONS_PER_DAY": 20,
    # An address invited through Porte-voix is not invited again to the same campaign for this long.
    "INVITATION_REPEAT_DAYS": 30,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
