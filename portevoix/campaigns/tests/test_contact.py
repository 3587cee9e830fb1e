from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from portevoix.campaigns.models import ContactMessage
from portevoix.privacy.models import Consent
from portevoix.test import query_plan

pytestmark = pytest.mark.django_db


def contact_url(campaign, language="en"):
    segment = "campaigns" if language == "en" else "campagnes"
    page = "contact" if language == "en" else "nous-joindre"
    return f"/{language}/{segment}/{campaign.slug}/{page}/"


def valid_message(**overrides):
    return {
        "name": "Amina",
        "email": "Amina@Example.org ",
        "organization": "",
        "message": "How can our mosque help?",
        "consent_to_reply": "on",
        **overrides,
    }


def test_it_shows_the_form_in_each_language(client, campaign):
    assert "Your email address" in client.get(contact_url(campaign)).content.decode()
    french = client.get(contact_url(campaign, "fr")).content.decode()
    assert "Votre adresse courriel" in french


@override_settings(STAFF_NOTIFICATION_EMAILS=["team@council.example"])
def test_it_stores_the_message_and_tells_staff(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_url(campaign), valid_message())
    assert response.status_code == 302
    assert response["Location"].endswith("/contact/thanks/")
    stored = ContactMessage.objects.get()
    assert stored.email == "amina@example.org"
    assert stored.campaign == campaign
    assert stored.language == "en"
    assert stored.consent_to_reply
    consent = Consent.objects.get()
    assert consent.email == "amina@example.org" and consent.purpose == "contact_reply"
    assert "answer me" in consent.wording and consent.language == "en"
    assert stored.staff_notified_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["team@council.example"]
    assert mail.outbox[0].reply_to == ["amina@example.org"]
    assert "How can our mosque help?" in mail.outbox[0].body


def test_it_notifies_the_campaigns_own_address_first(
    client, campaign, django_capture_on_commit_callbacks
):
    campaign.contact_email = "campagne@council.example"
    campaign.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_url(campaign), valid_message())
    assert mail.outbox[0].to == ["campagne@council.example"]


