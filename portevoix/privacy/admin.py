from django.contrib import admin

from portevoix.privacy.models import Consent


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["email", "purpose", "language", "campaign", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "language", "campaign"]
    search_fields = ["email"]
    readonly_fields = [
        f
        for f in [
            "email",
            "purpose",
            "wording",
            "language",
            "campaign",
            "source",
            "given_at",
            "withdrawn_at",
        ]
    ]

    # A consent is evidence of what the person agreed to: staff read it, never rewrite it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
