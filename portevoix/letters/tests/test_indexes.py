"""A letter's status is searched through one index, and a status change rewrites only that one."""

import pytest
from django.db import connection

from portevoix.letters.models import Letter

pytestmark = pytest.mark.django_db


def indexes_of_letters():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Letter._meta.db_table)
    return {name: spec["columns"] for name, spec in found.items() if spec["index"]}


def test_searches_by_status_have_an_index_that_starts_with_it():
    assert indexes_of_letters()["letter_queue"] == ["status", "next_attempt_at"]


def test_no_other_index_holds_the_status_alone():
    # A second index on the status would be rewritten by every status change, for nothing.
    alone = [name for name, columns in indexes_of_letters().items() if columns == ["status"]]
    assert alone == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
def test_sqlite_finds_letters_by_status_through_the_queue_index():
    waiting = Letter.objects.filter(status=Letter.Status.AWAITING_CONFIRMATION)
    sql, values = waiting.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", values)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "letter_queue" in plan
