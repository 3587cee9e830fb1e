from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "portevoix.reports"
    verbose_name = _("Report-back and MP positions")
