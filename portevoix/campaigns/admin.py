from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import Campaign, ContactMessage, Resource, SuggestedAction


class SuggestedActionInline(admin.StackedInline):
    model = SuggestedAction
    extra = 0
    fields = [
        ("audience", "key", "position"),
        ("title_fr", "title_en"),
        ("summary_fr", "summary_en"),
        ("details_fr", "details_en"),
        "link_url",
        ("link_label_fr", "link_label_en"),
    ]


class ResourceInline(admin.TabularInline):
    model = Resource
    extra = 0
    fields = ["language", "position", "title", "description", "file"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "title_en", "status", "position", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title_fr", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SuggestedActionInline, ResourceInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "position", "contact_email"]}),
        (_("Who runs it"), {"fields": [("organization_name_fr", "organization_name_en")]}),
        (
            _("How long personal data is kept"),
            {"fields": [("letter_body_retention_days", "contact_details_retention_months")]},
        ),
        (
            _("Campaign text"),
            {
                "fields": [
                    ("title_fr", "title_en"),
                    ("ask_fr", "ask_en"),
                    ("background_fr", "background_en"),
                    ("organizations_intro_fr", "organizations_intro_en"),
                    ("individuals_intro_fr", "individuals_intro_en"),
                    ("share_text_fr", "share_text_en"),
                ]
            },
        ),
    ]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "name",
        "email",
        "organization",
        "campaign",
        "language",
        "handled",
    ]
    list_filter = ["handled", "campaign", "language"]
    search_fields = ["name", "email", "organization"]
    readonly_fields = [
        "campaign",
        "name",
        "email",
        "organization",
        "message",
        "consent_to_reply",
        "language",
        "created_at",
        "staff_notified_at",
    ]
    fields = readonly_fields + ["handled"]

    def has_add_permission(self, request):
        return False
