from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portevoix.endorsements import actions
from portevoix.endorsements.models import (
    Endorsement,
    Invitation,
    Organization,
    Suppression,
    suppression_hash,
)
from portevoix.spread.models import Referrer


class ListedFilter(admin.SimpleListFilter):
    title = _("listed publicly")
    parameter_name = "listed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.with_listing().filter(listed=self.value() == "yes")
        return queryset


@admin.register(Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = [
        "organization",
        "sector",
        "region",
        "campaign",
        "status",
        "listed",
        "created_at",
    ]
    list_filter = ["status", "campaign", ListedFilter, "organization__sector"]
    search_fields = ["organization__name", "organization__contact_email", "statement"]
    list_select_related = ["organization", "campaign"]
    actions = ["approve", "reject", "merge"]
    readonly_fields = [
        "campaign",
        "organization",
        "status",
        "statement",
        "statement_language",
        "listed",
        "consents_given",
        "language",
        "created_at",
        "confirmed_at",
        "decided_at",
        "decided_by",
        "rejection_reason",
        "merged_into",
        "outcome_notified_at",
        "referrer",
        "referral_channel",
        "invitation",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).with_listing()

    @admin.display(description=_("listed publicly"), boolean=True, ordering="listed")
    def listed(self, endorsement):
        return endorsement.listed

    @admin.display(description=_("consents"))
    def consents_given(self, endorsement):
        """Kept in the privacy app's table; withdrawn ones say when."""
        lines = []
        for consent in endorsement.consents().order_by("given_at"):
            state = (
                _("withdrawn %(date)s") % {"date": f"{consent.withdrawn_at:%Y-%m-%d}"}
                if consent.withdrawn_at
                else _("given %(date)s") % {"date": f"{consent.given_at:%Y-%m-%d}"}
            )
            lines.append(f"{consent.get_purpose_display()} ({state}): « {consent.wording} »")
        return "\n".join(lines) or "—"

    @admin.display(description=_("sector"), ordering="organization__sector")
    def sector(self, endorsement):
        return endorsement.organization.get_sector_display()

    @admin.display(description=_("province or territory"), ordering="organization__region")
    def region(self, endorsement):
        return endorsement.organization.get_region_display()

    @admin.action(description=_("Approve the selected endorsements"))
    def approve(self, request, queryset):
        done = sum(actions.approve_endorsement(e, request.user) for e in queryset)
        self.report(request, done, queryset.count())

    @admin.action(description=_("Reject the selected endorsements, with a reason"))
    def reject(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        if request.POST.get("confirm") and reason:
            done = sum(actions.reject_endorsement(e, request.user, reason) for e in queryset)
            self.report(request, done, queryset.count())
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject endorsements"),
            "endorsements": queryset.select_related("organization"),
            "reason_missing": bool(request.POST.get("confirm")),
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/endorsements/reject.html", context)

    @admin.action(description=_("Merge the selected duplicates into the oldest one"))
    def merge(self, request, queryset):
        merged = actions.merge_endorsements(list(queryset), request.user)
        if not merged:
            self.message_user(
                request,
                _("Select at least two confirmed endorsements of the same organization."),
                messages.WARNING,
            )
            return
        self.message_user(
            request,
            ngettext("%(n)d duplicate merged.", "%(n)d duplicates merged.", merged) % {"n": merged},
        )

    def report(self, request, done, selected):
        self.message_user(
            request,
            ngettext("%(n)d endorsement updated.", "%(n)d endorsements updated.", done)
            % {"n": done},
        )
        if done < selected:
            self.message_user(
                request,
                _(
                    "Some endorsements were left as they were: only confirmed endorsements can "
                    "be approved, rejected or merged."
                ),
                messages.WARNING,
            )


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "region", "contact_name", "contact_email", "created_at"]
    list_filter = ["sector", "region"]
    search_fields = ["name", "contact_name", "contact_email"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "referrer", "to_organization", "sector", "method", "status"]
    list_filter = ["status", "method", "sector", "campaign"]
    search_fields = ["to_email", "to_organization", "referrer__name", "code"]
    list_select_related = ["referrer"]
    readonly_fields = [
        "campaign",
        "referrer",
        "code",
        "sector",
        "language",
        "method",
        "to_email",
        "to_organization",
        "subject",
        "body",
        "status",
        "created_at",
        "queued_at",
        "sent_at",
        "attempts",
        "last_error",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False


class SuppressionForm(forms.ModelForm):
    """Staff type the address; only its keyed hash is stored."""

    email = forms.EmailField(label=_("Email address not to contact"))

    class Meta:
        model = Suppression
        fields = ["reason"]

    def save(self, commit=True):
        self.instance.email_hash = suppression_hash(self.cleaned_data["email"])
        return super().save(commit)

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and Suppression.covers(email):
            self.add_error("email", _("This address is already on the list."))
        return cleaned


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email_hash", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email_hash"]
    form = SuppressionForm

    def get_fields(self, request, obj=None):
        return ["email", "reason"] if obj is None else ["email_hash", "reason", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["email_hash", "reason", "created_at"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """Staff search by the address itself: it is hashed the same way, then matched."""
        if "@" in search_term:
            return queryset.filter(email_hash=suppression_hash(search_term)), False
        return super().get_search_results(request, queryset, search_term)


class CreditedEndorsements(admin.SimpleListFilter):
    title = _("brought endorsements")
    parameter_name = "credited"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(credited__gt=0)
        if self.value() == "no":
            return queryset.filter(credited=0)
        return queryset


@admin.register(Referrer)
class ReferrerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "campaign", "code", "credited", "email_confirmed_at"]
    list_filter = ["kind", "campaign", CreditedEndorsements]
    search_fields = ["name", "email", "code"]
    readonly_fields = ["code", "created_at", "email_confirmed_at"]
    fields = ["campaign", "kind", "name", "email", "language", *readonly_fields]

    def get_queryset(self, request):
        counted = Q(
            referred_endorsements__status__in=[
                Endorsement.Status.PENDING,
                Endorsement.Status.APPROVED,
            ]
        )
        return (
            super()
            .get_queryset(request)
            .annotate(credited=Count("referred_endorsements", filter=counted))
        )

    @admin.display(description=_("endorsements brought"), ordering="credited")
    def credited(self, referrer):
        return referrer.credited
