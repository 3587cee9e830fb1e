from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portevoix.intake.actions import ask_for_drain
from portevoix.intake.models import Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Submissions the worker has not carried out yet; those it gave up on show their error.

    Their contents stay encrypted and are not shown: staff see why it failed, not what
    someone wrote.
    """

    list_display = ["__str__", "created_at", "attempts", "last_error"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "created_at", "attempts", "last_error"]
    exclude = ["payload"]
    actions = ["try_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Try again"), permissions=["change"])
    def try_again(self, request, queryset):
        count = queryset.update(attempts=0, last_error="")
        ask_for_drain()
        message = ngettext(
            "%(count)d submission will be tried again.",
            "%(count)d submissions will be tried again.",
            count,
        )
        self.message_user(request, message % {"count": count})
