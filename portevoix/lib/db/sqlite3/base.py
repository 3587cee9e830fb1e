"""SQLite, with writers taking turns through a lock the kernel hands over at once.

Several processes (gunicorn's and the worker's) write to one SQLite file. When a writer
finds the file locked, SQLite's own wait sleeps in growing steps (1, 2, 5, 10 … 100 ms),
even though the other writer is done within a millisecond: under a burst of form posts
most of the time goes to sleeping. Here each write transaction first takes an exclusive
`flock` on a file beside the database; the kernel wakes the next writer the moment the
lock is released, so SQLite finds the file free.

A few statements written once per process (a form post's writes) can also run as one
transaction straight on SQLite's own connection (`short_write`): Django's transaction and
cursor machinery costs about as much again as the writes themselves.

Each connection also runs `PRAGMA optimize` as it closes, as SQLite advises: it gathers the
statistics of tables this connection searched and that have none (or stale ones). Without
them SQLite guesses which index to use, and can guess one that reads every row of a
campaign where another would read one (a new endorsement's search for the same contact).
"""

import fcntl
import os
from contextlib import contextmanager
from functools import lru_cache, partial

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    writer_lock_fd = None
    holds_writer_lock = False

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if not self.is_in_memory_db():
            # One open file per connection: flock keeps threads of one process apart too.
            path = f"{self.settings_dict['NAME']}.writers"
            self.writer_lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        return connection

    def _start_transaction_under_autocommit(self):
        self.take_writer_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self.release_writer_lock()
            raise

    def _commit(self):
        try:
            super()._commit()
        finally:
            self.release_writer_lock()

    def _rollback(self):
        try:
            super()._rollback()
        finally:
            self.release_writer_lock()

    def _close(self):
        try:
            self.gather_statistics()
            super()._close()
        finally:
            self.release_writer_lock()
            if self.writer_lock_fd is not None:
                os.close(self.writer_lock_fd)
                self.writer_lock_fd = None

    def gather_statistics(self):
        if self.connection is None or self.in_atomic_block:
            return
        # Usually nothing to do; when there is, it writes, so it takes its turn as writers do.
        self.take_writer_lock()
        try:
            self.connection.execute("PRAGMA optimize")
        except base.Database.Error:
            pass  # statistics are an optimization: the connection still closes
        finally:
            self.release_writer_lock()

    def take_writer_lock(self):
        if self.writer_lock_fd is not None and not self.holds_writer_lock:
            fcntl.flock(self.writer_lock_fd, fcntl.LOCK_EX)
            self.holds_writer_lock = True

    def release_writer_lock(self):
        if self.holds_writer_lock:
            fcntl.flock(self.writer_lock_fd, fcntl.LOCK_UN)
            self.holds_writer_lock = False

    @contextmanager
    def short_write(self):
        """One write transaction on SQLite's own connection, taking the writers' turn as
        every transaction here does; yields `first_row(sql, values)` to run its statements.

        For statements whose SQL is made once and whose values are already as the database
        stores them (`portevoix.lib.db.statements`). Django's cursor is not used, so nothing
        that watches queries through it sees these: callers use it only when nothing does,
        and never inside another transaction (`statements.write_transaction` decides).
        """
        self.ensure_connection()
        self.validate_thread_sharing()
        sqlite = self.connection
        self.take_writer_lock()
        try:
            with self.wrap_database_errors:
                sqlite.execute(f"BEGIN {self.transaction_mode or ''}")
                try:
                    yield partial(first_row_of, sqlite)
                    sqlite.execute("COMMIT")
                except BaseException:
                    if sqlite.in_transaction:
                        sqlite.execute("ROLLBACK")
                    raise
        finally:
            self.release_writer_lock()


def first_row_of(sqlite, sql, values=()):
    return sqlite.execute(qmark_style(sql), values).fetchone()


@lru_cache(maxsize=256)  # a few statements, each made once per process
def qmark_style(sql):
    """Django's `%s` placeholders as SQLite's `?`, as Django's own cursor converts them."""
    return base.FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")
