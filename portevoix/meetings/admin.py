from django.contrib import admin

from portevoix.meetings.models import Call, Delegate, MeetingEmail, MeetingRequest


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "representative", "district", "outcome", "language"]
    list_filter = ["outcome", "language", "campaign"]
    date_hierarchy = "created_at"
    readonly_fields = ["public_id", "created_at", "outcome_at"]
    raw_id_fields = ["representative", "district"]


class DelegateInline(admin.TabularInline):
    model = Delegate
    extra = 0
    fields = ["name", "email", "role", "language", "answer", "invited_at", "answered_at"]
    readonly_fields = ["invited_at", "answered_at"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organizer_name", "organization_name", "with_name", "status"]
    list_filter = ["status", "place", "campaign"]
    search_fields = ["organizer_name", "organization_name", "with_name", "organizer_email"]
    date_hierarchy = "created_at"
    readonly_fields = ["public_id", "letter", "created_at", "report_prompt_sent_at", "reported_at"]
    raw_id_fields = ["representative", "office_holder", "district"]
    inlines = [DelegateInline]


@admin.register(MeetingEmail)
class MeetingEmailAdmin(admin.ModelAdmin):
    """Read only: staff see an email stuck "sending" or failed, and why."""

    list_display = ["created_at", "kind", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "kind"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
