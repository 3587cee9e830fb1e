import json
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portevoix.campaigns.models import ContactMessage
from portevoix.privacy.actions import record_consent
from portevoix.privacy.links import make_token
from portevoix.privacy.models import Consent, Purpose

pytestmark = pytest.mark.django_db
EMAIL = "awa@example.org"


@pytest.fixture
def held(campaign):
    ContactMessage.objects.create(
        campaign=campaign, name="Awa", email=EMAIL, message="Mon histoire", language="fr"
    )
    return record_consent(
        email=EMAIL,
        purpose=Purpose.CONTACT_REPLY,
        wording="J’accepte qu’on me réponde.",
        language="fr",
        campaign=campaign,
    )


def ask_for_link(client, email, language="fr", capture=None):
    url = "/fr/mes-donnees/" if language == "fr" else "/en/my-data/"
    if capture is None:
        return client.post(url, {"email": email})
    with capture(execute=True):
        return client.post(url, {"email": email})


def link_in(message):
    return re.search(r"http://\S+", message.body).group(0)


def test_a_person_who_wrote_gets_a_private_link_by_email(
    client, held, django_capture_on_commit_callbacks
):
    response = ask_for_link(client, " Awa@Example.org ", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/fr/mes-donnees/lien-envoye/"
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert "/fr/mes-donnees/" in link_in(message)
    assert "Ce lien" in message.body or "lien" in message.body


def test_an_unknown_address_gets_the_same_answer_and_no_email(
    client, held, django_capture_on_commit_callbacks
):
    response = ask_for_link(
        client, "nobody@example.org", capture=django_capture_on_commit_callbacks
    )
    assert response["Location"] == "/fr/mes-donnees/lien-envoye/"
    assert mail.outbox == []


def test_links_are_limited_per_address(client, held, settings):
    settings.PERSONAL_DATA_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        assert ask_for_link(client, EMAIL, "en").status_code == 302
    refused = ask_for_link(client, EMAIL, "en")
    assert refused.status_code == 400
    assert "already sent several links" in refused.content.decode()


def test_a_bad_address_is_explained(client):
    response = ask_for_link(client, "awa@", "en")
    assert response.status_code == 400
    assert "does not look right" in response.content.decode()


def test_the_link_shows_everything_held_and_the_consents(client, held):
    page = client.get(f"/en/my-data/{make_token(EMAIL)}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert "Mon histoire" in text
    assert "J’accepte qu’on me réponde." in text
    assert "Withdraw this consent" in text


def test_the_data_downloads_as_json(client, held):
    response = client.get(f"/fr/mes-donnees/{make_token(EMAIL)}/telecharger/")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    assert data["data"]["contact_messages"]["records"][0]["message"] == "Mon histoire"
    assert data["data"]["consents"]["records"][0]["wording"] == "J’accepte qu’on me réponde."


def test_a_tampered_link_opens_nothing(client, held):
    token = make_token(EMAIL)
    forged = token.replace("awa", "bob")
    for url in [f"/en/my-data/{token[:-2]}xx/", f"/en/my-data/{forged}x/download/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "Mon histoire" not in response.content.decode()


def test_an_expired_link_opens_nothing(client, held, settings):
    token = make_token(EMAIL)
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=25)):
        response = client.get(f"/en/my-data/{token}/")
    assert response.status_code == 404
    assert "no longer valid" in response.content.decode()


def test_withdrawing_a_consent_takes_one_click(client, held):
    token = make_token(EMAIL)
    response = client.post(f"/en/my-data/{token}/consents/{held.pk}/withdraw/")
    assert response.status_code == 302
    assert not Consent.objects.get(pk=held.pk).is_active()


def test_no_one_can_withdraw_someone_elses_consent(client, held):
    token = make_token("mallory@example.org")
    assert client.post(f"/en/my-data/{token}/consents/{held.pk}/withdraw/").status_code == 404
    assert Consent.objects.get(pk=held.pk).is_active()


def test_erasing_needs_a_confirmation(client, held):
    token = make_token(EMAIL)
    response = client.post(f"/en/my-data/{token}/erase/", {})
    assert response.status_code == 400
    assert "tick the box" in response.content.decode()
    assert ContactMessage.objects.filter(email=EMAIL).exists()


def test_erasing_removes_everything_about_the_person(client, held, campaign):
    other = ContactMessage.objects.create(
        campaign=campaign, name="Bo", email="bo@example.org", message="Autre", language="en"
    )
    token = make_token(EMAIL)
    response = client.post(f"/en/my-data/{token}/erase/", {"confirm": "on"})
    assert response["Location"] == "/en/my-data/erased/"
    assert not ContactMessage.objects.filter(email=EMAIL).exists()
    assert not Consent.objects.for_email(EMAIL).exists()
    assert ContactMessage.objects.filter(pk=other.pk).exists()
    page = client.get(f"/en/my-data/{token}/").content.decode()
    assert "Mon histoire" not in page


def test_changing_data_needs_post(client, held):
    token = make_token(EMAIL)
    assert client.get(f"/en/my-data/{token}/erase/").status_code == 405
    assert client.get(f"/en/my-data/{token}/consents/{held.pk}/withdraw/").status_code == 405


def test_erasing_also_removes_the_emails_with_a_link_to_the_data(
    client, held, database_tasks, django_capture_on_commit_callbacks
):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from portevoix.privacy.tasks import send_personal_data_link

    ask_for_link(client, EMAIL, capture=django_capture_on_commit_callbacks)
    ask_for_link(client, EMAIL, capture=django_capture_on_commit_callbacks)
    sent, waiting = DBTaskResult.objects.filter(args_kwargs__icontains=EMAIL)
    DBTaskResult.objects.filter(pk=sent.pk).update(status=TaskResultStatus.SUCCESSFUL)
    # Another person's link, and one being sent at this moment, stay.
    someone_else = send_personal_data_link.enqueue("bo@example.org", "en")
    being_sent = send_personal_data_link.enqueue(EMAIL, "fr")
    DBTaskResult.objects.filter(pk=being_sent.id).update(status=TaskResultStatus.RUNNING)

    client.post(f"/en/my-data/{make_token(EMAIL)}/erase/", {"confirm": "on"})

    left = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert left == {someone_else.id, being_sent.id}
    assert str(sent.pk) not in left and str(waiting.pk) not in left


def test_the_emails_with_a_link_to_the_data_are_shown_with_the_rest(
    client, held, database_tasks, django_capture_on_commit_callbacks
):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from portevoix.privacy.tasks import send_personal_data_link

    ask_for_link(client, EMAIL, capture=django_capture_on_commit_callbacks)
    ask_for_link(client, EMAIL, capture=django_capture_on_commit_callbacks)
    first = DBTaskResult.objects.order_by("enqueued_at").first()
    DBTaskResult.objects.filter(pk=first.pk).update(status=TaskResultStatus.SUCCESSFUL)
    send_personal_data_link.enqueue("hawa@example.org", "fr")  # ends the same: not hers

    page = client.get(f"/fr/mes-donnees/{make_token(EMAIL)}/").content.decode()
    assert "Courriels avec un lien vers vos données" in page
    assert page.count("en attente d’envoi") == 1 and page.count(">envoyé<") == 1

    download = client.get(f"/en/my-data/{make_token(EMAIL)}/download/")
    records = json.loads(download.content)["data"]["data_links"]["records"]
    assert [record["status"] for record in records] == ["sent", "waiting to be sent"]


def test_a_letter_waiting_to_be_recorded_is_shown_by_what_it_is(client, campaign, database_tasks):
    from portevoix.letters.actions import request_confirmation
    from portevoix.letters.tests.factories import LetterFactory

    letter = LetterFactory(campaign=campaign, sender_email=EMAIL)
    assert request_confirmation(letter.public_id, campaign.pk, purposes=[], language="fr")

    page = client.get(f"/fr/mes-donnees/{make_token(EMAIL)}/").content.decode()
    assert "Une lettre que vous nous avez demandé d’envoyer" in page
    assert "en attente d’enregistrement" in page
    assert "letter-confirmation" not in page


def test_requests_for_a_link_are_forgotten_after_a_day(client, held):
    from portevoix.privacy.models import AccessRequest
    from portevoix.privacy.personal_data import purge_access_requests

    ask_for_link(client, EMAIL)
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=23)):
        assert purge_access_requests(timezone.now()) == 0
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=25)):
        assert purge_access_requests(timezone.now()) == 1
    assert not AccessRequest.objects.exists()
