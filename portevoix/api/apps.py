from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "portevoix.api"
    verbose_name = _("API for CRMs")

    def ready(self):
        from portevoix.api import collections  # noqa: F401  registers the built-in collections
