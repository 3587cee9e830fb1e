"""The API checked against its own OpenAPI description with generated requests."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from portevoix.api.models import ApiToken, Scope
from portevoix.api.tests.crm_data import make_records
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose
from portevoix.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def in_process_requests():
    """Requests through the WSGI app must not close the test's database connection."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def data(db, in_process_requests, campaign):
    make_records(campaign)  # every kind of action, and endorsements
    for n in range(3):
        record_consent(
            email=f"p{n}@example.org",
            purpose=Purpose.HEAR_FROM_CAMPAIGN,
            wording="Keep me informed.",
            language="fr",
        )
    return ApiToken.issue("CRM", [Scope.PEOPLE, Scope.ACTIONS, Scope.ENDORSEMENTS])[1]


def test_the_description_is_valid_openapi(client):
    description = client.get("/api/v1/openapi.json").json()
    assert description["openapi"].startswith("3.1")
    assert {"/api/v1/people/", "/api/v1/actions/", "/api/v1/endorsements/"} <= set(
        description["paths"]
    )


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_answers_match_the_description_with_a_token(case, data):
    # A negative case may carry its own (broken) credentials: those must stay, to be refused.
    generated = {name.lower() for name in (case.headers or {})}
    if "authorization" in generated:
        case.call_and_validate()
        return
    # The token added here may mend what made a negative case invalid (a missing
    # Authorization header): whether such a request must be refused is then no longer known.
    # Refusals without a token are the next test's.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {data}"}, excluded_checks=[negative_data_rejection]
    )


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_answers_match_the_description_without_a_token(case, data):
    response = case.call()
    if case.method.upper() == "GET":
        assert response.status_code in (400, 401)
        case.validate_response(response)
    else:
        assert response.status_code == 405  # read only, whatever the method
