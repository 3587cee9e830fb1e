"""Model fields that change how a table is made, for the busiest tables."""

from django.db import models


class KeyWithoutSequence(models.BigAutoField):
    """An automatic key that SQLite does not keep a sequence for.

    Django makes SQLite's automatic keys with AUTOINCREMENT: SQLite then keeps every such
    table's highest key in one table of its own (`sqlite_sequence`) and rewrites it on every
    insert, a page written to the log for each row. For the intake's rows (one per form post,
    each deleted seconds later) that was a third of what a letter's send step wrote. Without
    it SQLite gives each new row one more than the highest key in the table, so a key can be
    given again once the rows after it are gone. Only for tables whose rows nothing refers to
    once deleted. Other databases make the key as before (PostgreSQL's identity column never
    gives a key twice).
    """

    def db_type_suffix(self, connection):
        if connection.vendor == "sqlite":
            return None
        return super().db_type_suffix(connection)
