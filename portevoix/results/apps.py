from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def results_url(campaign, _argument):
    return reverse("results:public", args=[campaign.slug])


class ResultsConfig(AppConfig):
    name = "portevoix.results"
    verbose_name = _("Results")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.lib.pagecache import register_public_content
        from portevoix.reports.models import MpPosition, PositionChange
        from portevoix.results import tasks  # noqa: F401  registers the periodic refresh

        # The public results page shows positions at once when staff change one; counts and
        # quotes show within a minute (the page is kept at most 60 s).
        register_public_content(MpPosition, PositionChange)
        register_tool("results", _("Campaign results"), results_url)