def test_it_keeps_what_was_typed_and_explains_a_bad_email_in_french(client, campaign):
    response = client.post(contact_url(campaign, "fr"), valid_message(email="amina@"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Cette adresse courriel ne semble pas correcte" in page
    assert "How can our mosque help?" in page
    assert ContactMessage.objects.count() == 0


def test_it_explains_a_bad_email_in_english(client, campaign):
    response = client.post(contact_url(campaign), valid_message(email="not an address"))
    assert "This email address does not look right" in response.content.decode()


def test_it_refuses_without_consent_to_be_answered(client, campaign):
    data = valid_message()
    del data["consent_to_reply"]
    response = client.post(contact_url(campaign), data)
    assert response.status_code == 400
    assert "We need your agreement" in response.content.decode()
    assert ContactMessage.objects.count() == 0


def test_it_refuses_an_empty_message(client, campaign):
    response = client.post(contact_url(campaign, "fr"), valid_message(message="   "))
    assert response.status_code == 400
    assert "Veuillez écrire votre message" in response.content.decode()


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(client, campaign):
    response = client.post(contact_url(campaign), valid_message(website="http://spam.example"))
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


@override_settings(CONTACT_LIMIT_PER_EMAIL=2)
def test_it_limits_messages_per_address_and_loses_none_already_accepted(client, campaign):
    for _ in range(2):
        assert client.post(contact_url(campaign), valid_message()).status_code == 302
    response = client.post(contact_url(campaign, "fr"), valid_message())
    assert response.status_code == 400
    assert "plusieurs messages" in response.content.decode()
    assert ContactMessage.objects.count() == 2


@override_settings(CONTACT_LIMIT_PER_IP=2, CONTACT_LIMIT_PER_EMAIL=10)
def test_it_limits_messages_per_network_address(client, campaign):
    for n in range(2):
        client.post(contact_url(campaign), valid_message(email=f"p{n}@example.org"))
    response = client.post(contact_url(campaign), valid_message(email="p9@example.org"))
    assert response.status_code == 400
    other_network = client.post(
        contact_url(campaign), valid_message(email="p9@example.org"), REMOTE_ADDR="10.9.9.9"
    )
    assert other_network.status_code == 302


def store_messages(campaign, count, *, hours_ago=0, **sender):
    received = timezone.now() - timedelta(hours=hours_ago)
    ContactMessage.objects.bulk_create(
        ContactMessage(
            campaign=campaign,
            name="Sender",
            email=sender.get("email", f"other{n}@example.org"),
            network_address_hash=sender.get("network_address_hash", f"net{n}"),
            message="Hello",
            language="en",
            created_at=received,
        )
        for n in range(count)
    )


def test_a_senders_limit_counts_their_recent_messages_only(campaign):
    store_messages(campaign, 40)  # other people
    store_messages(campaign, 5, hours_ago=2, email="amina@example.org")  # too long ago
    recent = ContactMessage.objects.recent()
    assert not recent.at_least(1, email="amina@example.org")
    store_messages(campaign, 2, email="amina@example.org", network_address_hash="home")
    assert recent.at_least(2, email="amina@example.org")
    assert not recent.at_least(3, email="amina@example.org")
    assert recent.at_least(2, network_address_hash="home")
    assert not recent.at_least(3, network_address_hash="home")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
@pytest.mark.parametrize(
    ("sender", "index"),
    [
        ({"email": "a@example.org"}, "contact_by_email"),
        ({"network_address_hash": "h"}, "contact_by_network"),
    ],
)
def test_a_senders_limit_is_read_through_their_index_and_at_most_the_limit(sender, index):
    check = ContactMessage.objects.recent().filter(**sender)[:3].values("pk")
    sql, _values = check.query.sql_with_params()
    assert index in query_plan(check)
    assert "LIMIT 3" in sql


def test_it_keeps_only_a_hash_of_the_network_address(client, campaign):
    client.post(contact_url(campaign), valid_message(), REMOTE_ADDR="192.0.2.44")
    stored = ContactMessage.objects.get()
    assert "192.0.2.44" not in stored.network_address_hash
    assert len(stored.network_address_hash) == 32


def test_it_refuses_other_methods(client, campaign):
    assert client.put(contact_url(campaign)).status_code == 405


def test_the_thanks_page_exists_in_both_languages(client, campaign):
    english = client.get(f"/en/campaigns/{campaign.slug}/contact/thanks/")
    french = client.get(f"/fr/campagnes/{campaign.slug}/nous-joindre/merci/")
    assert "your message has been received" in english.content.decode()
    assert "message a bien été reçu" in french.content.decode()


def test_it_does_not_notify_twice(campaign):
    from portevoix.campaigns.tasks import notify_staff_of_contact_message

    message = ContactMessage.objects.create(
        campaign=campaign, name="A", email="a@example.org", message="m", language="fr"
    )
    with override_settings(STAFF_NOTIFICATION_EMAILS=["team@council.example"]):
        notify_staff_of_contact_message.call(message.pk)
        notify_staff_of_contact_message.call(message.pk)
    assert len(mail.outbox) == 1


@override_settings(CONTACT_LIMIT_PER_IP=2, CONTACT_LIMIT_PER_EMAIL=10, BEHIND_PROXY=True)
def test_behind_a_proxy_each_visitors_network_has_its_own_limit(client, campaign):
    def post_from(visitor, email):
        message = valid_message(email=email)
        return client.post(
            contact_url(campaign), message, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor
        )

    for n in range(2):
        assert post_from("203.0.113.5", f"p{n}@example.org").status_code == 302
    assert post_from("203.0.113.5", "p8@example.org").status_code == 400
    # Another visitor through the same proxy is not held back by the first one's messages.
    assert post_from("198.51.100.7", "p9@example.org").status_code == 302
    assert ContactMessage.objects.count() == 3
