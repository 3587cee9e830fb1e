from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "portevoix.meetings"
    verbose_name = _("Calls and meetings")
