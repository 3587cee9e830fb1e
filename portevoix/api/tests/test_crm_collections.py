"""What a CRM reads: every kind of action in one list, endorsements, and never private words."""

import datetime
import json

import pytest

from portevoix.api.models import ApiToken, Scope
from portevoix.api.tests.crm_data import SECRETS, make_records
from portevoix.privacy.actions import erase_personal_data, withdraw_consent
from portevoix.privacy.models import Consent, Purpose

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(campaign):
    return make_records(campaign)


@pytest.fixture
def token():
    return ApiToken.issue("CRM", [Scope.ACTIONS, Scope.ENDORSEMENTS, Scope.PEOPLE])[1]


def get(client, path, token, **params):
    return client.get(path, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def everything(client, token, path, page_size=2):
    """Every item of a collection, page after page, as a CRM would walk it."""
    items, page = [], 1
    while True:
        body = get(client, path, token, page=page, page_size=page_size).json()
        items += body["results"]
        if body["next"] is None:
            return items, body["count"]
        page += 1


def test_it_lists_every_kind_of_action_oldest_first(client, records, token):
    items, count = everything(client, token, "/api/v1/actions/")
    assert count == len(items) == 4
    assert [item["kind"] for item in items] == ["letter", "call", "meeting", "report_back"]
    call, meeting, report = items[1:]
    assert call["id"] == str(records.call.public_id)
    assert call["outcome"] == "spoke_to_staff" and call["mp"] == "Hélène Députée"
    assert call["riding"]["name_fr"] == records.call.district.name_fr
    assert meeting["status"] == "scheduled" and meeting["organization"] == "Accueil Plateau"
    assert meeting["mp"] == "Hélène Députée" and meeting["meeting_at"]
    assert report["outcome"] == "agreed_to_act" and report["stated_position"] == "supports"
    assert report["action_date"] == "2026-03-02" and report["mp"] == "Hélène Députée"


def test_it_leaves_out_unanswered_calls_draft_meetings_and_rejected_reports(client, records, token):
    items, _count = everything(client, token, "/api/v1/actions/", page_size=50)
    ids = {item["id"] for item in items}
    assert str(records.draft_meeting.public_id) not in ids
    assert [item["kind"] for item in items].count("call") == 1
    assert [item["kind"] for item in items].count("report_back") == 1


def test_pages_of_mixed_kinds_neither_skip_nor_repeat(client, records, token):
    one_by_one, _count = everything(client, token, "/api/v1/actions/", page_size=1)
    all_at_once, _count = everything(client, token, "/api/v1/actions/", page_size=50)
    assert one_by_one == all_at_once
    third = get(client, "/api/v1/actions/", token, page=3, page_size=1).json()
    assert third["count"] == 4 and third["results"][0]["kind"] == "meeting"
    assert "page=4" in third["next"] and "page=2" in third["previous"]
    beyond = get(client, "/api/v1/actions/", token, page=9, page_size=1).json()
    assert beyond["results"] == [] and beyond["count"] == 4


def test_since_applies_to_every_kind(client, records, token):
    since = records.meeting.created_at.isoformat()
    body = get(client, "/api/v1/actions/", token, since=since).json()
    assert [item["kind"] for item in body["results"]] == ["meeting", "report_back"]


def test_it_lists_confirmed_endorsements_with_what_their_contact_allowed(client, records, token):
    items, count = everything(client, token, "/api/v1/endorsements/")
    assert count == 2  # neither the unconfirmed nor the rejected one
    listed, unlisted = items
    assert listed["organization"] == "Clinique Santé Pour Tous"
    assert listed["status"] == "approved" and listed["listed_publicly"] is True
    assert listed["statement"] == "Les familles doivent attendre ensemble."
    assert listed["contact"] == {"name": "Léa Roy", "email": "lea.roy@sante.example"}
    assert listed["sector"] == "settlement" and listed["region"] == "ON"
    assert unlisted["status"] == "pending" and unlisted["listed_publicly"] is False
    assert unlisted["statement"] is None and unlisted["contact"] is None


def test_withdrawing_consent_to_be_contacted_hides_the_contact_at_once(client, records, token):
    withdraw_consent(
        Consent.objects.get(source=records.listed.consent_source(), purpose=Purpose.CONTACT_REPLY)
    )
    listed = get(client, "/api/v1/endorsements/", token).json()["results"][0]
    assert listed["contact"] is None
    assert "lea.roy" not in json.dumps(listed)


def test_withdrawing_consent_to_be_listed_hides_the_statement(client, records, token):
    withdraw_consent(
        Consent.objects.get(source=records.listed.consent_source(), purpose=Purpose.LIST_PUBLICLY)
    )
    listed = get(client, "/api/v1/endorsements/", token).json()["results"][0]
    assert listed["listed_publicly"] is False and listed["statement"] is None


def test_no_private_words_are_ever_served(client, records, token):
    answers = []
    for path in ["/api/v1/actions/", "/api/v1/endorsements/", "/api/v1/people/"]:
        answers.append(everything(client, token, path, page_size=1)[0])
        answers.append(everything(client, token, path, page_size=200)[0])
    served = json.dumps(answers, ensure_ascii=False)
    assert "kind" in served and "Clinique Santé Pour Tous" in served  # the answers were read
    leaked = [name for name, secret in SECRETS.items() if secret.lower() in served.lower()]
    assert leaked == []


def test_erased_people_disappear_from_every_collection(client, records, token, campaign):
    from portevoix.privacy.actions import record_consent

    record_consent(
        email="lea.roy@sante.example",
        purpose=Purpose.HEAR_FROM_CAMPAIGN,
        wording="Tenez-moi au courant.",
        language="fr",
        campaign=campaign,
    )
    record_consent(
        email=records.letter.sender_email,
        purpose=Purpose.HEAR_FROM_CAMPAIGN,
        wording="Tenez-moi au courant.",
        language="fr",
    )
    before = json.dumps([everything(client, token, path)[0] for path in PATHS])
    assert "lea.roy@sante.example" in before and records.letter.sender_email in before

    erase_personal_data("lea.roy@sante.example")
    erase_personal_data(records.letter.sender_email)
    erase_personal_data(SECRETS["organizer_email"])

    after = json.dumps([everything(client, token, path)[0] for path in PATHS], ensure_ascii=False)
    for gone in ["lea.roy", "Léa Roy", records.letter.sender_email, records.letter.sender_name]:
        assert gone not in after
    assert "Accueil Plateau" not in after  # the organizer's organization went with them
    # The actions themselves still count.
    assert get(client, "/api/v1/actions/", token).json()["count"] == 4
    assert get(client, "/api/v1/endorsements/", token).json()["count"] == 2


PATHS = ["/api/v1/actions/", "/api/v1/endorsements/", "/api/v1/people/"]


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("/api/v1/actions/", Scope.ACTIONS),
        ("/api/v1/endorsements/", Scope.ENDORSEMENTS),
        ("/api/v1/people/", Scope.PEOPLE),
    ],
)
def test_a_token_without_the_scope_reads_nothing(client, records, path, scope):
    others = [other for other in Scope.values if other != scope]
    refused = get(client, path, ApiToken.issue("Other", others)[1])
    assert refused.status_code == 403
    assert "results" not in refused.json()
    allowed = get(client, path, ApiToken.issue("Right", [scope])[1])
    assert allowed.status_code == 200


def test_the_description_lists_every_kind_of_action(client):
    description = client.get("/api/v1/openapi.json").json()
    actions = description["paths"]["/api/v1/actions/"]["get"]
    schema = actions["responses"]["200"]["content"]["application/json"]["schema"]
    kinds = [
        item["properties"]["kind"]["enum"][0]
        for item in schema["properties"]["results"]["items"]["oneOf"]
    ]
    assert sorted(kinds) == ["call", "letter", "meeting", "report_back"]
    assert "/api/v1/endorsements/" in description["paths"]


def test_a_letter_its_writer_sent_themselves_comes_with_since(client, records, token, campaign):
    from portevoix.letters.actions import mark_self_sent
    from portevoix.letters.tests.factories import LetterFactory

    # After every record made so far.
    since = (records.report.created_at + datetime.timedelta(seconds=1)).isoformat()
    printed = LetterFactory(campaign=campaign)  # never confirmed by email
    mark_self_sent(printed)
    body = get(client, "/api/v1/actions/", token, since=since).json()
    assert [item["id"] for item in body["results"]] == [str(printed.public_id)]
    assert body["results"][0]["status"] == "self_sent"
