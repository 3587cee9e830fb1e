from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadConfig(AppConfig):
    name = "portevoix.spread"
    verbose_name = _("Spread kit")
