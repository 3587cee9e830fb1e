"""On PostgreSQL, a statement a connection runs again and again is kept prepared on the server
(`settings.base.postgresql_options`, turned off with DATABASE_PREPARED_STATEMENTS=false)."""

import pytest
from django.db import connection

from portevoix.intake import actions
from portevoix.settings.base import postgresql_options

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

COUNT_SUBMISSIONS = "SELECT count(*) FROM intake_submission WHERE attempts >= %s"


def prepared_statements(database):
    with database.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def intake_inserts(database):
    return [
        sql
        for sql in prepared_statements(database)
        if sql.startswith('INSERT INTO "intake_submission"')
    ]


def test_it_keeps_a_form_posts_statement_prepared_once_it_ran_five_times(probe_kind):
    for n in range(5):
        actions.accept("probe", {"n": n})
    assert intake_inserts(connection) == []
    actions.accept("probe", {"n": 5})
    assert len(intake_inserts(connection)) == 1


@pytest.fixture
def connection_with():
    """A connection of its own to the test database, with the options given."""
    opened = []

    def make(options):
        database = connection.copy()
        database.settings_dict = {**connection.settings_dict, "OPTIONS": options}
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()


@pytest.mark.parametrize("prepared", [True, False])
def test_the_setting_turns_prepared_statements_on_and_off(connection_with, prepared):
    database = connection_with(postgresql_options(prepared))
    for _ in range(6):
        with database.cursor() as cursor:
            cursor.execute(COUNT_SUBMISSIONS, [0])
            assert cursor.fetchone() == (0,)
    kept = [sql for sql in prepared_statements(database) if "intake_submission" in sql]
    assert len(kept) == (1 if prepared else 0)
