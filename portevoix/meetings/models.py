"""Calls to MPs, and meetings with them: the request, the delegation, the report.

A meeting request's text travels as a `letters.Letter` (template key `meeting-request`), so it
is confirmed, queued, retried and rendered as PDF/DOCX by the same machinery as any letter.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.lib.retries import delay_after
from portevoix.privacy.fields import EncryptedTextField
from portevoix.representatives.models import optional_link

ORGANIZER_LINK_SALT = "meetings.organizer-link"
DELEGATE_LINK_SALT = "meetings.delegate-link"


class CallQuerySet(models.QuerySet):
    def completed(self):
        """Calls that reached someone or left a message: an unanswered call is not an action."""
        return self.exclude(outcome=Call.Outcome.NO_ANSWER)


class Call(models.Model):
    class Outcome(models.TextChoices):
        SPOKE_TO_MP = "spoke_to_mp", _("I spoke to the MP")
        SPOKE_TO_STAFF = "spoke_to_staff", _("I spoke to their staff")
        LEFT_MESSAGE = "left_message", _("I left a message")
        NO_ANSWER = "no_answer", _("No answer")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="calls"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    representative = optional_link("Representative", "calls", _("MP"))
    district = optional_link("District", "calls", _("riding"))
    province = models.CharField(_("province or territory"), max_length=2, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome, blank=True)
    # Encrypted at rest: what an office said may come with the caller's own story.
    what_they_said = EncryptedTextField(_("what they were told"), blank=True)
    created_at = models.DateTimeField(_("called"), default=timezone.now, db_index=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    # A keyed hash of the caller's network, for the hourly limit; never the address itself.
    network_address_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self):
        return f"{self.representative or '?'}: {self.get_outcome_display() or '…'}"

    def is_completed(self):
        return bool(self.outcome) and self.outcome != self.Outcome.NO_ANSWER


class Place(models.TextChoices):
    CONSTITUENCY_OFFICE = "constituency_office", _("Their constituency office")
    OTTAWA = "ottawa", _("Their office in Ottawa")
    VIDEO = "video", _("A video call")
    OTHER = "other", _("Somewhere else")


class MeetingRequestQuerySet(models.QuerySet):
    def needing_report_prompt(self, now=None):
        """Meetings held yesterday or before, whose organizer has not been asked to report."""
        now = now or timezone.now()
        return self.filter(
            status=MeetingRequest.Status.SCHEDULED,
            meeting_at__lte=now - timedelta(days=1),
            report_prompt_sent_at__isnull=True,
        )

    def for_organizer(self, email):
        return self.filter(organizer_email=email.strip().lower())


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled or declined")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.PROTECT, related_name="meetings"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )

    organizer_name = models.CharField(_("organizer's name"), max_length=120)
    organizer_email = models.EmailField(_("organizer's email"))
    organization_name = models.CharField(_("organization"), max_length=200, blank=True)

    # Whom the meeting is with.
    representative = optional_link("Representative", "meetings", _("MP or member"))
    office_holder = optional_link("OfficeHolder", "meetings", _("office holder"))
    district = optional_link("District", "meetings", _("riding"))
    province = models.CharField(_("province or territory"), max_length=2, blank=True)
    with_name = models.CharField(_("meeting with"), max_length=200, blank=True)
    with_title = models.CharField(_("their title"), max_length=300, blank=True)

    proposed_times = models.TextField(_("times proposed"), blank=True)
    place = models.CharField(_("place"), max_length=20, choices=Place, blank=True)
    place_details = models.CharField(_("place details"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)

    # The request itself, delivered as a letter.
    letter = models.OneToOneField(
        "letters.Letter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_request",
        verbose_name=_("request letter"),
    )

    meeting_at = models.DateTimeField(_("meeting held on"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    report_prompt_sent_at = models.DateTimeField(_("report asked"), null=True, blank=True)
    reported_at = models.DateTimeField(_("report filed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    network_address_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.organizer_name} → {self.with_name or '?'} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.organizer_email = self.organizer_email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:organizer", args=[self.campaign.slug, self.private_token()])

    def private_token(self):
        return signing.Signer(salt=ORGANIZER_LINK_SALT).sign(str(self.public_id))

    def consent_source(self):
        return f"meeting:{self.pk}"

    def is_open(self):
        """Still ahead or just held: the organizer can schedule, invite and report."""
        return self.status not in {self.Status.HELD, self.Status.CANCELLED}

    def may_change_target(self):
        """Whom the meeting is with can change until the request letter leaves."""
        return (
            self.status == self.Status.DRAFT and self.letter is not None and self.letter.is_draft()
        )

    def may_be_reported(self):
        return self.is_open() and self.reported_at is None

    def target_name(self):
        return self.with_name or self.with_title

    def coming(self):
        return self.delegates.filter(answer=Delegate.Answer.ACCEPTED)


class Delegate(models.Model):
    class Role(models.TextChoices):
        LIVED_EXPERIENCE = "lived_experience", _("Lives or lived family separation")
        SUPPORTER = "supporter", _("Supporter")
        ORGANIZATION = "organization", _("Represents an organization")
        INTERPRETER = "interpreter", _("Interpreter")

    class Answer(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Coming")
        DECLINED = "declined", _("Not coming")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="delegates")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer, default=Answer.INVITED)
    # Encrypted at rest: what a delegate chooses to share ahead of the meeting.
    note = EncryptedTextField(_("note from the delegate"), blank=True)
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    invitation_sent_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "invited_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"], name="one_invitation_per_delegate"
            ),
        ]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegation")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()}): {self.get_answer_display()}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:delegate", args=[self.meeting.campaign.slug, self.private_token()])

    def private_token(self):
        return signing.Signer(salt=DELEGATE_LINK_SALT).sign(str(self.public_id))

    def has_answered(self):
        return self.answered_at is not None


class LogLinkRequest(models.Model):
    """A request for the lobbying log link, kept only to limit requests from one network."""

    network_address_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("lobbying log link request")
        verbose_name_plural = _("lobbying log link requests")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M}"


def public_id_from_token(salt, token):
    """The record's id from a private link, or None if the link was not made by us."""
    try:
        return uuid.UUID(signing.Signer(salt=salt).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


class MeetingEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(
            status=MeetingEmail.Status.QUEUED, next_attempt_at__lte=now or timezone.now()
        )


class MeetingEmail(models.Model):
    """One email a meeting sends: the organizer's link, an invitation, the question afterwards.

    The row is the email's queue, as a letter's row is the letter's: a worker claims it with a
    conditional update before sending, so it is never sent twice; a mail server that says "not
    now" gets it again after growing delays (LETTER_RETRY_DELAYS), then it is marked failed.
    """

    class Kind(models.TextChoices):
        ORGANIZER_LINK = "organizer_link", _("The organizer's link")
        INVITATION = "invitation", _("An invitation to a delegate")
        REPORT_PROMPT = "report_prompt", _("How did it go?")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        NOT_NEEDED = "not_needed", _("Not needed any more")

    meeting = models.ForeignKey(
        MeetingRequest, on_delete=models.CASCADE, related_name="emails", verbose_name=_("meeting")
    )
    delegate = models.ForeignKey(
        Delegate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("delegate"),
    )
    kind = models.CharField(_("email"), max_length=20, choices=Kind)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed by a worker"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = MeetingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="meeting_email_queue")]
        verbose_name = _("meeting email")
        verbose_name_plural = _("meeting emails")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_status_display()}"

    def retry_delay(self):
        """Seconds before the next attempt, or None when the attempts are used up."""
        return delay_after(self.attempts)
