"""Limits on public forms, counted from the rows a form stores.

Forms that must stay fast under a burst (the endorsement form, postal code lookups) count
in a window instead: `portevoix.intake.limits`.
"""

from datetime import timedelta

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
