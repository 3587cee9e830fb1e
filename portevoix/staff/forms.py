from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _

from portevoix.lib.forms import Form
from portevoix.staff import throttle

TOO_MANY_ATTEMPTS = _(
    "Too many unsuccessful attempts. For the safety of the people whose data we hold, "
    "please wait 15 minutes before trying again."
)


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if throttle.is_throttled(self.request, username):
            raise forms.ValidationError(TOO_MANY_ATTEMPTS, code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.note_attempt(self.request, username, succeeded=False)
            raise
        throttle.note_attempt(self.request, username, succeeded=True)
        return cleaned


class CodeForm(Form):
    title = _("Two-step sign-in")
    wrong_code_message = _(
        "This code is not right, or was already used. Check your phone's clock, "
        "then enter the code shown now."
    )

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Please enter the code.")},
    )
