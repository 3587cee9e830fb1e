from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "portevoix.campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from portevoix.campaigns.models import Campaign, Resource, SuggestedAction
        from portevoix.lib.pagecache import register_public_content

        register_public_content(Campaign, SuggestedAction, Resource)
        from portevoix.campaigns import personal_data  # noqa: F401  registers its data
