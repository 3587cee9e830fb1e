from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def campaign_url(name):
    return lambda campaign, _argument: reverse(name, args=[campaign.slug])


class EndorsementsConfig(AppConfig):
    name = "portevoix.endorsements"
    verbose_name = _("Endorsements and allies")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.endorsements import personal_data  # noqa: F401  registers it
        from portevoix.endorsements.models import Endorsement, Organization
        from portevoix.letters.models import LetterTemplate
        from portevoix.lib.pagecache import register_public_content
        from portevoix.representatives.models import OfficeHolder
        from portevoix.spread.referrals import register_referred_action

        # The endorsers list and the provincial page show these.
        register_public_content(Endorsement, Organization, OfficeHolder, LetterTemplate)
        register_tool("endorse", _("Endorse the campaign"), campaign_url("endorsements:endorse"))
        register_tool("endorsers", _("List of endorsers"), campaign_url("endorsements:list"))
        register_tool(
            "invite-organizations",
            _("Invite organizations"),
            campaign_url("endorsements:invite_start"),
        )
        register_tool(
            "province", _("Ask your provincial government"), campaign_url("endorsements:province")
        )
        register_referred_action(
            _("Endorsements"), lambda campaign: campaign.endorsements.counted()
        )
