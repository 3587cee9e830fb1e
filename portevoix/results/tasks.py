from datetime import timedelta

from django_tasks import task

from portevoix.campaigns.models import Campaign
from portevoix.health.periodic import register_periodic
from portevoix.results.figures import cache_seconds, refresh_all


@task()
def refresh_results():
    """Count every public campaign's figures again, so no page waits for the counting."""
    campaigns = list(Campaign.objects.active())
    refresh_all(campaigns)
    return f"{len(campaigns)} campaign(s) counted"


if cache_seconds() > 0:
    register_periodic("refresh_results", timedelta(seconds=cache_seconds()), refresh_results)
