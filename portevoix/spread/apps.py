from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SpreadConfig(AppConfig):
    name = "portevoix.spread"
    verbose_name = _("Spread kit")

    def ready(self):
        from portevoix.campaigns.tools import register_tool

        register_tool(
            "spread-kit",
            _("Spread kit"),
            lambda campaign, _arg: reverse("spread:kit", args=[campaign.slug]),
        )
