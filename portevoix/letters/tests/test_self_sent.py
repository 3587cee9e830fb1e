"""Letters the writer sent themselves (own email, or printed): recorded once, and counted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory

pytestmark = pytest.mark.django_db


def url(letter):
    return letter.step_url("self_sent")


def test_the_writer_marks_a_draft_as_sent_themselves_and_it_counts(client):
    letter = LetterFactory()
    preview = client.get(letter.step_url("preview")).content.decode()
    assert url(letter) in preview

    response = client.post(url(letter))
    assert response.status_code == 302
    assert response["Location"] == letter.get_absolute_url()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SELF_SENT
    assert letter.sent_at is not None
    assert list(Letter.objects.sent()) == [letter]
    assert list(Letter.objects.sent_by_platform()) == []

    status = client.get(letter.get_absolute_url()).content.decode()
    assert "vous-même" in status
    assert "Envoyée par la personne elle-même" in status


def test_a_second_click_changes_nothing(client):
    letter = LetterFactory()
    client.post(url(letter))
    letter.refresh_from_db()
    first = letter.sent_at
    response = client.post(url(letter))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.sent_at == first
    assert Letter.objects.sent().count() == 1


def test_it_refuses_a_get(client):
    letter = LetterFactory()
    assert client.get(url(letter)).status_code == 405
    letter.refresh_from_db()
    assert letter.status == Letter.Status.DRAFT


def test_a_letter_sent_by_porte_voix_cannot_be_marked(client):
    for status in [Letter.Status.QUEUED, Letter.Status.SENDING, Letter.Status.SENT]:
        letter = LetterFactory(status=status)
        response = client.post(url(letter))
        assert response.status_code == 409
        assert "ne peut pas être marquée" in response.content.decode()
        letter.refresh_from_db()
        assert letter.status == status


def test_a_letter_waiting_for_confirmation_is_marked_and_its_link_then_sends_nothing(client):
    from portevoix.letters import actions

    letter = LetterFactory(status=Letter.Status.AWAITING_CONFIRMATION)
    page = client.get(letter.get_absolute_url()).content.decode()
    assert url(letter) in page
    client.post(url(letter))
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SELF_SENT
    assert actions.confirm_letter(letter) == actions.Confirmation.ALREADY
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SELF_SENT


def test_a_failed_letter_that_was_printed_can_be_marked(client):
    letter = LetterFactory(status=Letter.Status.FAILED)
    client.post(url(letter))
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SELF_SENT
    assert letter.failed_at is None


def test_a_draft_without_text_goes_back_to_the_preview(client):
    letter = LetterFactory(body="")
    response = client.post(url(letter))
    assert response.status_code == 302
    assert response["Location"] == letter.step_url("preview")
    letter.refresh_from_db()
    assert letter.status == Letter.Status.DRAFT


def test_a_second_letter_to_the_same_recipient_is_not_counted_twice(client):
    sent = LetterFactory(status=Letter.Status.SENT)
    again = LetterFactory(
        template=sent.template, sender_email=sent.sender_email, to_email=sent.to_email
    )
    response = client.post(url(again))
    assert response.status_code == 409
    assert "compte déjà" in response.content.decode()
    again.refresh_from_db()
    assert again.status == Letter.Status.DRAFT


def test_the_button_speaks_english_too(client):
    letter = LetterFactory(language="en")
    with translation.override("en"):
        preview = client.get(letter.step_url("preview")).content.decode()
        client.post(url(letter))
        status = client.get(letter.get_absolute_url()).content.decode()
    assert "I sent it" in preview
    assert "that you sent your letter to" in status


def test_a_forged_link_is_404(client):
    letter = LetterFactory()
    forged = reverse("letters:self_sent", args=[letter.campaign.slug, "forged"])
    assert client.post(forged).status_code == 404


def test_marking_it_sent_is_the_writers_confirmation_unless_they_confirmed_before(client):
    draft = LetterFactory()
    client.post(url(draft))
    draft.refresh_from_db()
    assert draft.confirmed_at == draft.sent_at

    earlier = timezone.now() - timedelta(days=3)
    failed = LetterFactory(status=Letter.Status.FAILED, confirmed_at=earlier)
    client.post(url(failed))
    failed.refresh_from_db()
    assert failed.status == Letter.Status.SELF_SENT and failed.confirmed_at == earlier
