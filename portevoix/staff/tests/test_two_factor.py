import pyotp
import pytest
import time_machine
from django.utils import timezone

from portevoix.staff.models import AuditEntry, TwoFactorDevice
from portevoix.staff.two_factor import device_for

pytestmark = pytest.mark.django_db
VERIFY = "/en/staff/two-step-sign-in/"


def sign_in(client, user):
    assert (
        client.post(
            "/admin/login/?next=/admin/", {"username": user.username, "password": "password"}
        ).status_code
        == 302
    )


def code_for(device, offset_seconds=0):
    return pyotp.TOTP(device.secret).at(timezone.now().timestamp() + offset_seconds)


def test_a_staff_member_who_signed_in_with_a_password_is_sent_to_the_second_step(client, cast):
    sign_in(client, cast["sophie"])
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/equipe/connexion-en-deux-etapes/?next=%2Fadmin%2F"
    assert client.get("/admin/campaigns/campaign/").status_code == 302


def test_the_first_time_they_set_up_an_authenticator_with_a_qr_code(client, cast):
    sign_in(client, cast["sophie"])
    page = client.get(VERIFY).content.decode()
    assert 'src="data:image/svg+xml' in page
    assert "authenticator app" in page
    device = TwoFactorDevice.objects.get(user=cast["sophie"])
    assert not device.is_confirmed()
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.is_confirmed()
    assert AuditEntry.objects.filter(actor=cast["sophie"], action="two_factor.enrolled").exists()


def test_the_secret_is_encrypted_at_rest(cast):
    from django.db import connection

    device = device_for(cast["sophie"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM staff_twofactordevice WHERE id = %s", [device.pk])
        assert device.secret not in cursor.fetchone()[0]


def test_a_wrong_code_is_refused_with_a_clear_message(client, cast):
    sign_in(client, cast["sophie"])
    client.get(VERIFY)
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 400
    assert "not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_cannot_be_used_twice(client, cast):
    device = device_for(cast["sophie"])
    code = code_for(device)
    sign_in(client, cast["sophie"])
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post("/admin/logout/")
    sign_in(client, cast["sophie"])
    assert client.post(VERIFY, {"code": code}).status_code == 400


def test_a_code_from_the_previous_step_is_accepted_for_clock_drift(client, cast):
    device = device_for(cast["sophie"])
    sign_in(client, cast["sophie"])
    assert client.post(VERIFY, {"code": code_for(device, -30)}).status_code == 302


def test_guessing_codes_is_throttled(client, cast, settings):
    settings.SIGN_IN_FAILURES_PER_ACCOUNT = 3
    device = device_for(cast["sophie"])
    sign_in(client, cast["sophie"])
    for _ in range(3):
        client.post(VERIFY, {"code": "123456"})
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 400
    assert "Too many unsuccessful attempts" in response.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_people_who_are_not_staff_have_no_second_step(client, cast):
    client.force_login(cast["xavier"])
    assert client.get(VERIFY).status_code == 403


def test_the_second_step_needs_a_signed_in_person(client):
    response = client.get(VERIFY)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_it_never_sends_people_to_another_site_afterwards(client, cast):
    device = device_for(cast["sophie"])
    sign_in(client, cast["sophie"])
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_public_pages_do_not_ask_for_the_second_step(client, cast, campaign):
    sign_in(client, cast["sophie"])
    assert client.get(f"/en/campaigns/{campaign.slug}/").status_code == 200
