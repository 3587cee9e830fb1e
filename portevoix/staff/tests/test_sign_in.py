import pytest
import time_machine
from django.utils import timezone

from portevoix.staff.models import AuditEntry, SignInAttempt

pytestmark = pytest.mark.django_db


def attempt(client, username, password, language="en"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, cast, settings):
    settings.SIGN_IN_FAILURES_PER_ACCOUNT = 3
    for _ in range(3):
        assert attempt(client, "sophie", "wrong").status_code == 200
    locked = attempt(client, "sophie", "password")
    assert locked.status_code == 200
    assert "Too many unsuccessful attempts" in locked.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert attempt(client, "sophie", "password").status_code == 302


def test_the_refusal_is_in_french_for_a_french_browser(client, cast, settings):
    settings.SIGN_IN_FAILURES_PER_ACCOUNT = 1
    attempt(client, "sophie", "wrong", "fr")
    response = attempt(client, "sophie", "password", "fr")
    assert "Trop de tentatives" in response.content.decode()


def test_many_failures_from_one_network_address_are_throttled(client, cast, settings):
    settings.SIGN_IN_FAILURES_PER_NETWORK = 4
    for name in ["a", "b", "c", "d"]:
        attempt(client, name, "guess")
    assert "Too many" in attempt(client, "omar", "password").content.decode()


def test_attempts_keep_no_name_or_address_in_clear(client, cast):
    attempt(client, "sophie", "wrong")
    stored = SignInAttempt.objects.get()
    assert "sophie" not in stored.username_hash
    assert stored.network_hash and "127.0.0.1" not in stored.network_hash


def test_a_staff_sign_in_is_audited(client, cast):
    attempt(client, "sophie", "password")
    assert AuditEntry.objects.filter(actor=cast["sophie"], action="signed_in").exists()
