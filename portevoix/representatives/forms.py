from django import forms
from django.utils.translation import gettext_lazy as _

from portevoix.lib.forms import Form

from .lookup import InvalidPostalCode, normalize_postal_code


class PostalCodeForm(Form):
    postal_code = forms.CharField(
        label=_("Your postal code"),
        help_text=_("For example K1A 0A6. We use it only to find your riding; we do not keep it."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )

    def clean_postal_code(self):
        try:
            return normalize_postal_code(self.cleaned_data["postal_code"])
        except InvalidPostalCode as error:
            raise forms.ValidationError(error.message, code="invalid") from error


class DistrictSearchForm(Form):
    q = forms.CharField(
        label=_("Search by riding or MP name"),
        help_text=_("Accents and capitals do not matter."),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
