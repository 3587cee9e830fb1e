import hashlib

from django.conf import settings


def keyed_hash(text):
    """A keyed hash: enough to recognize a repeat, useless to anyone without the site's key."""
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b((text or "").encode(), key=key, digest_size=16).hexdigest()


def network_address_hash(request):
    """The visitor's network address as a keyed hash, for limits that must not keep it."""
    return keyed_hash(request.META.get("REMOTE_ADDR", "") if request else "")
