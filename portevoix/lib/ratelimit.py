"""Limits on public forms: counted from the rows a form stores, or in the shared cache.

A count in the cache costs the same however many posts came before: forms that must stay
fast under a burst (the endorsement form, postal code lookups) count there.
"""

import time
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone


def over_hourly_limit(queryset, limit, **match):
    """Whether `queryset` already holds `limit` rows matching `match` made in the last hour.

    Rows carry `created_at`; `match` names who is counted (a network address hash, an email).
    Someone we cannot name (an empty value) is not limited here.
    """
    if not all(match.values()):
        return False
    since = timezone.now() - timedelta(hours=1)
    return queryset.filter(created_at__gte=since, **match).count() >= limit


def count_in_window(scope, who, window):
    """Count one more for `who` (a keyed hash) in the current window of `window` seconds.

    Returns the count so far, this one included. Nothing is kept beyond the window.
    """
    key = f"{scope}:{who}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=window)
        return 1


def seconds_left_in_window(window):
    return int(window - time.time() % window) + 1
