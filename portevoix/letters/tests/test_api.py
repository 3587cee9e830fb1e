import pytest
from django.utils import timezone

from portevoix.api.models import ApiToken, Scope
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose

pytestmark = pytest.mark.django_db


def actions(client, token):
    return client.get("/api/v1/actions/", HTTP_AUTHORIZATION=f"Bearer {token}").json()


def test_a_crm_sees_confirmed_letters_and_the_writer_only_if_they_agreed(client):
    token = ApiToken.issue("CRM", [Scope.ACTIONS])[1]
    now = timezone.now()
    keen = LetterFactory(
        status=Letter.Status.SENT, confirmed_at=now, sent_at=now, sender_email="keen@example.org"
    )
    shy = LetterFactory(
        status=Letter.Status.SENT, confirmed_at=now, sent_at=now, sender_email="shy@example.org"
    )
    LetterFactory(status=Letter.Status.DRAFT)  # not an action yet
    record_consent(
        email="keen@example.org", purpose=Purpose.HEAR_FROM_CAMPAIGN, wording="News.", language="fr"
    )

    body = actions(client, token)
    by_id = {item["id"]: item for item in body["results"]}
    assert body["count"] == 2
    assert by_id[str(keen.public_id)]["writer"] == {
        "name": keen.sender_name,
        "email": "keen@example.org",
    }
    assert by_id[str(shy.public_id)]["writer"] is None
    assert "shy@example.org" not in str(body)
    assert "attendent" not in str(body)  # never the letter's words
