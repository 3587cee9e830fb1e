"""PostgreSQL, with one cursor kept for each connection's busiest statements.

A form post on PostgreSQL is one statement (`intake.store_with`), written once per process
(`portevoix.lib.db.statements`). Through Django's cursor, each one also made a new psycopg
cursor and Django's wrapper around it: in a loop, a statement cost the web process about
100 µs of processor time that way, against 65 µs on a cursor kept for the connection.
`first_row` runs them on that kept cursor, with the checks Django's cursor makes and its
errors turned into Django's, as they were.
"""

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    kept_cursor = None

    def first_row(self, sql, values=()):
        """The first row `sql` gives, run on this connection's kept cursor, or None.

        What Django's cursor does around a statement, without making one each time: the
        health check, the connection, the thread and transaction checks, and database errors
        turned into Django's (which also marks the connection to be checked at the end of
        the request). Nothing that watches queries through Django's cursor sees it: callers
        use it only when nothing does (`statements.first_row` decides).
        """
        self.close_if_health_check_failed()
        self.ensure_connection()
        self.validate_thread_sharing()
        self.validate_no_broken_transaction()
        with self.wrap_database_errors:
            cursor = self.cursor_of_this_connection()
            cursor.execute(sql, values)
            return cursor.fetchone()

    def cursor_of_this_connection(self):
        """The kept cursor, made again after the connection was closed and opened again."""
        if self.kept_cursor is None or self.kept_cursor.connection is not self.connection:
            self.kept_cursor = self.create_cursor()
        return self.kept_cursor

    def _close(self):
        self.kept_cursor = None
        super()._close()
