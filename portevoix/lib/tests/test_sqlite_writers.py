"""SQLite writers take turns through a file lock, released however the transaction ends."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from portevoix.lib.db.statements import write_transaction
from portevoix.test import run_in_threads

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own writer lock"),
]


@pytest.fixture
def probe_table():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE writers_probe (id INTEGER PRIMARY KEY, total INTEGER)")
        cursor.execute("INSERT INTO writers_probe (id, total) VALUES (1, 0)")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE writers_probe")


def add_one(times):
    """Each thread has its own connection to the test database, as each request does."""
    for _ in range(times):
        with transaction.atomic(), connection.cursor() as cursor:
            # Read, then write: without turns, two writers would lose each other's updates.
            cursor.execute("SELECT total FROM writers_probe WHERE id = 1")
            total = cursor.fetchone()[0]
            cursor.execute("UPDATE writers_probe SET total = %s WHERE id = 1", [total + 1])


def test_writers_in_several_threads_never_lose_an_update(probe_table):
    assert run_in_threads(lambda: add_one(150)) == []
    assert total() == 600


def start_another_writer():
    """A thread that adds one to the total; the event is set once it has written."""
    wrote = threading.Event()

    def writer():
        try:
            add_one(1)
            wrote.set()
        finally:
            connection.close()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread, wrote


def lock_is_free_for_another_connection():
    """Whether another connection can write within two seconds."""
    thread, wrote = start_another_writer()
    thread.join(timeout=2)
    return wrote.is_set()


def total():
    with connection.cursor() as cursor:
        cursor.execute("SELECT total FROM writers_probe WHERE id = 1")
        return cursor.fetchone()[0]


def test_the_lock_is_held_during_a_transaction_and_freed_by_commit(probe_table):
    with transaction.atomic():
        assert connection.holds_writer_lock
        thread, wrote = start_another_writer()
        assert not wrote.wait(timeout=1)
    assert not connection.holds_writer_lock
    # The writer that waited goes on as soon as the transaction ends.
    thread.join(timeout=5)
    assert wrote.is_set()
    assert total() == 1


def test_a_failed_transaction_frees_the_lock(probe_table):
    with pytest.raises(RuntimeError), transaction.atomic():
        add_one(1)
        raise RuntimeError("the request failed half-way")
    assert not connection.holds_writer_lock
    assert lock_is_free_for_another_connection()
    assert total() == 1  # the other writer's one, not the rolled-back one


def test_closing_a_connection_inside_a_transaction_frees_the_lock(probe_table):
    seen = {}

    def abandoned_writer():
        # As a request's thread would, if its connection were closed mid-transaction.
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        seen["held"] = connection.holds_writer_lock
        connection.close()
        seen["held after close"] = connection.holds_writer_lock

    thread = threading.Thread(target=abandoned_writer)
    thread.start()
    thread.join()
    assert seen == {"held": True, "held after close": False}
    assert lock_is_free_for_another_connection()


# A short write: a few statements made once, straight on SQLite's connection.

ADD_ONE = "UPDATE writers_probe SET total = total + %s WHERE id = 1 RETURNING total"


def test_a_short_write_commits_its_statements_together_in_the_writers_turn(probe_table):
    with write_transaction() as run:
        # On SQLite's own connection, in a transaction Django's machinery knows nothing of.
        assert connection.connection.in_transaction
        assert not connection.in_atomic_block
        assert connection.holds_writer_lock
        thread, wrote = start_another_writer()
        assert run(ADD_ONE, [2]) == (2,)
        assert run("SELECT total FROM writers_probe WHERE total = %s AND '%%' = '%%'", [2]) == (2,)
        assert not wrote.wait(timeout=0.5)
    assert not connection.holds_writer_lock
    assert not connection.connection.in_transaction
    # The writer that waited goes on as soon as the short write ends, and finds its total.
    thread.join(timeout=5)
    assert wrote.is_set()
    assert total() == 3


def test_a_short_write_that_fails_writes_nothing_and_frees_the_lock(probe_table):
    with pytest.raises(RuntimeError), write_transaction() as run:
        run(ADD_ONE, [5])
        raise RuntimeError("the request failed half-way")
    assert total() == 0
    assert not connection.holds_writer_lock


def test_a_database_error_in_a_short_write_is_djangos_and_the_first_statement_undone(
    probe_table,
):
    with pytest.raises(IntegrityError), write_transaction() as run:
        run(ADD_ONE, [5])
        run("INSERT INTO writers_probe (id, total) VALUES (%s, %s)", [1, 0])  # taken id
    assert total() == 0
    assert not connection.holds_writer_lock
    assert lock_is_free_for_another_connection()


def test_a_short_write_inside_a_transaction_joins_it(probe_table):
    with pytest.raises(RuntimeError), transaction.atomic():
        with write_transaction() as run:
            assert connection.in_atomic_block
            run(ADD_ONE, [3])
        raise RuntimeError("the outer transaction fails after it")
    assert total() == 0


def test_queries_watched_through_django_see_a_short_writes_statements(probe_table):
    with CaptureQueriesContext(connection) as queries, write_transaction() as run:
        run(ADD_ONE, [1])
    assert [query["sql"] for query in queries][1:-1] == [
        "UPDATE writers_probe SET total = total + 1 WHERE id = 1 RETURNING total"
    ]
    assert total() == 1
