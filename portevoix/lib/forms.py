"""Pieces every public form shares."""

from django import forms
from django.utils.translation import gettext_lazy as _


def honeypot_field():
    # Hidden from people by CSS and from assistive technology; scripts fill it in.
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class HoneypotMixin:
    """A form with a `honeypot_field()` named `honeypot_name`: filled in only by scripts."""

    honeypot_name = "website"

    def is_from_a_script(self):
        return bool(self.cleaned_data.get(self.honeypot_name))


EMAIL_ERRORS = {
    "required": _("Please enter your email address."),
    "invalid": _("This email address does not look right. Please check it."),
}


YOUR_EMAIL = _("Your email address")
ORGANIZATION_OPTIONAL = _("Organization (optional)")


def email_field(label=YOUR_EMAIL, help_text="", required=True):
    """An email address the browser can fill in, with the same plain errors everywhere."""
    return forms.EmailField(
        label=label,
        help_text=help_text,
        required=required,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def organization_field(label=ORGANIZATION_OPTIONAL, max_length=200):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
