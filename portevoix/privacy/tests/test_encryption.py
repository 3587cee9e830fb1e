import base64
import hashlib

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from portevoix.campaigns.models import ContactMessage
from portevoix.lib import encryption

pytestmark = pytest.mark.django_db
STORY = "Ma fille attend à la frontière depuis deux ans."


def stored_value(message):
    with connection.cursor() as cursor:
        cursor.execute("SELECT message FROM campaigns_contactmessage WHERE id = %s", [message.pk])
        return cursor.fetchone()[0]


def store_raw(message, value):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE campaigns_contactmessage SET message = %s WHERE id = %s", [value, message.pk]
        )


def as_earlier_versions_wrote(text, secret):
    """Text as versions before AES-GCM stored it: Fernet, its key the secret's SHA-256."""
    key = base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())
    return "enc1:" + Fernet(key).encrypt(text.encode()).decode()


def make_message(text=STORY):
    return ContactMessage.objects.create(
        name="Awa", email="awa@example.org", message=text, language="fr"
    )


def test_the_database_holds_only_ciphertext(settings):
    message = make_message()
    raw = stored_value(message)
    assert STORY not in raw and "frontière" not in raw
    assert raw.startswith("enc2:")
    assert ContactMessage.objects.get(pk=message.pk).message == STORY


def test_text_written_under_an_old_key_still_reads_after_rotation(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["old-key-kept-in-the-environment"]
    message = make_message()
    settings.FIELD_ENCRYPTION_KEYS = [
        "new-key-kept-in-the-environment",
        "old-key-kept-in-the-environment",
    ]
    assert ContactMessage.objects.get(pk=message.pk).message == STORY


def test_reencrypt_moves_everything_to_the_newest_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["old-key-kept-in-the-environment"]
    message = make_message()
    settings.FIELD_ENCRYPTION_KEYS = [
        "new-key-kept-in-the-environment",
        "old-key-kept-in-the-environment",
    ]
    call_command("reencrypt", verbosity=0)
    settings.FIELD_ENCRYPTION_KEYS = ["new-key-kept-in-the-environment"]
    assert ContactMessage.objects.get(pk=message.pk).message == STORY


def test_without_the_right_key_the_text_cannot_be_read(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["the-key-that-wrote-it"]
    message = make_message()
    settings.FIELD_ENCRYPTION_KEYS = ["some-other-key"]
    with pytest.raises(encryption.UndecryptableText):
        ContactMessage.objects.get(pk=message.pk)


def test_the_same_text_encrypts_differently_each_time():
    assert encryption.encrypt(STORY) != encryption.encrypt(STORY)
    assert encryption.decrypt(encryption.encrypt(STORY)) == STORY


def test_text_saved_before_encryption_is_still_readable():
    message = make_message()
    ContactMessage.objects.filter(pk=message.pk).update(message="placeholder")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE campaigns_contactmessage SET message = 'plain old text'")
    assert ContactMessage.objects.get(pk=message.pk).message == "plain old text"


def test_text_written_by_earlier_versions_still_reads_and_is_rewritten_by_reencrypt(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["new-key-kept-in-the-environment", "the-old-one"]
    message = make_message("placeholder")
    store_raw(message, as_earlier_versions_wrote(STORY, "the-old-one"))
    assert ContactMessage.objects.get(pk=message.pk).message == STORY
    call_command("reencrypt", verbosity=0)
    assert stored_value(message).startswith("enc2:")
    settings.FIELD_ENCRYPTION_KEYS = ["new-key-kept-in-the-environment"]
    assert ContactMessage.objects.get(pk=message.pk).message == STORY


def test_text_changed_in_the_database_is_refused_not_read():
    message = make_message()
    raw = stored_value(message)
    flipped = raw[:-6] + ("A" if raw[-6] != "A" else "B") + raw[-5:]
    store_raw(message, flipped)
    with pytest.raises(encryption.UndecryptableText):
        ContactMessage.objects.get(pk=message.pk)
    store_raw(message, "enc2:not base64 at all!")
    with pytest.raises(encryption.UndecryptableText):
        ContactMessage.objects.get(pk=message.pk)


def test_an_earlier_versions_text_without_its_key_cannot_be_read(settings):
    message = make_message("placeholder")
    store_raw(message, as_earlier_versions_wrote(STORY, "a-key-since-dropped"))
    with pytest.raises(encryption.UndecryptableText):
        ContactMessage.objects.get(pk=message.pk)
