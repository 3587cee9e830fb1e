import hashlib

from django.conf import settings


def keyed_hash(text):
    """A keyed hash: enough to recognize a repeat, useless to anyone without the site's key."""
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b((text or "").encode(), key=key, digest_size=16).hexdigest()
