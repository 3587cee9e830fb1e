from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "portevoix.meetings"
    verbose_name = _("Calls and meetings")

    def ready(self):
        from portevoix.campaigns.tools import register_tool
        from portevoix.meetings import personal_data, tasks  # noqa: F401  registrations

        register_tool("call", _("Call your MP"), call_url)
        register_tool("meeting", _("Request a meeting"), meeting_url)
        register_tool("meeting-kit", _("Meeting kit"), kit_url)


def call_url(campaign, _argument):
    return reverse("meetings:call", args=[campaign.slug])


def meeting_url(campaign, _argument):
    return reverse("meetings:meeting", args=[campaign.slug])


def kit_url(campaign, _argument):
    return reverse("meetings:kit", args=[campaign.slug])
