from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def listing_consent_changed(sender, instance, **kwargs):
    """A consent to be listed given, erased or changed: the public list must be drawn again,
    if the endorsement is one it shows (approved)."""
    from django.db import transaction

    from portevoix.endorsements.models import ENDORSEMENT_SOURCE, Endorsement
    from portevoix.lib.db.statements import first_row, model_sql
    from portevoix.lib.pagecache import bump_content_version
    from portevoix.privacy.models import Purpose

    if instance.purpose != Purpose.LIST_PUBLICLY:
        return
    endorsement_id = instance.source.removeprefix(ENDORSEMENT_SOURCE)
    if endorsement_id == instance.source or not endorsement_id.isdigit():
        return
    # Asked for every new endorsement the worker records (its consent to be listed), while it
    # holds SQLite's write lock: SQL made once, rather than a query built each time.
    approved = model_sql(Endorsement, IS_APPROVED, id="id", status="status")
    if first_row(approved, [int(endorsement_id), Endorsement.Status.APPROVED]) is not None:
        transaction.on_commit(bump_content_version)


IS_APPROVED = "SELECT 1 FROM {table} WHERE {id} = %s AND {status} = %s"


def endorsement_may_show(endorsement, created, update_fields):
    """Public pages show approved endorsements only. A new endorsement still unconfirmed, or a
    change to one that leaves its status alone, changes none of them: during a burst of
    endorsements, the cached pages stay."""
    from portevoix.endorsements.models import Endorsement

    status_untouched = created or (update_fields is not None and "status" not in update_fields)
    return not (endorsement.status == Endorsement.Status.UNCONFIRMED and status_untouched)


def organization_may_show(organization, created, update_fields):
    """A new organization is shown only once its endorsement is approved, which bumps then."""
    return not created


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
        register_public_content(OfficeHolder, LetterTemplate)
        register_public_content(Endorsement, shown=endorsement_may_show)
        register_public_content(Organization, shown=organization_may_show)
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
            label=_("An endorsement of the campaign"),
        )
