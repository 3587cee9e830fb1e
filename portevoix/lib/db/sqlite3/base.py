"""SQLite, with writers taking turns through a lock the kernel hands over at once.

Several processes (gunicorn's and the worker's) write to one SQLite file. When a writer
finds the file locked, SQLite's own wait sleeps in growing steps (1, 2, 5, 10 … 100 ms),
even though the other writer is done within a millisecond: under a burst of form posts
most of the time goes to sleeping. Here each write transaction first takes an exclusive
`flock` on a file beside the database; the kernel wakes the next writer the moment the
lock is released, so SQLite finds the file free.
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
            super()._close()
        finally:
            self.release_writer_lock()
            if self.writer_lock_fd is not None:
                os.close(self.writer_lock_fd)
                self.writer_lock_fd = None

    def take_writer_lock(self):
        if self.writer_lock_fd is not None and not self.holds_writer_lock:
            fcntl.flock(self.writer_lock_fd, fcntl.LOCK_EX)
            self.holds_writer_lock = True

    def release_writer_lock(self):
        if self.holds_writer_lock:
            fcntl.flock(self.writer_lock_fd, fcntl.LOCK_UN)
            self.holds_writer_lock = False
