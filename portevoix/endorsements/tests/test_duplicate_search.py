"""A new endorsement's search for one already standing reads by contact, not the whole campaign."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portevoix.endorsements.actions import find_duplicate
from portevoix.endorsements.models import Endorsement, Organization

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner"),
]


@pytest.fixture(autouse=True)
def no_statistics_yet():
    # Other tests' connections gathered statistics of their own data as they closed.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is not None:
            cursor.execute("DELETE FROM sqlite_stat1")
    connection.close()


def endorse_many(campaign, count):
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Organization {n}",
            sector="settlement",
            region="QC",
            contact_name="Contact",
            contact_email=f"contact{n}@example.org",
        )
        for n in range(count)
    )
    Endorsement.objects.bulk_create(
        Endorsement(campaign=campaign, organization=organization, language="en")
        for organization in organizations
    )


def search_plan(campaign, data):
    with CaptureQueriesContext(connection) as queries:
        find_duplicate(campaign, data)
    (query,) = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
        return [row[-1] for row in cursor.fetchall()]


def statistics_of(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return []
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = %s", [table])
        return [row[0] for row in cursor.fetchall()]


def test_closing_a_connection_gathers_the_statistics_of_tables_it_searched(campaign):
    endorse_many(campaign, 40)
    assert statistics_of("endorsements_organization") == []
    find_duplicate(campaign, {"contact_email": "contact7@example.org", "organization_name": "x"})
    connection.close()
    assert any("contact_email" in index for index in statistics_of("endorsements_organization"))


def test_with_statistics_the_search_starts_from_the_contact_address(campaign):
    endorse_many(campaign, 40)
    data = {"contact_email": "contact7@example.org", "organization_name": "Organization 7"}
    find_duplicate(campaign, data)
    connection.close()

    plan = search_plan(campaign, data)
    assert "contact_email" in plan[0], plan
    assert not any("campaign_id" in step for step in plan), plan
    assert find_duplicate(campaign, data).organization.name == "Organization 7"
