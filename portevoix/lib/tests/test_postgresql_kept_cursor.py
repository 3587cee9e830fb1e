"""On PostgreSQL, the statements made once per process run on a cursor kept for each
connection (`portevoix.lib.db.postgresql`), with what Django's cursor does around them."""

import pytest
from django.db import (
    DataError,
    OperationalError,
    ProgrammingError,
    connection,
    transaction,
)
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from portevoix.lib.db.statements import first_row

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

BACKEND_PID = "SELECT pg_backend_pid()"


@pytest.fixture
def own_connection():
    """A connection of its own to the test database, outside the test's transaction."""
    database = connection.copy()
    yield database
    database.close()


def test_statements_run_on_one_cursor_kept_for_the_connection():
    connection.kept_cursor = None
    assert first_row("SELECT %s::int + 1", [1]) == (2,)
    kept = connection.kept_cursor
    assert kept is not None and kept.connection is connection.connection
    assert first_row("SELECT %s::text", ["deux"]) == ("deux",)
    assert connection.kept_cursor is kept
    assert first_row("SELECT 1 WHERE false") is None


def test_a_connection_opened_again_gets_a_cursor_of_its_own(own_connection):
    first_pid = own_connection.first_row(BACKEND_PID)[0]
    own_connection.close()
    assert own_connection.kept_cursor is None
    second_pid = own_connection.first_row(BACKEND_PID)[0]
    assert second_pid != first_pid
    assert own_connection.kept_cursor.connection is own_connection.connection


def test_database_errors_are_djangos_and_the_cursor_keeps_working(own_connection):
    with pytest.raises(DataError):
        own_connection.first_row("SELECT 1 / %s", [0])
    assert not own_connection.errors_occurred  # a refused value says nothing of the connection
    with pytest.raises(ProgrammingError):
        own_connection.first_row("SELECT * FROM no_such_table")
    assert own_connection.errors_occurred  # checked before the next request uses it
    assert own_connection.first_row("SELECT 42") == (42,)


def test_a_connection_the_server_ended_is_replaced_once_the_request_is_over(own_connection):
    pid = own_connection.first_row(BACKEND_PID)[0]
    first_row("SELECT pg_terminate_backend(%s)", [pid])
    with pytest.raises(OperationalError):
        own_connection.first_row("SELECT 1")
    assert own_connection.errors_occurred
    # What Django runs at the end of each request: an unusable connection is closed...
    own_connection.close_if_unusable_or_obsolete()
    assert own_connection.connection is None
    # ...and the next request's statement opens a new one.
    assert own_connection.first_row(BACKEND_PID)[0] != pid


def test_after_an_error_in_a_transaction_it_refuses_as_djangos_cursor_does():
    with transaction.atomic():
        with pytest.raises(ProgrammingError), transaction.atomic(savepoint=False):
            first_row("SELECT * FROM no_such_table")
        with pytest.raises(TransactionManagementError):
            first_row("SELECT 1")
        transaction.set_rollback(True)


def test_dates_and_times_are_read_as_djangos_cursor_reads_them(settings):
    assert first_row("SELECT now()")[0].tzinfo is not None
    settings.USE_TZ = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        as_django_reads_it = cursor.fetchone()[0]
    assert as_django_reads_it.tzinfo is None
    assert first_row("SELECT now()")[0].tzinfo is None


def test_what_watches_queries_still_sees_them():
    with CaptureQueriesContext(connection) as captured:
        assert first_row("SELECT %s::int", [7]) == (7,)
    assert [query["sql"] for query in captured.captured_queries] == ["SELECT 7::int"]
    seen = []

    def watcher(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watcher):
        first_row("SELECT %s::int", [8])
        connection.first_row("SELECT %s::int", [9])  # called directly, it sees them too
    assert seen == ["SELECT %s::int", "SELECT %s::int"]
