"""The worker's half of an endorsement: one transaction, with no savepoint inside it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portevoix.endorsements.models import Endorsement
from portevoix.endorsements.tests.helpers import endorsement_form, url
from portevoix.intake import actions as intake
from portevoix.intake.models import Submission

# Not wrapped in a test transaction: the worker's own is then the outermost, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_records_an_endorsement_without_a_savepoint(client, campaign, database_tasks):
    response = client.post(url("endorsements:endorse", campaign.slug), endorsement_form())
    assert response.status_code == 302
    [waiting] = Submission.objects.all()

    with CaptureQueriesContext(connection) as queries:
        assert intake.carry_out(waiting.pk) is True

    statements = [query["sql"].upper() for query in queries.captured_queries]
    assert statements and not [sql for sql in statements if "SAVEPOINT" in sql]
    endorsement = Endorsement.objects.get()
    assert endorsement.organization.name == "Clinique Santé Pour Tous"
    assert not Submission.objects.exists()
