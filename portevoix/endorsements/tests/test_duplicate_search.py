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


def search_plans(campaign, data):
    with CaptureQueriesContext(connection) as queries:
        find_duplicate(campaign, data)
    plans = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
            plans.append([row[-1] for row in cursor.fetchall()])
    return plans


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


def test_without_statistics_a_new_contact_costs_one_read_of_the_contact_index(campaign):
    endorse_many(campaign, 40)
    data = {"contact_email": "new@example.org", "organization_name": "New organization"}
    (plan,) = search_plans(campaign, data)
    assert len(plan) == 1 and "contact_email" in plan[0], plan
    assert find_duplicate(campaign, data) is None


def test_a_known_contact_is_found_from_the_contact_index_then_its_endorsements(campaign):
    endorse_many(campaign, 40)
    data = {"contact_email": "contact7@example.org", "organization_name": "ORGANIZATION 7"}
    contact_search, endorsement_search = search_plans(campaign, data)
    assert "contact_email" in contact_search[0], contact_search
    assert not any("campaign_id" in step for step in contact_search + endorsement_search[:1])
    assert find_duplicate(campaign, data).organization.name == "Organization 7"
