"""Per-sender limits on public forms, counted in a window of time.

The count must hold when one network posts many times at once: a burst of posts spread over
several web processes. So it is one atomic statement in the database (insert the window's
row or add one to it, and read the sum back), not a read then a write. It costs the same
however many posts came before, and it counts posts the worker has not yet carried out.
"""

import time
from datetime import UTC, datetime
from functools import lru_cache

from django.db import connection

from portevoix.intake.models import WindowCount
from portevoix.lib.db.statements import db_values, model_sql, write_transaction

INSERT_OR_ADD_ONE = (
    "INSERT INTO {table} ({key}, {count}, {ends_at}) VALUES (%s, 1, %s) "
    "ON CONFLICT ({key}) DO UPDATE SET {count} = {table}.{count} + 1 "
    "RETURNING {count}"
)


def count_in_window(scope, who, window):
    """Count one more post for `who` (a keyed hash) in the current window of `window` seconds.

    Returns the count so far, this one included.
    """
    sql, values = counting_statement(scope, who, window)
    # In a transaction: on SQLite, writers then take turns without sleeping.
    with write_transaction() as run:
        return run(sql, values)[0]


def counting_statement(scope, who, window):
    """(SQL, values) that count one more post for `who` and return the count so far."""
    window_number = int(time.time() // window)
    key = f"{scope}:{who}:{window_number}"
    sql = model_sql(WindowCount, INSERT_OR_ADD_ONE, key="key", count="count", ends_at="ends_at")
    # The key is text, stored as it is.
    return sql, [key, window_end(window_number, window, connection.vendor)]


@lru_cache(maxsize=64)  # its end changes once a window: worked out once, not on every post
def window_end(window_number, window, vendor):
    """When a window ends, as the database in use (`vendor`) stores it."""
    ends_at = datetime.fromtimestamp((window_number + 1) * window, tz=UTC)
    return db_values(WindowCount, ends_at=ends_at)[0]


def seconds_left_in_window(window):
    return int(window - time.time() % window) + 1


def purge_ended_windows(now):
    return WindowCount.objects.filter(ends_at__lt=now).delete()[0]
