"""Signed, expiring links that let a person reach their own data without an account."""

from django.conf import settings
from django.core import signing

SALT = "portevoix.privacy.personal-data"


def make_token(email):
    return signing.TimestampSigner(salt=SALT).sign_object({"email": email})


def email_from_token(token):
    """The address the link was made for, or None if it was tampered with or has expired."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=settings.PERSONAL_DATA_LINK_MAX_AGE
        )
    except signing.BadSignature:
        return None
    return data.get("email")
