from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def listing_consent_changed(sender, instance, **kwargs):
    """A consent to be listed given, erased or changed: the public list must be drawn again."""
    from django.db import transaction

    from portevoix.endorsements.models import ENDORSEMENT_SOURCE
    from portevoix.lib.pagecache import bump_content_version
    from portevoix.privacy.models import Purpose

    if instance.purpose == Purpose.LIST_PUBLICLY and instance.source.startswith(ENDORSEMENT_SOURCE):
        transaction.on_commit(bump_content_version)


def campaign_url(name):
    return lambda campaign, _argument: reverse(name, args=[campaign.slug])


class EndorsementsConfig(AppConfig):
    name = "portevoix.endorsements"
    verbose_name = _("Endorsements and allies")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portevoix.campaigns.tools import register_tool
        from portevoix.endorsements import api, personal_data  # noqa: F401  registrations
        from portevoix.endorsements.actions import ENDORSEMENT_INTAKE, submit_accepted_endorsement
        from portevoix.endorsements.models import Endorsement, Organization
        from portevoix.intake.actions import register as register_intake
        from portevoix.letters.models import LetterTemplate
        from portevoix.lib.pagecache import register_public_content
        from portevoix.privacy.models import Consent
        from portevoix.representatives.models import OfficeHolder
        from portevoix.spread.referrals import register_referred_action

        # The endorsers list and the provincial page show these.
        register_public_content(Endorsement, Organization, OfficeHolder, LetterTemplate)
        # Only consents to be listed change the list; every other consent leaves pages alone.
        # (Withdrawing uses update(), which sends no signal: see privacy.actions.)
        for signal in (post_save, post_delete):
            signal.connect(listing_consent_changed, sender=Consent, weak=False)
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
        register_intake(
            ENDORSEMENT_INTAKE,
            submit_accepted_endorsement,
            email_of=lambda payload: payload["data"]["contact_email"],
        )
