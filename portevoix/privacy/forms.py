from django import forms
from django.utils.translation import gettext_lazy as _

from portevoix.lib.forms import Form, HoneypotMixin, email_field, honeypot_field


class PersonalDataRequestForm(HoneypotMixin, Form):
    email = email_field(help_text=_("The address you used on this site."))
    website = honeypot_field()

    def rate_limited_message(self):
        return _(
            "We have already sent several links to this address in the last hour. "
            "Please check your inbox, or try again later."
        )


class EraseForm(Form):
    confirm = forms.BooleanField(
        label=_("I understand that everything listed on this page will be erased for good."),
        error_messages={"required": _("Please tick the box to confirm the erasure.")},
    )
