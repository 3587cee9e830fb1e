"""Sending through Porte-voix: consent, a signed link emailed to the writer, then the queue."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.actions import (
    carry_out_confirmation_request,
    confirmation_token,
    send_due_reminders,
)
from portevoix.letters.apps import sender_email_of
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.privacy.models import Consent

pytestmark = pytest.mark.django_db

CONSENT_ALL = {"send_letter": "on", "hear_from_campaign": "on", "follow_up": "on"}


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A browser whose requests commit: the mail queued after commit really goes out."""

    class Committing:
        def __getattr__(self, name):
            method = getattr(client, name)

            def call(*args, **kwargs):
                with django_capture_on_commit_callbacks(execute=True):
                    return method(*args, **kwargs)

            return call

    return Committing()


@pytest.fixture
def draft():
    return LetterFactory(body="Madame la Députée,\n\nMes propres mots, « sincères ».")


def confirm_url(letter):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(letter.language):
        return reverse("letters:confirm", args=[letter.campaign.slug, confirmation_token(letter)])


def link_in(message):
    return re.search(r"https?://\S+/confirmer/\S+/", message.body).group(0)


def test_asking_to_send_records_each_consent_and_emails_a_confirmation_link(client, draft):
    response = client.post(draft.step_url("send"), {"send_letter": "on", "follow_up": "on"})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Letter.Status.AWAITING_CONFIRMATION
    consents = {c.purpose: c for c in draft.consents()}
    assert set(consents) == {"send_letter", "follow_up"}
    assert "Envoyez cette lettre pour moi" in consents["send_letter"].wording
    assert consents["send_letter"].language == "fr"
    [message] = mail.outbox
    assert message.to == [draft.sender_email]
    assert message.subject == "Confirmez votre lettre à Hélène Député"
    assert link_in(message).startswith("https://porte-voix.example/fr/campagnes/")


def test_nothing_is_sent_without_consent_to_send(client, draft):
    response = client.post(draft.step_url("send"), {"hear_from_campaign": "on"})

    assert response.status_code == 400
    # The preview comes back whole, with the letter's own words.
    assert "Mes propres mots" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Letter.Status.DRAFT
    assert mail.outbox == []


def test_the_send_step_moves_the_letter_without_reading_it_first(client, draft):
    # The move says whether the letter was a draft ready to send: no read is needed first.
    with CaptureQueriesContext(connection) as queries:
        response = client.post(draft.step_url("send"), CONSENT_ALL)

    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    statements = [query["sql"] for query in queries.captured_queries]
    # On PostgreSQL the move and the intake row are one statement (WITH ... UPDATE ...).
    moved = next(n for n, sql in enumerate(statements) if 'UPDATE "letters_letter"' in sql)
    assert not [sql for sql in statements[:moved] if '"letters_letter"' in sql]
    draft.refresh_from_db()
    assert draft.status == Letter.Status.AWAITING_CONFIRMATION


def test_the_send_step_refuses_a_letter_of_another_campaign_or_a_forged_link(client, draft):
    other = CampaignFactory(slug="another-campaign")
    elsewhere = draft.step_url("send").replace(draft.campaign.slug, other.slug)
    forged = draft.step_url("send").replace(draft.private_token(), "not-a-token")

    assert client.post(elsewhere, CONSENT_ALL).status_code == 404
    assert client.post(forged, CONSENT_ALL).status_code == 404
    assert client.get(draft.step_url("send")).status_code == 405
    draft.refresh_from_db()
    assert draft.status == Letter.Status.DRAFT
    assert mail.outbox == []


def test_a_letter_not_ready_goes_back_to_its_preview_whatever_the_form(client, draft):
    Letter.objects.filter(pk=draft.pk).update(body="")
    for posted in [CONSENT_ALL, {}]:
        response = client.post(draft.step_url("send"), posted)
        assert response.status_code == 302
        assert response["Location"] == draft.step_url("preview")
    draft.refresh_from_db()
    assert draft.status == Letter.Status.DRAFT


def test_a_second_click_goes_to_the_status_page_even_with_the_form_refused(client, draft):
    client.post(draft.step_url("send"), CONSENT_ALL)
    response = client.post(draft.step_url("send"), {})
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert len(mail.outbox) == 1


def test_a_request_stored_before_the_public_id_was_written_is_still_carried_out(draft):
    # Rows stored by the previous version named the letter by its key.
    Letter.objects.filter(pk=draft.pk).update(
        status=Letter.Status.AWAITING_CONFIRMATION, confirmation_requested_at=timezone.now()
    )
    older = {"letter": draft.pk, "purposes": ["send_letter"], "language": "fr"}
    assert sender_email_of(older) == draft.sender_email
    carry_out_confirmation_request(older)
    assert [c.purpose for c in draft.consents()] == ["send_letter"]
    [message] = mail.outbox
    assert message.to == [draft.sender_email]


def test_the_consents_name_the_letter_s_campaign(client, draft):
    CampaignFactory(slug="another-campaign")
    client.post(draft.step_url("send"), {"send_letter": "on"})
    [consent] = draft.consents()
    assert consent.campaign_id == draft.campaign_id
    assert consent.source == f"letter:{draft.pk}"


