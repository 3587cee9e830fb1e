"""SQLite, with writers taking turns through a lock the kernel hands over at once.

Several processes (gunicorn's and the worker's) write to one SQLite file. When a writer
finds the file locked, SQLite's own wait sleeps in growing steps (1, 2, 5, 10 … 100 ms),
even though the other writer is done within a millisecond: under a burst of form posts
most of the time goes to sleeping. Here each write transaction first takes an exclusive
`flock` on a file beside the database; the kernel wakes the next writer the moment the
lock is released, so SQLite finds the file free.

Each connection also runs `PRAGMA optimize` as it closes, as SQLite advises: it gathers the
statistics of tables this connection searched and that have none (or stale ones). Without
them SQLite guesses which index to use, and can guess one that reads every row of a
campaign where another would read one (a new endorsement's search for the same contact).
"""

import fcntl
import os

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
