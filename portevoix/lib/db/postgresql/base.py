"""PostgreSQL, with one cursor kept for each connection's busiest statements.

A form post on PostgreSQL is one statement (`intake.store_with`), written once per process
(`portevoix.lib.db.statements`). Through Django's cursor, each one also made a new psycopg
cursor and Django's wrapper around it: in a loop, a statement cost the web process about
100 µs of processor time that way, against 65 µs on a cursor kept for the connection.
`first_row` runs them on that kept cursor, with the checks Django's cursor makes and its
errors turned into Django's, as they were.
"""

from django.db.backends.postgresql import base

from portevoix.lib.db.statements import first_row_through_django, is_watched


class DatabaseWrapper(base.DatabaseWrapper):
    kept_cursor = None
    kept_cursor_timezone = None

    def first_row(self, sql, values=()):
        """The first row `sql` gives, or None: for statements of one row (the kept cursor
        holds what a statement gave until the next one).

        What Django's cursor does around a statement, without making one each time: the
        health check, the connection, the thread and transaction checks, and database errors
        turned into Django's (which also marks the connection to be checked at the end of
        the request). When something watches queries through Django's cursor (tests counting
        them, a debugging tool), Django's cursor runs it, so that they see it.
        """
        if is_watched(self):
            return first_row_through_django(self, sql, values)
        self.close_if_health_check_failed()
        self.ensure_connection()
        self.validate_thread_sharing()
        self.validate_no_broken_transaction()
        with self.wrap_database_errors:
            cursor = self.cursor_of_this_connection()
            cursor.execute(sql, values)
            return cursor.fetchone()

    def cursor_of_this_connection(self):
        """The kept cursor, made again for a new connection or a new time zone (Django's
        cursors read dates and times in the connection's time zone as they are made)."""
        cursor = self.kept_cursor
        if cursor is None or cursor.connection is not self.connection or self.timezone_changed():
            cursor = self.kept_cursor = self.create_cursor()
            self.kept_cursor_timezone = self.timezone
        return cursor

    def timezone_changed(self):
        return self.kept_cursor_timezone != self.timezone

    def _close(self):
        self.kept_cursor = None
        super()._close()
