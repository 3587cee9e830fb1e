"""The intake's keys: SQLite keeps no sequence for them, so a form post writes one page less."""

import pytest
from django.db import connection

from portevoix.intake import actions
from portevoix.intake.models import Submission
from portevoix.letters.tests.factories import LetterFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("probe_kind")]


def sqlite_sequence_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_sequence")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own sequence table")
def test_sqlite_keeps_no_sequence_for_the_intakes_keys(database_tasks):
    LetterFactory()  # a table with a sequence, to show what is looked for
    actions.accept("probe", {"n": 1})
    assert Submission.objects.count() == 1
    names = sqlite_sequence_names()
    assert "letters_letter" in names
    assert Submission._meta.db_table not in names


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's identity columns")
def test_postgresql_makes_the_intakes_key_an_identity_column():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT is_identity FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = 'id'",
            [Submission._meta.db_table],
        )
        assert cursor.fetchone() == ("YES",)


def test_posts_after_the_worker_caught_up_are_told_from_its_next_look(database_tasks):
    for n in [1, 2, 3]:
        actions.accept("probe", {"n": n})
    outpacing = actions.PostsOutpaceTheWorker()
    assert actions.drain() == 3
    # Every row is gone: on SQLite the next post may be given a key already used.
    actions.accept("probe", {"n": 4})
    outpacing(took=60)  # its next look, from the newest key there now
    actions.accept("probe", {"n": 5})
    actions.accept("probe", {"n": 6})
    assert outpacing(took=60)
    assert not outpacing(took=60)
