from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "portevoix.health"
    verbose_name = _("Health")

    def ready(self):
        from portevoix.health import task_results  # noqa: F401  registers its purge
