from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from portevoix.reports import actions
from portevoix.reports.forms import SetPositionForm
from portevoix.reports.models import FollowUp, MpPosition, PositionChange, ReportBack
from portevoix.reports.uploads import content_type_of
from portevoix.staff.audit import record

SET_POSITION_PERMISSION = "reports.add_positionchange"


@admin.register(ReportBack)
class ReportBackAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "campaign",
        "action_type",
        "target",
        "outcome",
        "stated_position",
        "quote_permission",
        "moderation",
    ]
    list_filter = ["moderation", "action_type", "outcome", "stated_position", "campaign"]
    list_select_related = ["campaign", "representative", "office_holder", "district"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject"]
    # Staff read the decrypted text here; it is shown, never edited.
    readonly_fields = [
        "campaign",
        "language",
        "action_type",
        "target",
        "province",
        "action_date",
        "outcome",
        "stated_position",
        "commitments",
        "details",
        "follow_up_needed",
        "attendees",
        "reply",
        "reporter_name",
        "reporter_email",
        "organization_name",
        "quote_permission",
        "letter",
        "meeting",
        "moderation",
        "moderated_by",
        "moderated_at",
        "created_at",
        "position_tools",
    ]
    fields = readonly_fields + ["published_quote"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        # Words the writer kept private can never be published: the field is not offered.
        if obj is not None and not obj.may_be_quoted():
            return [*self.readonly_fields, "published_quote"]
        return self.readonly_fields

    @admin.display(description=_("who was targeted"))
    def target(self, report):
        return report.target_display()

    @admin.display(description=_("the reply received"))
    def reply(self, report):
        if not report.reply_file:
            return "—"
        url = reverse("admin:reports_reportback_reply", args=[report.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the reply"))

    @admin.display(description=_("MP position"))
    def position_tools(self, report):
        if report.representative_id is None:
            return "—"
        url = reverse("admin:reports_reportback_set_position", args=[report.pk])
        return format_html('<a href="{}">{}</a>', url, _("Set this MP's position from this report"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "published_quote" in form.changed_data:
            record(request.user, "report.quote_set", obj, length=len(obj.published_quote))

    @admin.action(description=_("Approve the selected reports"), permissions=["change"])
    def approve(self, request, queryset):
        done = sum(actions.approve_report(report, request.user) for report in queryset)
        self.message_user(
            request, ngettext("%d report approved.", "%d reports approved.", done) % done
        )

    @admin.action(description=_("Set the selected reports aside"), permissions=["change"])
    def reject(self, request, queryset):
        done = sum(actions.reject_report(report, request.user) for report in queryset)
        self.message_user(
            request, ngettext("%d report set aside.", "%d reports set aside.", done) % done
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/reply/", wrap(self.reply_download), name="reports_reportback_reply"),
            path(
                "<int:pk>/set-position/",
                wrap(require_http_methods(["GET", "POST"])(self.set_position_view)),
                name="reports_reportback_set_position",
            ),
            *super().get_urls(),
        ]

    def reply_download(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = get_object_or_404(ReportBack, pk=pk)
        if not report.reply_file:
            raise Http404
        try:
            handle = report.reply_file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        extension = report.reply_file.name.rsplit(".", 1)[-1]
        # Always a download, never shown as a page of this site.
        response = FileResponse(
            handle, as_attachment=True, filename=f"reply-{report.pk}.{extension}"
        )
        response["Content-Type"] = content_type_of(report.reply_file.name)
        record(request.user, "report.reply_downloaded", report)
        return response

    def set_position_view(self, request, pk):
        if not request.user.has_perm(SET_POSITION_PERMISSION):
            raise PermissionDenied
        report = get_object_or_404(
            ReportBack.objects.select_related("representative__district", "campaign"), pk=pk
        )
        if report.representative is None:
            raise Http404
        form = SetPositionForm(request.POST or None, initial=SetPositionForm.initial_for(report))
        if request.method == "POST" and form.is_valid():
            actions.set_position(
                campaign=report.campaign,
                representative=report.representative,
                actor=request.user,
                report=report,
                **form.cleaned_data,
            )
            self.message_user(request, _("The MP's position was recorded."), messages.SUCCESS)
            return redirect("admin:reports_reportback_change", report.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "report": report,
            "form": form,
            "title": _("Set this MP's position from this report"),
        }
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/reports/set_position.html", context, status=status)


@admin.register(MpPosition)
class MpPositionAdmin(admin.ModelAdmin):
    list_display = ["representative", "riding", "province", "position", "since", "campaign"]
    list_filter = ["position", "campaign", "representative__district__province"]
    list_select_related = ["representative__district", "campaign"]
    search_fields = ["representative__name", "representative__district__name_fr"]
    fields = readonly_fields = ["campaign", "representative", "position", "since", "updated_at"]

    @admin.display(description=_("riding"), ordering="representative__district__name_en")
    def riding(self, position):
        return position.representative.district.name

    @admin.display(
        description=_("province or territory"), ordering="representative__district__province"
    )
    def province(self, position):
        return position.representative.district.province

    def change_view(self, request, object_id, form_url="", extra_context=None):
        current = get_object_or_404(MpPosition, pk=object_id)
        # The history, read only: PositionChange rows are never edited nor deleted.
        history = PositionChange.objects.filter(
            campaign=current.campaign, representative=current.representative
        ).select_related("set_by", "report")
        extra = {**(extra_context or {}), "history": history}
        return super().change_view(request, object_id, form_url, extra)

    # A position moves only with evidence: add a position change instead.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PositionChange)
class PositionChangeAdmin(admin.ModelAdmin):
    """Evidence is added, never edited or deleted: the history is the tracker's proof."""

    list_display = ["representative", "position", "evidence", "evidence_date", "campaign", "set_by"]
    list_filter = ["position", "evidence", "campaign"]
    list_select_related = ["representative", "campaign", "set_by"]
    raw_id_fields = ["representative", "report"]
    fields = [
        "campaign",
        "representative",
        "position",
        "evidence",
        "evidence_date",
        "summary_fr",
        "summary_en",
        "source_url",
        "report",
    ]

    def get_readonly_fields(self, request, obj=None):
        return self.fields + ["set_by", "set_at"] if obj is not None else []

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = actions.set_position(
            actor=request.user,
            **{name: form.cleaned_data.get(name) or "" for name in ("summary_fr", "summary_en")},
            source_url=form.cleaned_data.get("source_url") or "",
            **{
                name: form.cleaned_data[name]
                for name in (
                    "campaign",
                    "representative",
                    "position",
                    "evidence",
                    "evidence_date",
                    "report",
                )
            },
        )
        obj.pk = saved.pk
        obj.set_at = saved.set_at


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["letter", "due_at", "sent_at", "reminder_sent_at", "answer", "answered_at"]
    list_filter = ["answer"]
    list_select_related = ["letter__template"]
    fields = readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
