from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import ContactMessage
from portevoix.lib.forms import HoneypotMixin, ModelForm, honeypot_field

CONSENT_TO_REPLY = _(
    "I agree that the campaign team may answer me at this email address. "
    "My message is used only to answer me."
)


class ContactForm(HoneypotMixin, ModelForm):
    website = honeypot_field()
    consent_to_reply = forms.BooleanField(
        required=True,
        label=CONSENT_TO_REPLY,
        error_messages={"required": _("We need your agreement before we can answer you.")},
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organization", "message", "consent_to_reply"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "organization": _("Organization (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            "name": _("A first name is enough."),
            "email": _("We use it only to answer you."),
        }
        error_messages = {
            "name": {"required": _("Please tell us your name.")},
            "email": {
                "required": _("Please enter your email address so we can answer you."),
                "invalid": _("This email address does not look right. Please check it."),
            },
            "message": {"required": _("Please write your message.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, network_address_hash="", **kwargs):
        super().__init__(*args, **kwargs)
        self.network_address_hash = network_address_hash
        self.fields["message"].max_length = 5000
        self.fields["message"].widget.attrs["maxlength"] = 5000

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) > 5000:
            raise forms.ValidationError(_("Please keep your message under 5,000 characters."))
        return message

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if self.too_many_recent_messages(cleaned.get("email", "")):
            raise forms.ValidationError(
                _(
                    "We have received several messages from you in the last hour. "
                    "Please wait a little before writing again: "
                    "your earlier messages are safe with us."
                ),
                code="rate_limited",
            )
        return cleaned

    def too_many_recent_messages(self, email):
        recent = ContactMessage.objects.recent()
        if recent.at_least(settings.CONTACT_LIMIT_PER_EMAIL, email=email):
            return True
        network = self.network_address_hash
        return bool(network) and recent.at_least(
            settings.CONTACT_LIMIT_PER_IP, network_address_hash=network
        )
