from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "portevoix.privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from portevoix.privacy import personal_data, tasks  # noqa: F401  registrations
