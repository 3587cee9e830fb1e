import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portevoix.letters.wording import CONSENTS, ON_BEHALF_AGREEMENT
from portevoix.lib.forms import Form, email_field, organization_field
from portevoix.representatives.lookup import InvalidPostalCode, normalize_postal_code
from portevoix.representatives.models import PROVINCES

# Line breaks and other control characters would let a name or a subject start a new email
# header; they never belong in one.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
BODY_MAX_LENGTH = 10000


def one_line(value, message):
    if CONTROL_CHARACTERS.search(value):
        raise forms.ValidationError(message, code="control_character")
    return " ".join(value.split())


class StartForm(Form):
    postal_code = forms.CharField(
        label=_("Your postal code"),
        max_length=10,
        required=False,
        help_text=_("We use it only to find your riding and your MP. For example: K1A 0A6."),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )
    province = forms.ChoiceField(
        label=_("Your province or territory"),
        choices=[("", _("Choose…")), *PROVINCES],
        required=False,
    )

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        if not template.needs_postal_code():
            del self.fields["postal_code"]
        elif not template.postal_code_required():
            self.fields["postal_code"].label = _("Your organization's postal code (optional)")
            self.fields["postal_code"].help_text = _(
                "A local organization? Give its postal code and your MP gets a copy of the letter."
            )
        if template.target != template.Target.PROVINCIAL:
            del self.fields["province"]
        else:
            self.fields["province"].required = True
            self.fields["province"].error_messages["required"] = _(
                "Please choose your province or territory."
            )

    def clean_postal_code(self):
        raw = self.cleaned_data["postal_code"].strip()
        if not raw and not self.template.postal_code_required():
            return ""
        try:
            return normalize_postal_code(raw)
        except InvalidPostalCode as error:
            raise forms.ValidationError(error.message, code="invalid") from None


class RecipientsForm(Form):
    district = forms.TypedChoiceField(
        label=_("Your riding"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the ridings listed.")},
    )
    office_holder = forms.TypedChoiceField(
        label=_("Who should receive it"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the people listed.")},
    )
    copy_mp = forms.BooleanField(
        label=_("We are a local organization: send a copy to our MP"), required=False
    )

    def __init__(self, *args, districts, office_holders, needs_district, copy_mp, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [(d.pk, d.name) for d in districts]
        self.fields["district"].required = needs_district
        self.fields["district"].error_messages["required"] = _("Please choose your riding.")
        self.fields["office_holder"].choices = [(h.pk, str(h)) for h in office_holders]
        self.fields["office_holder"].required = bool(office_holders)
        self.fields["office_holder"].error_messages["required"] = _(
            "Please choose who should receive the letter."
        )
        if copy_mp != "optional":
            del self.fields["copy_mp"]


class SenderForm(Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please tell us your name: a letter is signed.")},
    )
    email = email_field(
        help_text=_("Replies from the office come to this address. It is not published.")
    )
    organization = organization_field()
    on_behalf = forms.BooleanField(
        label=_(
            "I am writing for someone else (as a settlement worker, a sponsor, an interpreter…)"
        ),
        required=False,
    )
    on_behalf_of = forms.CharField(
        label=_("Name of the person you are writing for"),
        help_text=_("The letter is signed in their name; you receive the replies."),
        max_length=120,
        required=False,
    )
    on_behalf_agreed = forms.BooleanField(label=ON_BEHALF_AGREEMENT, required=False)
    story_who = forms.CharField(
        label=_("Who in your family is waiting? (optional)"),
        help_text=_("For example: my wife and our two children."),
        max_length=300,
        required=False,
    )
    story_how_long = forms.CharField(
        label=_("For how long have you been apart? (optional)"),
        help_text=_("For example: three years."),
        max_length=100,
        required=False,
    )
    story_effect = forms.CharField(
        label=_("What does the separation do to you and to them? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        if template.is_for_organizations():
            self.fields["organization"].required = True
            self.fields["organization"].label = _("Your organization")
            self.fields["organization"].error_messages["required"] = _(
                "Please give the name of your organization."
            )
        if not template.guided_story:
            for name in ["story_who", "story_how_long", "story_effect"]:
                del self.fields[name]

    def clean_name(self):
        return one_line(self.cleaned_data["name"], _("Please write your name on one line."))

    def clean_organization(self):
        return one_line(
            self.cleaned_data["organization"], _("Please write the organization on one line.")
        )

    def clean_on_behalf_of(self):
        return one_line(self.cleaned_data["on_behalf_of"], _("Please write the name on one line."))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("on_behalf"):
            if not cleaned.get("on_behalf_of"):
                self.add_error(
                    "on_behalf_of", _("Please give the name of the person you are writing for.")
                )
            if not cleaned.get("on_behalf_agreed"):
                self.add_error(
                    "on_behalf_agreed",
                    _("You can write for someone only with their agreement. Please confirm it."),
                )
        else:
            cleaned["on_behalf_of"] = ""
        return cleaned

    def story(self):
        return {
            "who": self.cleaned_data.get("story_who", "").strip(),
            "how_long": self.cleaned_data.get("story_how_long", "").strip(),
            "effect": self.cleaned_data.get("story_effect", "").strip(),
        }


class WriteForm(Form):
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Please give your letter a subject.")},
    )
    body = forms.CharField(
        label=_("Your letter"),
        help_text=_(
            "Change anything you like. A sentence or two of your own, about why this matters "
            "to you, makes the letter count: offices weigh identical letters less."
        ),
        widget=forms.Textarea(attrs={"rows": 18}),
        error_messages={"required": _("Your letter is empty. Please write it before sending.")},
    )

    def clean_subject(self):
        return one_line(self.cleaned_data["subject"], _("Please write the subject on one line."))

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if not body:
            raise forms.ValidationError(
                _("Your letter is empty. Please write it before sending."), code="required"
            )
        if len(body) > BODY_MAX_LENGTH:
            raise forms.ValidationError(
                _("Please keep your letter under %(count)s characters.")
                % {"count": f"{BODY_MAX_LENGTH:,}".replace(",", "\u202f")}
            )
        return body


class SendForm(Form):
    fields_never_change = True  # shared by every post of a burst (see FieldsShared)

    send_letter = forms.BooleanField(
        label=CONSENTS["send_letter"],
        error_messages={"required": _("Please agree, so that we can send the letter for you.")},
    )
    hear_from_campaign = forms.BooleanField(label=CONSENTS["hear_from_campaign"], required=False)
    follow_up = forms.BooleanField(label=CONSENTS["follow_up"], required=False)

    def purposes(self):
        return [purpose for purpose in CONSENTS if self.cleaned_data.get(purpose)]
