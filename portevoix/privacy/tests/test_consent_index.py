"""The consents given through one endorsement, letter or report are found through an index."""

import pytest
from django.db import connection

from portevoix.endorsements.factories import EndorsementFactory
from portevoix.endorsements.models import Endorsement
from portevoix.privacy.models import Consent, Purpose
from portevoix.test import query_plan

pytestmark = pytest.mark.django_db


def test_consents_are_indexed_by_where_they_were_given_and_for_what():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Consent._meta.db_table)
    assert found["consent_by_source"]["columns"] == ["source", "purpose"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
def test_checking_a_consent_before_a_message_leaves_reads_the_index_not_the_table():
    endorsement = EndorsementFactory()
    consents = endorsement.consents().filter(purpose=Purpose.CONTACT_REPLY)
    for checked in (consents, consents.active()):
        plan = query_plan(checked.values("pk"))
        assert "consent_by_source" in plan
        assert "SCAN privacy_consent" not in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
def test_the_endorsers_list_checks_each_consent_to_be_listed_through_the_index():
    listed = Endorsement.objects.all().for_public_display()
    plan = query_plan(listed)
    assert "consent_by_source" in plan
    assert "SCAN U0" not in plan  # the consents' table, as the subquery names it
