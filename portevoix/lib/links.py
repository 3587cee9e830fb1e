"""Signed, expiring links that carry a record's public id (confirmations sent by email)."""

from django.core import signing


def sign_public_id(salt, public_id):
    return signing.TimestampSigner(salt=salt).sign(str(public_id))


def unsign_public_id(salt, token, max_age):
    """(public id, problem): problem is None, "expired" or "invalid".

    An expired link still names its record, so the page can offer a new link for it.
    """
    signer = signing.TimestampSigner(salt=salt)
    try:
        return signer.unsign(token, max_age=max_age), None
    except signing.SignatureExpired:
        return signer.unsign(token), "expired"
    except signing.BadSignature:
        return None, "invalid"
