"""Encryption of sensitive text at rest, with keys from the environment.

`FIELD_ENCRYPTION_KEYS` lists secrets, newest first: text is encrypted with the first
and decrypted with whichever one fits, so a key can be rotated by putting a new one in
front and re-saving rows (`manage.py reencrypt`) before dropping the old one. A database
dump alone reveals nothing of the encrypted text.

Text is encrypted with AES-256-GCM, which authenticates it too: text changed in the database
does not decrypt. Each text has a random 96-bit nonce: safe for about four billion texts per
key (the bound NIST sets for random nonces), far more than a campaign writes.
Text written by earlier versions ("enc1:", Fernet: AES-128-CBC with HMAC-SHA256) still
reads, and `reencrypt` rewrites it in the current form. The current form costs a single call
into the cryptography library each way, against several for Fernet; every form post
encrypts what was typed, so it counts under a burst.
"""

import base64
import hashlib
import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "enc2:"
FERNET_PREFIX = "enc1:"
NONCE_BYTES = 12


class UndecryptableText(ValueError):
    """No configured key opens this text: the key that wrote it is missing (or the text was
    changed)."""


def aes_key(secret):
    """Any long random string becomes a 256-bit key, so operators can use their usual
    secrets; derived apart from the older Fernet key made from the same secret."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"portevoix text at rest")
    return kdf.derive(secret.encode())


@cache
def _ciphers(keys):
    return tuple(AESGCM(aes_key(secret)) for secret in keys)


def ciphers():
    """One cipher per key, newest first."""
    return _ciphers(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text):
    nonce = os.urandom(NONCE_BYTES)
    sealed = ciphers()[0].encrypt(nonce, text.encode(), None)
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(value):
    if not isinstance(value, str):
        return value
    if value.startswith(PREFIX):
        return _open(value)
    if value.startswith(FERNET_PREFIX):
        return _open_fernet(value)
    return value  # written before the field was encrypted


def _open(value):
    try:
        raw = base64.urlsafe_b64decode(value[len(PREFIX) :])
    except ValueError:
        raise UndecryptableText("this text is not in the form encryption writes") from None
    nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
    for cipher in ciphers():
        try:
            return cipher.decrypt(nonce, sealed, None).decode()
        except InvalidTag:
            continue  # another key wrote it, or it was changed
    raise UndecryptableText("none of FIELD_ENCRYPTION_KEYS opens this text")


def fernet_key(secret):
    """The key earlier versions made from a secret for Fernet."""
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())


@cache
def _fernet(keys):
    return MultiFernet([Fernet(fernet_key(secret)) for secret in keys])


def _open_fernet(value):
    fernet = _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))
    try:
        return fernet.decrypt(value[len(FERNET_PREFIX) :].encode()).decode()
    except InvalidToken:
        raise UndecryptableText("none of FIELD_ENCRYPTION_KEYS opens this text") from None
