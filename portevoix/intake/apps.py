from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "portevoix.intake"
    verbose_name = _("Form intake")

    def ready(self):
        from portevoix.intake import personal_data, tasks  # noqa: F401  registrations
