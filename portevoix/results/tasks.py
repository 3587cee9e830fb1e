from datetime import timedelta

from django.conf import settings
from django_tasks import task

from portevoix.health.periodic import register_periodic


@task()
def refresh_results():
    """Count every public campaign's figures again, so no page waits for the counting."""
    from portevoix.campaigns.models import Campaign
    from portevoix.results.figures import refresh_all

    campaigns = list(Campaign.objects.active())
    refresh_all(campaigns)
    return f"{len(campaigns)} campaign(s) counted"


if getattr(settings, "RESULTS_CACHE_SECONDS", 60) > 0:
    register_periodic(
        "refresh_results", timedelta(seconds=settings.RESULTS_CACHE_SECONDS), refresh_results
    )