def test_a_request_about_a_letter_erased_meanwhile_records_and_sends_nothing(draft):
    request = {"letter_public_id": str(draft.public_id), "purposes": ["send_letter"]}
    source = draft.consent_source()
    draft.delete()
    assert sender_email_of(request) == ""
    carry_out_confirmation_request({**request, "language": "fr"})
    assert not Consent.objects.filter(source=source).exists()
    assert mail.outbox == []


def test_a_request_about_a_letter_no_longer_awaiting_confirmation_sends_nothing(draft):
    # Still a draft, as a letter withdrawn in the seconds the request waited would be.
    request = {"letter_public_id": str(draft.public_id), "purposes": ["send_letter"]}
    assert sender_email_of(request) == draft.sender_email
    carry_out_confirmation_request({**request, "language": "fr"})
    assert not draft.consents().exists()
    assert mail.outbox == []


def test_a_double_click_on_send_emails_one_link(client, draft):
    client.post(draft.step_url("send"), CONSENT_ALL)
    second = client.post(draft.step_url("send"), CONSENT_ALL)

    assert second.status_code == 302
    assert len(mail.outbox) == 1
    assert draft.consents().count() == 3


def test_a_letter_to_a_recipient_without_email_cannot_be_sent_by_porte_voix(client, draft):
    Letter.objects.filter(pk=draft.pk).update(to_email="")
    client.post(draft.step_url("send"), CONSENT_ALL)
    draft.refresh_from_db()
    assert draft.status == Letter.Status.DRAFT
    assert mail.outbox == []


def awaiting(letter):
    Letter.objects.filter(pk=letter.pk).update(
        status=Letter.Status.AWAITING_CONFIRMATION, confirmation_requested_at=timezone.now()
    )
    letter.refresh_from_db()
    return letter


def test_the_link_shows_a_button_and_only_the_button_confirms(client, draft):
    letter = awaiting(draft)

    page = client.get(confirm_url(letter))
    assert page.status_code == 200
    letter.refresh_from_db()
    assert letter.status == Letter.Status.AWAITING_CONFIRMATION  # a mail scanner sends nothing

    response = client.post(confirm_url(letter))
    assert response.status_code == 302
    letter.refresh_from_db()
    # Tasks run at once in tests: the letter went straight out (to the test outbox).
    assert letter.status == Letter.Status.SENT
    [sent] = mail.outbox
    assert sent.to == [letter.to_email]
    assert sent.extra_headers["Message-ID"] == letter.message_id


def test_a_second_click_on_the_link_sends_nothing_more(client, draft):
    letter = awaiting(draft)
    client.post(confirm_url(letter))
    again = client.post(confirm_url(letter))

    assert again.status_code == 302
    assert len(mail.outbox) == 1


def test_a_tampered_link_is_refused(client, draft):
    letter = awaiting(draft)
    tampered = confirm_url(letter).replace(str(letter.public_id)[:4], "0000")

    response = client.post(tampered)

    assert response.status_code == 400
    assert "incomplet ou a été modifié" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.AWAITING_CONFIRMATION


def test_an_expired_link_is_refused_and_offers_a_new_one(client, draft, settings):
    letter = awaiting(draft)
    url = confirm_url(letter)

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(url)
        assert response.status_code == 410
        assert "Ce lien a expiré" in response.content.decode()
        letter.refresh_from_db()
        assert letter.status == Letter.Status.AWAITING_CONFIRMATION

        client.post(letter.step_url("resend"))
    [fresh] = mail.outbox
    assert fresh.to == [letter.sender_email]


def test_a_link_from_another_campaign_is_refused(client, draft, campaign):
    letter = awaiting(draft)
    url = confirm_url(letter).replace(letter.campaign.slug, campaign.slug)
    assert client.post(url).status_code == 400


def test_writing_twice_to_the_same_person_is_refused_kindly_to_the_writer_alone(client, draft):
    first = awaiting(draft)
    client.post(confirm_url(first))
    second = awaiting(
        LetterFactory(
            template=first.template,
            sender_email=first.sender_email,
            to_email=first.to_email,
        )
    )

    response = client.post(confirm_url(second))

    assert response.status_code == 409
    assert "Vous avez déjà envoyé une lettre" in response.content.decode()
    second.refresh_from_db()
    assert second.status == Letter.Status.AWAITING_CONFIRMATION
    assert len(mail.outbox) == 1


def test_the_status_page_never_says_whether_an_address_has_already_written(client, draft):
    first = awaiting(draft)
    client.post(confirm_url(first))
    second = LetterFactory(
        template=first.template, sender_email=first.sender_email, to_email=first.to_email
    )

    client.post(second.step_url("send"), CONSENT_ALL)

    second.refresh_from_db()
    assert second.status == Letter.Status.AWAITING_CONFIRMATION
    page = client.get(second.get_absolute_url()).content.decode()
    assert "déjà" not in page


def test_a_writer_who_has_not_confirmed_after_a_day_is_reminded_once(draft):
    letter = awaiting(draft)
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
    [reminder] = mail.outbox
    assert reminder.subject.startswith("Rappel : votre lettre à")
    assert "/confirmer/" in reminder.body
    letter.refresh_from_db()
    assert letter.reminder_sent_at is not None


def test_no_reminder_before_a_day(draft):
    awaiting(draft)
    assert send_due_reminders() == 0
    assert mail.outbox == []


def test_the_status_page_is_private_and_says_where_the_letter_is(client, draft):
    letter = awaiting(draft)
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "Nous avons envoyé un lien de confirmation" in page
    assert 'name="robots" content="noindex"' in page
