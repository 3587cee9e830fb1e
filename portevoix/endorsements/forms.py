from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.endorsements.conf import setting
from portevoix.endorsements.models import (
    REGIONS,
    Invitation,
    Sector,
    normalized_email,
)
from portevoix.lib.forms import Form, honeypot_field
from portevoix.lib.forms import HoneypotMixin as SharedHoneypotMixin

CONSENT_CONTACT = _(
    "The campaign team may write to this contact address about this endorsement: to confirm "
    "it and to tell you whether it is approved."
)
CONSENT_LISTING = _(
    "List our organization publicly on the campaign site: its name, sector, province or "
    "territory, website and statement. The contact person's name and email are never shown."
)
CONSENT_REPLY_TO = _(
    "The organizations I invite will see my name and email address, so that they can answer me."
)
EMAIL_ERRORS = {
    "required": _("Please enter an email address."),
    "invalid": _("This email address does not look right. Please check it."),
}


def with_placeholder(choices, label):
    return [("", label), *choices]


class HoneypotMixin(SharedHoneypotMixin):
    honeypot_name = "nickname"


def squeeze(text):
    return " ".join((text or "").split())


class EndorsementForm(HoneypotMixin, Form):
    fields_never_change = True  # shared by every post of a burst (see FieldsShared)

    organization_name = forms.CharField(
        label=_("Name of your organization"),
        max_length=200,
        error_messages={"required": _("Please give the name of your organization.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=with_placeholder(Sector.choices, _("Choose a sector")),
        error_messages={"required": _("Please choose the sector closest to your work.")},
    )
    region = forms.ChoiceField(
        label=_("Province or territory"),
        help_text=_("Where your organization works. Choose “National” if it works across Canada."),
        choices=with_placeholder(REGIONS, _("Choose a province or territory")),
        error_messages={"required": _("Please choose where your organization works.")},
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("This web address does not look right. Please check it.")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        help_text=_("Never shown publicly."),
        error_messages={"required": _("Please tell us who we can write to.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Contact email"),
        help_text=_("We send a link there to confirm the endorsement. Never shown publicly."),
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    statement = forms.CharField(
        label=_("A short statement (optional)"),
        help_text=_(
            "In a few sentences, in French or English: why your organization supports the "
            "request. Shown only if you agree to be listed."
        ),
        required=False,
        max_length=600,
        error_messages={"max_length": _("Please keep the statement under 600 characters.")},
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 600}),
    )
    statement_language = forms.ChoiceField(
        label=_("Language of the statement"), choices=settings.LANGUAGES, required=False
    )
    consent_contact = forms.BooleanField(
        label=CONSENT_CONTACT,
        error_messages={"required": _("We need your agreement to confirm the endorsement.")},
    )
    consent_listing = forms.BooleanField(label=CONSENT_LISTING, required=False)
    invitation = forms.CharField(required=False, widget=forms.HiddenInput, max_length=16)
    nickname = honeypot_field()

    def clean_organization_name(self):
        return squeeze(self.cleaned_data["organization_name"])

    def clean_contact_name(self):
        return squeeze(self.cleaned_data["contact_name"])

    def clean_contact_email(self):
        return normalized_email(self.cleaned_data["contact_email"])

    def clean_statement(self):
        return self.cleaned_data["statement"].strip()

    def refuse_as_too_many(self):
        """The post was valid, but its network is over the hourly limit (counted on accepting)."""
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "We have received many endorsements from your connection in the last hour. "
                    "Please wait a little and try again."
                ),
                code="rate_limited",
            ),
        )


