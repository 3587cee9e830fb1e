from django import forms
from django.contrib import admin, messages
from django.db import models as db_models
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import (
    STALE_AFTER,
    CachedAnswer,
    CampaignTarget,
    District,
    OfficeHolder,
    PostalArea,
    PostalAreaHint,
    PostalCode,
    Representative,
)
from .setup import missing_data_instructions


class FreshnessFilter(admin.SimpleListFilter):
    title = _("data age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("stale", _("Older than 90 days")), ("fresh", _("90 days or newer"))]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - STALE_AFTER
        if self.value() == "stale":
            return queryset.filter(as_of__lt=cutoff)
        if self.value() == "fresh":
            return queryset.filter(as_of__gte=cutoff)
        return queryset


class CorrectionFilter(admin.SimpleListFilter):
    title = _("staff corrections")
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Corrected by staff")),
            ("differs", _("Corrected, and the last import differs")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(staff_corrected_at__isnull=False)
        if self.value() == "differs":
            return queryset.filter(staff_corrected_at__isnull=False).exclude(pending_changes={})
        return queryset


class ProvenanceForm(forms.ModelForm):
    release_to_imports = forms.BooleanField(
        label=_("Let imports update this record again"),
        required=False,
        help_text=_("Your corrections stay until the next import, which may then replace them."),
    )


class ProvenanceAdmin(admin.ModelAdmin):
    """Source, age and staff corrections, shown the same way for every imported record."""

    # Addresses typed without a scheme are taken as https, as Django 6 will do.
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    form = ProvenanceForm
    provenance_fields = ["source", "as_of", "imported_at", "staff_corrected_at", "import_diff"]
    readonly_fields = ["imported_at", "staff_corrected_at", "import_diff"]

    @admin.display(description=_("age"), ordering="as_of")
    def freshness(self, obj):
        if obj.is_stale():
            return format_html("<strong>{}</strong> ({})", _("over 90 days"), obj.as_of)
        return obj.as_of

    @admin.display(description=_("corrected"), boolean=True)
    def corrected(self, obj):
        return obj.staff_corrected_at is not None

    @admin.display(description=_("what the last import would have changed"))
    def import_diff(self, obj):
        if not obj.pending_changes:
            return _("Nothing: the last import agrees with this record.")
        rows = format_html_join(
            "",
            "<li><code>{}</code>: {} → {}</li>",
            (
                (name, change.get("stored"), change.get("import"))
                for name, change in obj.pending_changes.items()
            ),
        )
        return format_html("<ul>{}</ul>", rows)

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("release_to_imports"):
            obj.staff_corrected_at = None
            obj.pending_changes = {}
        elif change and set(form.changed_data) - {"release_to_imports"}:
            obj.staff_corrected_at = timezone.now()
        super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        for instruction in missing_data_instructions():
            messages.warning(request, instruction)
        return super().changelist_view(request, extra_context)


@admin.register(District)
class DistrictAdmin(ProvenanceAdmin):
    list_display = ["name_en", "name_fr", "number", "level", "province", "source", "freshness"]
    list_filter = ["level", "province", "boundary_set", FreshnessFilter, CorrectionFilter]
    search_fields = ["name_en", "name_fr", "number", "search_text"]
    fieldsets = [
        (None, {"fields": ["level", "number", ("name_fr", "name_en"), "province"]}),
        (_("Boundaries"), {"fields": ["boundary_set", "ocd_id"]}),
        (_("Source"), {"fields": ProvenanceAdmin.provenance_fields + ["release_to_imports"]}),
    ]


@admin.register(Representative)
class RepresentativeAdmin(ProvenanceAdmin):
    list_display = [
        "name",
        "district",
        "party",
        "email",
        "source",
        "freshness",
        "retired_at",
        "corrected",
    ]
    list_filter = [
        "district__level",
        "district__province",
        ("retired_at", admin.EmptyFieldListFilter),
        FreshnessFilter,
        CorrectionFilter,
    ]
    search_fields = ["name", "email", "district__name_en", "district__name_fr", "search_text"]
    list_select_related = ["district"]
    raw_id_fields = ["district"]
    fieldsets = [
        (None, {"fields": ["name", ("first_name", "last_name"), "gender", "district"]}),
        (
            _("Contact"),
            {"fields": ["party", "email", "elected_office", "offices", "preferred_language"]},
        ),
        (_("Serving"), {"fields": ["retired_at", "photo_url"]}),
        (_("Source"), {"fields": ProvenanceAdmin.provenance_fields + ["release_to_imports"]}),
    ]


class CompletionFilter(admin.SimpleListFilter):
    title = _("completion")
    parameter_name = "complete"

    def lookups(self, request, model_admin):
        return [("no", _("Name, email or address missing"))]

    def queryset(self, request, queryset):
        return queryset.incomplete() if self.value() == "no" else queryset


@admin.register(OfficeHolder)
class OfficeHolderAdmin(ProvenanceAdmin):
    list_display = ["title_en", "province", "name_or_flag", "email", "freshness", "missing"]
    list_filter = ["role", "province", CompletionFilter, FreshnessFilter]
    search_fields = ["name", "title_fr", "title_en", "email"]
    raw_id_fields = ["representative"]
    fieldsets = [
        (None, {"fields": ["role", "province", ("title_fr", "title_en")]}),
        (_("Person"), {"fields": ["name", "gender", "representative"]}),
        (_("Contact"), {"fields": ["email", "mailing_address"]}),
        (_("Source"), {"fields": ProvenanceAdmin.provenance_fields + ["release_to_imports"]}),
    ]

    @admin.display(description=_("name"), ordering="name")
    def name_or_flag(self, obj):
        return obj.name or format_html("<strong>{}</strong>", _("name missing: please complete"))

    @admin.display(description=_("to complete"))
    def missing(self, obj):
        return ", ".join(str(label) for label in obj.missing_fields()) or "—"

    def changelist_view(self, request, extra_context=None):
        incomplete = OfficeHolder.objects.incomplete().count()
        if incomplete:
            messages.warning(
                request,
                _(
                    "%(count)s office holders need completing (name, email or address). "
                    "Letters to them cannot be addressed until you do."
                )
                % {"count": incomplete},
            )
        return super().changelist_view(request, extra_context)


class PostalAreaHintInline(admin.TabularInline):
    model = PostalAreaHint
    extra = 0
    raw_id_fields = ["district"]


@admin.register(PostalArea)
class PostalAreaAdmin(ProvenanceAdmin):
    list_display = ["fsa", "place_name", "province", "source", "freshness"]
    list_filter = ["province", FreshnessFilter]
    search_fields = ["fsa", "place_name"]
    inlines = [PostalAreaHintInline]
    fields = ["fsa", "province", "place_name", ("latitude", "longitude")] + (
        ProvenanceAdmin.provenance_fields + ["release_to_imports"]
    )


@admin.register(PostalCode)
class PostalCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "district", "source", "as_of"]
    list_filter = ["level", "district__province"]
    search_fields = ["code", "district__name_en", "district__name_fr"]
    raw_id_fields = ["district"]
    exclude = ["level"]


@admin.register(CachedAnswer)
class CachedAnswerAdmin(admin.ModelAdmin):
    list_display = ["postal_code", "city", "province", "fetched_at"]
    search_fields = ["postal_code"]
    readonly_fields = ["postal_code", "districts", "fetched_at", "city", "province"]

    def has_add_permission(self, request):
        return False


@admin.register(CampaignTarget)
class CampaignTargetAdmin(admin.ModelAdmin):
    list_display = ["campaign", "kind", "__str__"]
    list_filter = ["campaign", "kind"]
    raw_id_fields = ["office_holder"]
