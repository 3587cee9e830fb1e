from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "portevoix.staff"
    verbose_name = _("Staff and security")

    def ready(self):
        from django.contrib import admin

        from portevoix.staff import signals  # noqa: F401  audit of sign-ins and admin changes
        from portevoix.staff.forms import ThrottledAdminAuthenticationForm

        admin.site.login_form = ThrottledAdminAuthenticationForm
        post_migrate.connect(create_roles, sender=self)


def create_roles(**kwargs):
    from portevoix.staff.roles import sync_roles

    sync_roles()