class InviterForm(HoneypotMixin, Form):
    kind = forms.ChoiceField(
        label=_("You are inviting"),
        choices=[
            ("person", _("As a person")),
            ("organization", _("On behalf of an organization")),
        ],
        initial="person",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Your name, or your organization's name"),
        help_text=_("It signs your invitations."),
        max_length=200,
        error_messages={"required": _("Please tell us how to sign your invitations.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_(
            "Only if you want Porte-voix to send invitations for you: we send a link to confirm "
            "it. Without it, you send invitations from your own email program."
        ),
        required=False,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    nickname = honeypot_field()

    def clean_name(self):
        return squeeze(self.cleaned_data["name"])

    def clean_email(self):
        return normalized_email(self.cleaned_data["email"])


class InvitationForm(Form):
    sector = forms.ChoiceField(choices=Sector.choices, widget=forms.HiddenInput)
    language = forms.ChoiceField(choices=settings.LANGUAGES, widget=forms.HiddenInput)
    to_organization = forms.CharField(
        label=_("Organization you are inviting (optional)"), max_length=200, required=False
    )
    to_email = forms.EmailField(
        label=_("Its email address"),
        help_text=_("Needed for Porte-voix to send it; optional from your own email program."),
        required=False,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Please write a subject.")},
    )
    body = forms.CharField(
        label=_("Message"),
        help_text=_("Edit it as you like. The link to endorse is added below your message."),
        max_length=5000,
        error_messages={
            "required": _("Please write a message."),
            "max_length": _("Please keep the message under 5,000 characters."),
        },
        widget=forms.Textarea(attrs={"rows": 14, "maxlength": 5000}),
    )
    consent_reply_to = forms.BooleanField(label=CONSENT_REPLY_TO, required=False)
    method = forms.ChoiceField(choices=Invitation.Method.choices, required=False)

    def __init__(self, *args, referrer, **kwargs):
        super().__init__(*args, **kwargs)
        self.referrer = referrer

    def clean_to_email(self):
        return normalized_email(self.cleaned_data["to_email"])

    def clean_to_organization(self):
        return squeeze(self.cleaned_data["to_organization"])

    def clean_subject(self):
        """One line: a subject becomes an email header, where a line break starts another."""
        return squeeze(self.cleaned_data["subject"])

    def clean_method(self):
        return self.cleaned_data["method"] or Invitation.Method.OWN

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") == Invitation.Method.PLATFORM:
            self.check_platform_sending(cleaned)
        return cleaned

    def check_platform_sending(self, cleaned):
        if not cleaned.get("to_email") and "to_email" not in self.errors:
            self.add_error(
                "to_email", _("Please enter the address Porte-voix should send the invitation to.")
            )
        if not cleaned.get("consent_reply_to"):
            self.add_error(
                "consent_reply_to",
                _("Porte-voix sends invitations only if the invited organization can answer you."),
            )
        if not self.referrer.email:
            raise forms.ValidationError(
                _(
                    "Porte-voix can send invitations for you once you have given and confirmed "
                    "your email address. Meanwhile, send it from your own email program."
                ),
                code="no_address",
            )
        if self.over_daily_limit():
            raise forms.ValidationError(
                _(
                    "You have reached today's limit of %(limit)s invitations sent by Porte-voix. "
                    "You can send more tomorrow, or from your own email program now."
                )
                % {"limit": setting("INVITATIONS_PER_DAY")},
                code="daily_limit",
            )
        if cleaned.get("to_email") and self.invited_recently(cleaned["to_email"]):
            self.add_error(
                "to_email",
                _("This address has already received an invitation to this campaign recently."),
            )

    def over_daily_limit(self):
        since = timezone.now() - timedelta(days=1)
        sent = Invitation.objects.counting_toward_limit(self.referrer, since)
        return sent.count() >= setting("INVITATIONS_PER_DAY")

    def invited_recently(self, address):
        since = timezone.now() - timedelta(days=setting("INVITATION_REPEAT_DAYS"))
        recent = Invitation.objects.sent_by_platform_since(since).filter(
            campaign=self.referrer.campaign, to_email=address
        )
        return recent.exclude(status=Invitation.Status.SUPPRESSED).exists()
