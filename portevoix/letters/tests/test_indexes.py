"""The delivery queue's searches have partial indexes, and no index holds a letter's status."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from portevoix.letters.models import Letter
from portevoix.test import query_plan

pytestmark = pytest.mark.django_db


def indexes_of_letters():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Letter._meta.db_table)
    return {name: spec["columns"] for name, spec in found.items() if spec["index"]}


def test_the_queue_indexes_hold_the_time_each_search_compares():
    indexes = indexes_of_letters()
    assert indexes["letters_due"] == ["next_attempt_at"]
    assert indexes["letters_sending"] == ["claimed_at"]


def test_no_index_holds_the_status():
    # Each status change would rewrite such an index: the send step (draft to awaiting
    # confirmation), the busiest write of a campaign, changes the letter's row alone.
    with_status = [name for name, columns in indexes_of_letters().items() if "status" in columns]
    assert with_status == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
@pytest.mark.parametrize(
    ("search", "index"),
    [
        (lambda now: Letter.objects.due(now), "letters_due"),
        (lambda now: Letter.objects.possibly_lost(now, after=60), "letters_due"),
        (lambda now: Letter.objects.stuck_sending(now, after=60), "letters_sending"),
    ],
)
def test_sqlite_searches_the_queue_through_its_partial_indexes(search, index):
    # SQLite uses a partial index only when the search repeats its condition (status =
    # 'queued'): these searches do, with the status as a parameter.
    assert index in query_plan(search(timezone.now() + timedelta(minutes=5)).values("id"))
