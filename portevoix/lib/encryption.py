"""Encryption of sensitive text at rest, with keys from the environment.

`FIELD_ENCRYPTION_KEYS` lists secrets, newest first: text is encrypted with the first
and decrypted with whichever one fits, so a key can be rotated by putting a new one in
front and re-saving rows (`manage.py reencrypt`) before dropping the old one. A database
dump alone reveals nothing of the encrypted text.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

PREFIX = "enc1:"


class UndecryptableText(ValueError):
    """No configured key opens this text: the key that wrote it is missing."""


def fernet_key(secret):
    """Any long random string becomes a Fernet key, so operators can use their usual secrets."""
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())


@cache
def _cipher(keys):
    return MultiFernet([Fernet(fernet_key(secret)) for secret in keys])


def cipher():
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text):
    return PREFIX + cipher().encrypt(text.encode()).decode()


def is_encrypted(value):
    return isinstance(value, str) and value.startswith(PREFIX)


def decrypt(value):
    if not is_encrypted(value):
        return value  # written before the field was encrypted
    try:
        return cipher().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        raise UndecryptableText("none of FIELD_ENCRYPTION_KEYS opens this text") from None


def rotate(value):
    """The same text, encrypted with the newest key."""
    if not is_encrypted(value):
        return encrypt(value)
    return PREFIX + cipher().rotate(value[len(PREFIX) :].encode()).decode()
