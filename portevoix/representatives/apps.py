from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentativesConfig(AppConfig):
    name = "portevoix.representatives"
    verbose_name = _("Representatives")

    def ready(self):
        from portevoix.lib.pagecache import register_public_content
        from portevoix.representatives.models import District, OfficeHolder, Representative

        # Find-your-MP pages show these: a change must show at once.
        register_public_content(District, Representative, OfficeHolder)
