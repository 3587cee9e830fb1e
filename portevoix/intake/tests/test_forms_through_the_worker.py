"""The endorsement form and "send it for me", with a real worker and a real SMTP server.

The request answers once one row is stored; the worker, a separate process as in
production, records the rest and sends the email moments later.
"""

import time

import pytest

from portevoix.endorsements.models import Endorsement
from portevoix.endorsements.tests.helpers import endorsement_form, url
from portevoix.intake.models import Submission
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.privacy.models import Consent, Purpose


@pytest.fixture(autouse=True)
def site_settings(settings):
    settings.SITE_URL = "https://porte-voix.example"
    settings.LETTER_DOMAIN_RATE_PER_MINUTE = 0


def wait_until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


def test_an_endorsement_is_accepted_at_once_and_carried_out_by_the_worker(client, campaign, worker):
    response = client.post(
        url("endorsements:endorse", campaign.slug, language="fr"), endorsement_form()
    )
    assert response.status_code == 302
    # Answered with one row written: nothing else yet, and nothing lost.
    assert Submission.objects.count() == 1
    assert not Endorsement.objects.exists()

    worker.start()
    [message] = worker.smtp.wait_for(1, timeout=30)
    assert worker.smtp.received[0].rcpt_tos == ["lea.roy@sante.example"]
    assert "Clinique Santé Pour Tous" in message.get_body(("plain",)).get_content()
    endorsement = Endorsement.objects.get()
    assert endorsement.language == "fr"
    purposes = set(Consent.objects.values_list("purpose", flat=True))
    assert purposes == {Purpose.CONTACT_REPLY, Purpose.LIST_PUBLICLY}
    assert wait_until(lambda: not Submission.objects.exists())


def test_send_it_for_me_awaits_confirmation_at_once_and_the_worker_emails_the_link(client, worker):
    draft = LetterFactory()
    response = client.post(draft.step_url("send"), {"send_letter": "on", "follow_up": "on"})
    assert response.status_code == 302
    draft.refresh_from_db()
    # The writer's status page already says what happens next.
    assert draft.status == Letter.Status.AWAITING_CONFIRMATION
    assert client.get(response["Location"]).status_code == 200

    worker.start()
    [message] = worker.smtp.wait_for(1, timeout=30)
    assert worker.smtp.received[0].rcpt_tos == [draft.sender_email]
    assert "/confirmer/" in message.get_body(("plain",)).get_content()
    assert {c.purpose for c in draft.consents()} == {Purpose.SEND_LETTER, Purpose.FOLLOW_UP}
    # A second click on the same button changes nothing.
    again = client.post(draft.step_url("send"), {"send_letter": "on", "follow_up": "on"})
    assert again.status_code == 302
    assert wait_until(lambda: not Submission.objects.exists())
    assert Consent.objects.count() == 2
