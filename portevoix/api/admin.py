from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.api.models import ApiToken, Scope
from portevoix.staff.audit import record


class NewTokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("What it may read"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiToken
        fields = ["name", "scopes"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]
    form = NewTokenForm

    def has_change_permission(self, request, obj=None):
        return False  # a token is made, used and revoked; never edited

    def has_add_permission(self, request):
        return request.user.is_superuser or request.user.groups.filter(name="Admin").exists()

    def save_model(self, request, obj, form, change):
        token, plain = ApiToken.issue(
            form.cleaned_data["name"], form.cleaned_data["scopes"], created_by=request.user
        )
        obj.pk = token.pk
        record(request.user, "api_token.created", token, scopes=token.scopes)
        messages.warning(
            request,
            _("Copy this key now; it will not be shown again: %(key)s") % {"key": plain},
        )

    def log_addition(self, request, obj, message):
        pass  # save_model wrote the audit entry for the token it made

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset.usable():
            ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
            record(request.user, "api_token.revoked", token)
