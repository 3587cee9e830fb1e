"""What people tell the campaign came of their actions, and where each MP stands.

A `ReportBack` is private by default: its free text is encrypted and only staff read it.
Nothing from it reaches a public page unless the person allowed quoting and a moderator
approved it, and even then only `published_quote` (the words a moderator chose) is shown.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.privacy.fields import EncryptedTextField
from portevoix.representatives.models import optional_link


class ActionType(models.TextChoices):
    LETTER = "letter", _("A letter or email")
    MEETING = "meeting", _("A meeting")
    CALL = "call", _("A phone call")
    SOCIAL_POST = "social_post", _("A social media post")
    NETWORK_OUTREACH = "network_outreach", _("Reaching out to my networks")
    PROVINCIAL_APPROACH = "provincial_approach", _("An approach to a provincial government")
    OTHER = "other", _("Something else")


class Outcome(models.TextChoices):
    NO_ANSWER_YET = "no_answer_yet", _("No answer yet")
    ANSWERED = "answered", _("They answered")
    MET = "met", _("We met")
    AGREED_TO_ACT = "agreed_to_act", _("They agreed to act")
    DECLINED = "declined", _("They declined")
    OTHER = "other", _("Something else")


class StatedPosition(models.TextChoices):
    SUPPORTS = "supports", _("Supports the ask")
    UNDECIDED = "undecided", _("Undecided")
    OPPOSED = "opposed", _("Opposed")
    UNCLEAR = "unclear", _("Unclear")


class QuotePermission(models.TextChoices):
    PRIVATE = "private", _("Keep my words private")
    ANONYMOUS = "anonymous", _("You may quote my words, without my name")
    WITH_NAME = "with_name", _("You may quote my words with my name")


class ReportBackQuerySet(models.QuerySet):
    def awaiting_moderation(self):
        return self.filter(moderation=ReportBack.Moderation.PENDING)

    def approved(self):
        return self.filter(moderation=ReportBack.Moderation.APPROVED)

    def quotes_for_public_display(self):
        """Approved reports whose writer allowed quoting, with the words a moderator chose."""
        return (
            self.approved()
            .exclude(quote_permission=QuotePermission.PRIVATE)
            .exclude(published_quote="")
        )


class ReportBack(models.Model):
    class Moderation(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not used")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="report_backs",
        verbose_name=_("campaign"),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    action_type = models.CharField(_("what they did"), max_length=24, choices=ActionType)

    # Who was targeted: a record when we know it, else the words the person used.
    representative = optional_link("Representative", "report_backs", _("MP or member"))
    office_holder = optional_link("OfficeHolder", "report_backs", _("office holder"))
    district = optional_link("District", "report_backs", _("riding"))
    province = models.CharField(_("province or territory"), max_length=2, blank=True)
    target_description = models.CharField(_("who was targeted"), max_length=200, blank=True)

    action_date = models.DateField(_("when"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    stated_position = models.CharField(
        _("their stated position"), max_length=12, choices=StatedPosition, blank=True
    )
    # Encrypted at rest: people may write about their family.
    commitments = EncryptedTextField(_("what they committed to"), blank=True)
    details = EncryptedTextField(_("what happened, in their words"), blank=True)
    follow_up_needed = EncryptedTextField(_("follow-up needed"), blank=True)
    attendees = EncryptedTextField(_("who attended"), blank=True)
    reply_file = models.FileField(
        _("the reply received"),
        upload_to="replies/%Y/%m/",
        blank=True,
        help_text=_("Never served as a page: staff download it as an attachment."),
    )

    # Who reported. Optional: nobody has to give their name to tell us what happened.
    reporter_name = models.CharField(_("name"), max_length=120, blank=True)
    reporter_email = models.EmailField(_("email"), blank=True)
    # A keyed hash of the network address, to limit how many reports one network sends.
    network_address_hash = models.CharField(max_length=32, blank=True, editable=False)
    organization_name = models.CharField(_("organization"), max_length=200, blank=True)
    quote_permission = models.CharField(
        _("quoting"), max_length=12, choices=QuotePermission, default=QuotePermission.PRIVATE
    )

    # Where it came from, when we know.
    letter = models.ForeignKey(
        "letters.Letter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_backs",
        verbose_name=_("letter"),
    )
    meeting = models.ForeignKey(
        "meetings.MeetingRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_backs",
        verbose_name=_("meeting"),
    )

    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation,
        default=Moderation.PENDING,
        db_index=True,
    )
    published_quote = models.TextField(
        _("words published"),
        blank=True,
        help_text=_("Chosen by a moderator from the report, only when the writer allowed quoting."),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = ReportBackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["campaign", "created_at"], name="report_campaign_time")]
        verbose_name = _("report-back")
        verbose_name_plural = _("report-backs")

    def __str__(self):
        return f"{self.get_action_type_display()}: {self.get_outcome_display()}"

    def consent_source(self):
        return f"report:{self.pk}"

    def clean(self):
        if self.published_quote.strip() and not self.may_be_quoted():
            raise ValidationError(
                {
                    "published_quote": _(
                        "The writer asked to keep their words private: nothing can be published."
                    )
                }
            )

    def target_display(self):
        """Who was targeted, in words staff and the writer recognize."""
        if self.representative_id:
            return str(self.representative)
        if self.office_holder_id:
            return str(self.office_holder)
        if self.district_id:
            return str(self.district)
        return self.target_description

    def may_be_quoted(self):
        return self.quote_permission != QuotePermission.PRIVATE

    def quoted_name(self):
        if self.quote_permission == QuotePermission.WITH_NAME:
            return self.reporter_name
        return ""


class FollowUpQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(sent_at__isnull=True, due_at__lte=now or timezone.now())

    def reminder_due(self, now=None):
        return self.filter(
            answer="", reminder_sent_at__isnull=True, reminder_due_at__lte=now or timezone.now()
        ).exclude(sent_at__isnull=True)


class FollowUp(models.Model):
    """'Did you get an answer?' asked once some days after a letter was sent, and its answer."""

    class Answer(models.TextChoices):
        USEFUL = "useful", _("Yes, and it was useful")
        NOT_USEFUL = "not_useful", _("Yes, but it was not useful")
        NOT_YET = "not_yet", _("Not yet")
        NOT_EXPECTED = "not_expected", _("I did not expect one")

    letter = models.OneToOneField(
        "letters.Letter",
        on_delete=models.CASCADE,
        related_name="follow_up",
        verbose_name=_("letter"),
    )
    due_at = models.DateTimeField(_("to be asked on"), db_index=True)
    sent_at = models.DateTimeField(_("asked"), null=True, blank=True)
    reminder_due_at = models.DateTimeField(_("reminder due"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=12, choices=Answer, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return f"{self.letter_id}: {self.answer or '…'}"

    def got_an_answer(self):
        return self.answer in {self.Answer.USEFUL, self.Answer.NOT_USEFUL}


class Position(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    UNDECIDED = "undecided", _("Undecided")
    OPPOSED = "opposed", _("Opposed")
    UNKNOWN = "unknown", _("Unknown")


class MpPosition(models.Model):
    """An MP's current position on a campaign's ask; its history is in `PositionChange`.

    Set only by staff, from moderated reports or public statements. Survives purges: it holds
    no one's personal data.
    """

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="mp_positions",
        verbose_name=_("campaign"),
    )
    representative = models.ForeignKey(
        "representatives.Representative",
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("MP"),
    )
    position = models.CharField(_("position"), max_length=10, choices=Position)
    since = models.DateField(_("since"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["representative__district__province", "representative__district__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "representative"], name="one_position_per_mp"
            ),
        ]
        verbose_name = _("MP position")
        verbose_name_plural = _("MP positions")

    def __str__(self):
        return f"{self.representative}: {self.get_position_display()}"


class PositionChange(models.Model):
    """One piece of evidence for an MP's position, kept forever as its history."""

    class Evidence(models.TextChoices):
        REPORT = "report", _("A report from a supporter")
        MEETING = "meeting", _("A meeting")
        PUBLIC_STATEMENT = "public_statement", _("A public statement")
        VOTE = "vote", _("A vote or motion")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="position_changes",
        verbose_name=_("campaign"),
    )
    representative = models.ForeignKey(
        "representatives.Representative",
        on_delete=models.PROTECT,
        related_name="position_changes",
        verbose_name=_("MP"),
    )
    position = models.CharField(_("position"), max_length=10, choices=Position)
    evidence = models.CharField(_("evidence"), max_length=20, choices=Evidence)
    evidence_date = models.DateField(_("date of the evidence"))
    summary_fr = models.CharField(_("public summary (French)"), max_length=300, blank=True)
    summary_en = models.CharField(_("public summary (English)"), max_length=300, blank=True)
    source_url = models.URLField(_("public source"), max_length=500, blank=True)
    report = models.ForeignKey(
        ReportBack,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="position_changes",
        verbose_name=_("report it rests on"),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-evidence_date", "-set_at"]
        indexes = [
            models.Index(fields=["campaign", "representative", "-set_at"], name="position_history")
        ]
        verbose_name = _("position change")
        verbose_name_plural = _("position history")

    def __str__(self):
        return f"{self.representative}: {self.get_position_display()} ({self.evidence_date})"
