from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "portevoix.meetings"
    verbose_name = _("Calls and meetings")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.letters.handoffs import register_recipients_step
        from portevoix.meetings import api, personal_data, tasks  # noqa: F401  registrations

        register_recipients_step(
            "meeting-request", change_target_url, _("Change whom you ask to meet")
        )
        register_tool("call", _("Call your MP"), call_url)
        register_tool("meeting", _("Request a meeting"), meeting_url)
        register_tool("meeting-kit", _("Meeting kit"), kit_url)


def change_target_url(letter):
    """The request letter's recipient is the meeting's: it is chosen on the meeting's side."""
    from portevoix.meetings.models import MeetingRequest

    meeting = MeetingRequest.objects.filter(letter=letter).select_related("campaign").first()
    if meeting is None:
        return ""
    return reverse("meetings:change_target", args=[meeting.campaign.slug, meeting.private_token()])


def call_url(campaign, _argument):
    return reverse("meetings:call", args=[campaign.slug])


def meeting_url(campaign, _argument):
    return reverse("meetings:meeting", args=[campaign.slug])


def kit_url(campaign, _argument):
    return reverse("meetings:kit", args=[campaign.slug])
