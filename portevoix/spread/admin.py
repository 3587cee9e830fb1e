from django.contrib import admin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import Campaign
from portevoix.spread.models import ShareVisit
from portevoix.spread.report import referral_report


@admin.register(ShareVisit)
class ShareVisitAdmin(admin.ModelAdmin):
    list_display = ["day", "campaign", "channel", "referrer", "count"]
    list_filter = ["channel", "campaign", "day"]
    list_select_related = ["campaign", "referrer"]
    search_fields = ["referrer__name", "referrer__code"]
    readonly_fields = ["day", "campaign", "channel", "referrer", "count"]
    change_list_template = "admin/spread/sharevisit/change_list.html"

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        return [path("report/<slug:slug>/", report, name="spread_report"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        reports = [
            format_html('<a href="{}">{}</a>', reverse("admin:spread_report", args=[c.slug]), c)
            for c in Campaign.objects.all()
        ]
        return super().changelist_view(request, {**(extra_context or {}), "reports": reports})

    def report_view(self, request, slug):
        campaign = get_object_or_404(Campaign, slug=slug)
        context = {
            **self.admin_site.each_context(request),
            "title": _("What shared links brought"),
            "campaign": campaign,
            "opts": self.model._meta,
            **referral_report(campaign),
        }
        return TemplateResponse(request, "spread/results.html", context)
