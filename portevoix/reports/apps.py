from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def report_back_url(campaign, _argument):
    return reverse("reports:report_back", args=[campaign.slug])


class ReportsConfig(AppConfig):
    name = "portevoix.reports"
    verbose_name = _("Report-back and MP positions")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.lib.pagecache import register_public_content
        from portevoix.reports import api, personal_data, tasks  # noqa: F401  registrations
        from portevoix.reports.models import MpPosition, PositionChange, ReportBack

        # The public results page shows approved quotes and the MPs' positions.
        register_public_content(ReportBack, MpPosition, PositionChange)
        register_tool(
            "report-back", _("Report back: what you did and what came of it"), report_back_url
        )
