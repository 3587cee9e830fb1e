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
