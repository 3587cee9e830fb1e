from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "portevoix.letters"
    verbose_name = _("Letters")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.intake.actions import register as register_intake
        from portevoix.letters import api, personal_data, tasks  # noqa: F401  registrations
        from portevoix.letters.actions import (
            LETTER_CONFIRMATION_INTAKE,
            carry_out_confirmation_request,
        )
        from portevoix.letters.models import LetterTemplate
        from portevoix.lib.pagecache import register_public_content
        from portevoix.spread.referrals import register_referred_action

        register_public_content(LetterTemplate)
        register_intake(
            LETTER_CONFIRMATION_INTAKE,
            carry_out_confirmation_request,
            email_of=sender_email_of,
            label=_("A letter you asked us to send"),
        )
        register_referred_action(_("Letters sent"), lambda campaign: campaign.letters.sent())

        register_tool(
            "letter",
            _("Write a letter (letter:<template key>, or letter alone to choose one)"),
            letter_url,
        )


def letter_url(campaign, key):
    if key:
        return reverse("letters:start", args=[campaign.slug, key])
    return reverse("letters:choose", args=[campaign.slug])


def sender_email_of(payload):
    from portevoix.letters.actions import letter_asked_for

    letter = letter_asked_for(payload)
    return letter.sender_email if letter else ""
