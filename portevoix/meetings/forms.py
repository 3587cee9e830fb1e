from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.letters.forms import one_line
from portevoix.lib.forms import (
    EMAIL_ERRORS,
    Form,
    HoneypotMixin,
    email_field,
    honeypot_field,
    organization_field,
)
from portevoix.meetings.models import Call, Delegate, Place
from portevoix.meetings.wording import ORGANIZE_CONSENT
from portevoix.reports.models import QuotePermission, StatedPosition

TOO_MANY = _(
    "We have received a lot from your network in the last hour. Please wait a little and try "
    "again: what you sent before is safe with us."
)


class CallForm(HoneypotMixin, Form):
    website = honeypot_field()
    call_id = forms.UUIDField(widget=forms.HiddenInput)
    district = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        choices=Call.Outcome.choices,
        error_messages={
            "required": _("Please tell us how the call went."),
            "invalid_choice": _("Please choose one of the buttons."),
        },
    )
    what_they_said = forms.CharField(
        label=_("What were you told? (optional)"),
        help_text=_("Only the campaign team reads it. Write nothing about family members abroad."),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def slot_field(label):
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class MeetingRequestForm(HoneypotMixin, Form):
    website = honeypot_field()
    proposed_times = forms.CharField(
        label=_("When could you meet? (optional)"),
        help_text=_("For example: any weekday morning in the next three weeks."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    slot_1 = slot_field(_("First proposed time (optional)"))
    slot_2 = slot_field(_("Second proposed time (optional)"))
    slot_3 = slot_field(_("Third proposed time (optional)"))
    place = forms.ChoiceField(
        label=_("Where?"),
        choices=Place.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose where you would like to meet.")},
    )
    place_details = forms.CharField(
        label=_("Details of the place (optional)"),
        help_text=_("For example: at our centre, 123 Main Street; or the video link later."),
        max_length=300,
        required=False,
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please tell us your name: the request is signed.")},
    )
    email = email_field(
        help_text=_(
            "The office answers you here, and we send you your meeting page. Not published."
        )
    )
    organization = organization_field()
    consent = forms.BooleanField(
        label=ORGANIZE_CONSENT,
        error_messages={"required": _("Please agree, so that we can organize the meeting.")},
    )

    def clean_name(self):
        return one_line(self.cleaned_data["name"], _("Please write your name on one line."))

    def clean_organization(self):
        return one_line(
            self.cleaned_data["organization"], _("Please write the organization on one line.")
        )

    def clean_place_details(self):
        return one_line(
            self.cleaned_data["place_details"], _("Please write the place on one line.")
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("proposed_times") or self.slots()) and not self.errors:
            self.add_error(
                "proposed_times", _("Please propose at least one time, or say when you are free.")
            )
        for name in ["slot_1", "slot_2", "slot_3"]:
            moment = cleaned.get(name)
            if moment and moment < timezone.now():
                self.add_error(name, _("This time has already passed."))
        return cleaned

    def slots(self):
        return [
            self.cleaned_data[name]
            for name in ["slot_1", "slot_2", "slot_3"]
            if self.cleaned_data.get(name)
        ]


class ScheduleForm(Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Please give the date of the meeting.")},
    )
    time = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Please give the time of the meeting.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Planned length (minutes)"),
        min_value=5,
        max_value=480,
        initial=30,
    )


class InviteForm(Form):
    name = forms.CharField(
        label=_("Their name"),
        max_length=120,
        error_messages={"required": _("Please give their name.")},
    )
    email = forms.EmailField(
        label=_("Their email address"),
        error_messages={**EMAIL_ERRORS, "required": _("Please give their email address.")},
    )
    role = forms.ChoiceField(
        label=_("Their role in the delegation"),
        choices=Delegate.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose their role.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=[("fr", _("French")), ("en", _("English"))],
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def clean_name(self):
        return one_line(self.cleaned_data["name"], _("Please write the name on one line."))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.meeting.delegates.filter(email=email).exists():
            raise forms.ValidationError(_("This person is already invited."), code="duplicate")
        return email


class AnswerForm(Form):
    answer = forms.ChoiceField(
        choices=[
            (Delegate.Answer.ACCEPTED, Delegate.Answer.ACCEPTED.label),
            (Delegate.Answer.DECLINED, Delegate.Answer.DECLINED.label),
        ],
        error_messages={"required": _("Please choose an answer.")},
    )
    note = forms.CharField(
        label=_("A note for the organizer (optional)"),
        help_text=_(
            "For example: what you would like to say, or what you need (an interpreter, "
            "childcare, a ride). Share only what you want to share."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReportForm(Form):
    attendees = forms.MultipleChoiceField(
        label=_("Who from the delegation attended"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_attendees = forms.CharField(
        label=_("Anyone else who attended (optional)"),
        help_text=_("For example: the MP's assistant; our board chair."),
        max_length=500,
        required=False,
    )
    details = forms.CharField(
        label=_("How did it go?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please tell us a few words about how it went.")},
    )
    stated_position = forms.ChoiceField(
        label=_("What position did they state on the ask?"),
        choices=StatedPosition.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose the position they stated.")},
    )
    commitments = forms.CharField(
        label=_("What did they commit to? (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    follow_up_needed = forms.CharField(
        label=_("What follow-up is needed? (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    quote_permission = forms.ChoiceField(
        label=_("May the campaign quote your words?"),
        choices=QuotePermission.choices,
        initial=QuotePermission.PRIVATE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = [
            (str(d.pk), f"{d.name} ({d.get_role_display()})") for d in meeting.coming()
        ]

    def attendees_text(self):
        """The chosen delegates as listed on the form (read once, in `__init__`), then others."""
        chosen = set(self.cleaned_data["attendees"])
        names = [label for value, label in self.fields["attendees"].choices if value in chosen]
        if self.cleaned_data["other_attendees"]:
            names.append(self.cleaned_data["other_attendees"])
        return "\n".join(names)


class LogLinkForm(HoneypotMixin, Form):
    website = honeypot_field()
    email = email_field(label=_("The organizer's email address"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
