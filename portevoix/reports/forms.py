import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.lib.forms import Form, HoneypotMixin, email_field, honeypot_field, organization_field
from portevoix.lib.ratelimit import over_hourly_limit
from portevoix.reports.models import (
    ActionType,
    Outcome,
    Position,
    PositionChange,
    QuotePermission,
    ReportBack,
    StatedPosition,
)
from portevoix.reports.uploads import check_reply_file
from portevoix.representatives.models import PROVINCES, District, OfficeHolder

CONSENT_TO_CONTACT = _(
    "The campaign team may write to me at this address about this report. "
    "It is not used for anything else."
)
TOO_MANY_REPORTS = _(
    "We have received several reports from you in the last hour. "
    "Please wait a little before sending another: your earlier reports are safe with us."
)
TEXT_MAX_LENGTH = 5000


class TargetKind:
    MP = "mp"
    MINISTER = "minister"
    PROVINCIAL = "provincial"
    OTHER = "other"

    choices = [
        (MP, _("A federal MP")),
        (MINISTER, _("The federal Minister of Immigration")),
        (PROVINCIAL, _("A provincial or territorial government")),
        (OTHER, _("Someone else")),
    ]


def limit_per_hour(name, default):
    return getattr(settings, name, default)


class ReportBackForm(HoneypotMixin, Form):
    """Everything is optional except what the campaign needs to count: what, and what came of it."""

    website = honeypot_field()
    # A fresh id per form shown: the same form sent twice makes one report.
    submission_id = forms.UUIDField(widget=forms.HiddenInput)
    letter_token = forms.CharField(required=False, widget=forms.HiddenInput)

    action_type = forms.ChoiceField(
        label=_("What did you do?"),
        choices=ActionType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us what you did.")},
    )
    target_kind = forms.ChoiceField(
        label=_("Who did you reach?"),
        choices=TargetKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us who you reached.")},
    )
    find = forms.CharField(
        label=_("Your postal code, or the name of the riding or MP"),
        help_text=_("Then press “Find the MP” and choose from the list."),
        max_length=100,
        required=False,
    )
    district = forms.TypedChoiceField(
        label=_("The riding and its MP"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the ridings listed.")},
    )
    province = forms.ChoiceField(
        label=_("Province or territory"),
        choices=[("", "—")] + list(PROVINCES),
        required=False,
    )
    office_holder = forms.TypedChoiceField(
        label=_("Which office (optional)"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    target_description = forms.CharField(
        label=_("Who, in a few words"),
        help_text=_("For example: the MP's assistant, a city councillor, a newspaper."),
        max_length=200,
        required=False,
    )
    action_date = forms.DateField(
        label=_("When?"),
        help_text=_("For example: 2025-03-14."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Please enter a date like 2025-03-14.")},
    )
    outcome = forms.ChoiceField(
        label=_("What came of it?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us what came of it, even “no answer yet”.")},
    )
    stated_position = forms.ChoiceField(
        label=_("What did they say about the ask? (optional)"),
        choices=[("", _("I do not know"))] + list(StatedPosition.choices),
        widget=forms.RadioSelect,
        required=False,
    )
    commitments = forms.CharField(
        label=_("What did they commit to? (optional)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    details = forms.CharField(
        label=_("Anything else you want to tell us (optional)"),
        help_text=_(
            "Only the campaign team reads this. Please do not write anything that could put "
            "someone, here or abroad, at risk."
        ),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reply_file = forms.FileField(
        label=_("Their reply, if you have it (optional)"),
        help_text=_("A PDF or a photo (JPEG or PNG), up to 5 MB."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    quote_permission = forms.ChoiceField(
        label=_("May we quote you?"),
        choices=QuotePermission.choices,
        widget=forms.RadioSelect,
        initial=QuotePermission.PRIVATE,
        help_text=_(
            "If you allow it, a moderator may publish a few of your words on the results page. "
            "Nothing else you write is ever published."
        ),
        error_messages={"required": _("Please choose whether we may quote you.")},
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organization_name = organization_field(label=_("Your organization (optional)"))
    reporter_email = email_field(
        label=_("Your email address (optional)"),
        help_text=_(
            "Only if you would like the campaign team to contact you about this report. "
            "It is never published."
        ),
        required=False,
    )
    consent_to_contact = forms.BooleanField(label=CONSENT_TO_CONTACT, required=False)

    def __init__(self, *args, districts=(), office_holders=(), network_address_hash="", **kwargs):
        super().__init__(*args, **kwargs)
        self.network_address_hash = network_address_hash
        self.fields["district"].choices = [(d.pk, district_label(d)) for d in districts]
        self.fields["office_holder"].choices = [("", "—")] + [
            (h.pk, str(h)) for h in office_holders
        ]
        for name in ("commitments", "details"):
            self.fields[name].widget.attrs["maxlength"] = TEXT_MAX_LENGTH

    def clean_action_date(self):
        day = self.cleaned_data.get("action_date")
        if day and day > timezone.localdate():
            raise forms.ValidationError(
                _("This date is in the future. Please give the day it happened."), code="future"
            )
        return day

    def clean_reporter_email(self):
        return self.cleaned_data["reporter_email"].strip().lower()

    def clean_reporter_name(self):
        return " ".join(self.cleaned_data["reporter_name"].split())

    def clean_organization_name(self):
        return " ".join(self.cleaned_data["organization_name"].split())

    def clean_reply_file(self):
        upload = self.cleaned_data.get("reply_file")
        if upload:
            check_reply_file(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        self.check_target(cleaned)
        if cleaned.get("reporter_email") and not cleaned.get("consent_to_contact"):
            self.add_error(
                "consent_to_contact",
                _(
                    "Tick this box if you would like us to contact you, "
                    "or leave the email address empty."
                ),
            )
        if not self.errors and self.too_many_recent_reports(cleaned.get("reporter_email", "")):
            raise forms.ValidationError(TOO_MANY_REPORTS, code="rate_limited")
        return cleaned

    def check_target(self, cleaned):
        kind = cleaned.get("target_kind")
        if kind == TargetKind.MP and not cleaned.get("district"):
            self.add_error(
                "district",
                _("Please find the MP and choose their riding, or choose “Someone else”."),
            )
        if kind == TargetKind.PROVINCIAL and not cleaned.get("province"):
            self.add_error("province", _("Please choose the province or territory."))
        if kind == TargetKind.OTHER and not cleaned.get("target_description"):
            self.add_error("target_description", _("Please tell us who, in a few words."))

    def too_many_recent_reports(self, email):
        reports = ReportBack.objects.all()
        per_email = limit_per_hour("REPORTS_PER_HOUR_PER_EMAIL", 5)
        per_network = limit_per_hour("REPORTS_PER_HOUR_PER_NETWORK", 20)
        return over_hourly_limit(reports, per_email, reporter_email=email) or over_hourly_limit(
            reports, per_network, network_address_hash=self.network_address_hash
        )

    def chosen_district(self):
        district_id = self.cleaned_data.get("district")
        if not district_id:
            return None
        return District.objects.filter(pk=district_id).first()

    def chosen_office_holder(self):
        holder_id = self.cleaned_data.get("office_holder")
        if not holder_id:
            return None
        return OfficeHolder.objects.filter(pk=holder_id).first()


def district_label(district):
    mp = district.current_representative()
    return f"{district.name} — {mp.name}" if mp else str(district.name)


def new_submission_id():
    return uuid.uuid4()


# --- Staff: an MP's position from a report --------------------------------------------------

STATED_TO_POSITION = {
    StatedPosition.SUPPORTS: Position.SUPPORTS,
    StatedPosition.UNDECIDED: Position.UNDECIDED,
    StatedPosition.OPPOSED: Position.OPPOSED,
    # "Unclear" says nothing either way: the MP's position is still unknown.
    StatedPosition.UNCLEAR: Position.UNKNOWN,
}


class SetPositionForm(Form):
    position = forms.ChoiceField(label=_("position"), choices=Position.choices)
    evidence = forms.ChoiceField(label=_("evidence"), choices=PositionChange.Evidence.choices)
    evidence_date = forms.DateField(
        label=_("date of the evidence"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    summary_fr = forms.CharField(label=_("public summary (French)"), max_length=300, required=False)
    summary_en = forms.CharField(
        label=_("public summary (English)"), max_length=300, required=False
    )
    source_url = forms.URLField(
        label=_("public source"), max_length=500, required=False, assume_scheme="https"
    )

    def clean_evidence_date(self):
        day = self.cleaned_data["evidence_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."), code="future")
        return day

    @classmethod
    def initial_for(cls, report):
        evidence = (
            PositionChange.Evidence.MEETING
            if report.action_type == ActionType.MEETING
            else PositionChange.Evidence.REPORT
        )
        return {
            "position": STATED_TO_POSITION.get(report.stated_position, Position.UNKNOWN),
            "evidence": evidence,
            "evidence_date": report.action_date or timezone.localdate(report.created_at),
        }
