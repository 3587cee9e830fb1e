from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portevoix.letters import actions, placeholders
from portevoix.letters.models import DeliveryAttempt, Letter, LetterTemplate
from portevoix.staff.audit import record


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "key", "campaign", "audience", "target", "copy_mp", "is_active"]
    list_filter = ["campaign", "audience", "target", "is_active"]
    search_fields = ["title_fr", "title_en", "key"]
    readonly_fields = ["preview_fr", "preview_en"]
    fieldsets = [
        (None, {"fields": ["campaign", "key", "position", "is_active"]}),
        (_("Who writes, to whom"), {"fields": ["audience", "target", "copy_mp", "guided_story"]}),
        (
            _("French"),
            {"fields": ["title_fr", "summary_fr", "subject_fr", "body_fr", "preview_fr"]},
        ),
        (
            _("English"),
            {"fields": ["title_en", "summary_en", "subject_en", "body_en", "preview_en"]},
        ),
    ]

    change_form_template = "admin/letters/lettertemplate/change_form.html"

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_unsaved)
        return [
            path("preview/", preview, name="letters_lettertemplate_preview"),
            *super().get_urls(),
        ]

    def preview_unsaved(self, request):
        """What the text being edited would look like, checked, without saving anything."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        draft = LetterTemplate(**{f: request.POST.get(f, "") for f in PREVIEWED_FIELDS})
        problems = {f: placeholders.problems_in(getattr(draft, f)) for f in PREVIEWED_FIELDS}
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview, not saved"),
            "problems": {field: found for field, found in problems.items() if found},
            "previews": [
                self.preview(draft, "fr", saved=False),
                self.preview(draft, "en", saved=False),
            ],
        }
        return TemplateResponse(request, "admin/letters/lettertemplate/preview.html", context)

    @admin.display(description=_("preview (French, as last saved)"))
    def preview_fr(self, template):
        return self.preview(template, "fr")

    @admin.display(description=_("preview (English, as last saved)"))
    def preview_en(self, template):
        return self.preview(template, "en")

    def preview(self, template, language, saved=True):
        """The text with example values, so staff see what a writer starts from."""
        if saved and not template.pk:
            return "-"
        subject, body = template.text_in(language)
        values = example_values(language)
        return format_html(
            '<div class="letter-preview" lang="{}"><p><strong>{}</strong></p>{}</div>',
            language,
            placeholders.fill(subject, values),
            linebreaks(placeholders.fill(body, values), autoescape=True),
        )


PREVIEWED_FIELDS = ["subject_fr", "subject_en", "body_fr", "body_en"]


def example_values(language):
    fr = language == "fr"
    return {
        "salutation": placeholders.mp_salutation("f", "Marie Exemple", language),
        "recipient_name": "Marie Exemple",
        "recipient_title": placeholders.mp_title("f", "Laurier—Sainte-Marie", language),
        "riding": "Laurier—Sainte-Marie",
        "mp_name": "Marie Exemple",
        "province": "Québec" if fr else "Quebec",
        "sender_name": "Alex Tremblay",
        "organization": "Accueil Exemple" if fr else "Example Welcome Centre",
        "date": "1er mars 2026" if fr else "March 1, 2026",
        "story": "",
    }


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    fields = ["number", "stage", "outcome", "error", "started_at", "finished_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "template",
        "to_name",
        "riding_name",
        "status",
        "attempts",
        "short_error",
    ]
    list_filter = ["status", "campaign", "template", "language", "is_template_verbatim"]
    search_fields = ["to_name", "riding_name", "sender_email"]
    date_hierarchy = "created_at"
    actions = ["retry_failed"]
    inlines = [DeliveryAttemptInline]
    exclude = ["body", "district", "representative", "office_holder"]

    def get_readonly_fields(self, request, obj=None):
        # Staff watch and retry letters; they never rewrite what someone sent in their name.
        fields = [field.name for field in Letter._meta.fields if field.name not in self.exclude]
        return [*fields, "consents_given"]

    @admin.display(description=_("consents"))
    def consents_given(self, letter):
        return "; ".join(
            f"{consent.get_purpose_display()} ({consent.given_at:%Y-%m-%d %H:%M})"
            for consent in letter.consents()
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("last error"))
    def short_error(self, letter):
        return letter.last_error[:80]

    @admin.action(description=_("Send the selected failed letters again"))
    def retry_failed(self, request, queryset):
        retried = 0
        for letter in queryset:
            if actions.retry_letter(letter):
                retried += 1
                record(request.user, "letter.retried", letter)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed letter queued again.",
                "%(count)d failed letters queued again.",
                retried,
            )
            % {"count": retried},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/body/",
                self.admin_site.admin_view(self.view_body),
                name="letters_letter_body",
            ),
            *super().get_urls(),
        ]

    def view_body(self, request, pk):
        """The letter's text, shown only on purpose: it may hold a family's story."""
        letter = get_object_or_404(Letter, pk=pk)
        if not self.has_view_permission(request, letter):
            return HttpResponse(status=403)
        return HttpResponse(letter.body, content_type="text/plain; charset=utf-8")
