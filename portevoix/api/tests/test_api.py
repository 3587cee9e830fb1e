import pytest
from django.utils import timezone

from portevoix.api.models import ApiToken, Scope, hash_token
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose

pytestmark = pytest.mark.django_db


def agree(email, campaign=None, purpose=Purpose.HEAR_FROM_CAMPAIGN):
    return record_consent(
        email=email,
        purpose=purpose,
        wording="I want to hear from the campaign.",
        language="en",
        campaign=campaign,
    )


def get(client, path, token=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(path, params, **headers)


@pytest.fixture
def people_token():
    return ApiToken.issue("CRM", [Scope.PEOPLE])[1]


def test_only_the_hash_of_a_token_is_stored():
    token, plain = ApiToken.issue("CRM", [Scope.PEOPLE])
    assert plain.startswith("pv_") and len(plain) > 40
    assert token.token_hash == hash_token(plain) and plain not in token.token_hash
    assert token.prefix == plain[:8]


def test_it_lists_people_who_agreed_to_hear_from_the_campaign(client, campaign, people_token):
    agree("awa@example.org", campaign)
    agree("bo@example.org", campaign, purpose=Purpose.CONTACT_REPLY)  # agreed to something else
    withdrawn = agree("cy@example.org", campaign)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    body = get(client, "/api/v1/people/", people_token).json()
    assert body["count"] == 1
    assert body["results"] == [
        {
            "email": "awa@example.org",
            "language": "en",
            "campaign": campaign.slug,
            "agreed_at": body["results"][0]["agreed_at"],
            "agreed_to": "I want to hear from the campaign.",
        }
    ]


def test_results_are_paginated(client, people_token):
    for n in range(5):
        agree(f"p{n}@example.org")
    first = get(client, "/api/v1/people/", people_token, page_size=2).json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    last = get(client, "/api/v1/people/", people_token, page_size=2, page=3).json()
    assert len(last["results"]) == 1 and last["next"] is None
    beyond = get(client, "/api/v1/people/", people_token, page=9).json()
    assert beyond["results"] == []


def test_since_accepts_any_offset_and_refuses_dates_out_of_range(client, people_token):
    agree("new@example.org")
    odd_offset = get(client, "/api/v1/people/", people_token, since="1062-12-10T21:49:26+20:07")
    assert odd_offset.status_code == 200 and odd_offset.json()["count"] == 1
    too_early = get(client, "/api/v1/people/", people_token, since="0001-01-01T00:00:00+05:00")
    assert too_early.status_code == 400


def test_since_keeps_only_newer_records(client, people_token):
    agree("old@example.org")
    cutoff = timezone.now()
    agree("new@example.org")
    body = get(client, "/api/v1/people/", people_token, since=cutoff.isoformat()).json()
    assert [p["email"] for p in body["results"]] == ["new@example.org"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "x"},
        {"page_size": "500"},
        {"since": "yesterday"},
        {"since": "2026-01-01T00:00:00"},
    ],
)
def test_bad_parameters_are_refused_clearly(client, people_token, params):
    response = get(client, "/api/v1/people/", people_token, **params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_without_a_token_nothing_is_served(client):
    agree("awa@example.org")
    response = get(client, "/api/v1/people/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "awa" not in response.content.decode()
    assert get(client, "/api/v1/people/", "pv_made-up").status_code == 401


def test_a_token_reads_only_its_scopes(client):
    plain = ApiToken.issue("Endorsements only", [Scope.ENDORSEMENTS])[1]
    assert get(client, "/api/v1/people/", plain).status_code == 403


def test_a_revoked_token_stops_working(client, people_token):
    ApiToken.objects.update(revoked_at=timezone.now())
    assert get(client, "/api/v1/people/", people_token).status_code == 401


def test_the_api_is_read_only(client, people_token):
    response = client.post("/api/v1/people/", HTTP_AUTHORIZATION=f"Bearer {people_token}")
    assert response.status_code == 405


def test_an_unknown_collection_is_not_found(client, people_token):
    assert get(client, "/api/v1/secrets/", people_token).status_code == 404


def test_responses_are_never_cached(client, people_token):
    assert get(client, "/api/v1/people/", people_token)["Cache-Control"] == "private, no-store"


def test_admins_make_tokens_and_see_the_key_once(admin_client):
    response = admin_client.post(
        "/admin/api/apitoken/add/",
        {"name": "Our CRM", "scopes": ["people", "actions"]},
        follow=True,
    )
    token = ApiToken.objects.get()
    assert token.scopes == ["actions", "people"]
    shown = [str(m) for m in response.context["messages"]]
    assert any(token.prefix in message for message in shown)
    from portevoix.staff.models import AuditEntry

    assert AuditEntry.objects.filter(action="api_token.created").exists()
