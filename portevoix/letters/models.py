"""Letter templates staff write, and the letters people send from them.

A `Letter` row is the durable record of one letter and the queue of its delivery: it
carries its status, its attempts and the last error, and the worker claims it with a
conditional update so that no two workers ever send it.
"""

import uuid
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.letters import placeholders
from portevoix.lib.db.statements import db_values, model_sql
from portevoix.lib.i18n import Bilingual
from portevoix.lib.retries import delay_after
from portevoix.privacy.fields import EncryptedTextField
from portevoix.representatives.models import optional_link

PRIVATE_LINK_SALT = "letters.private-link"


class LetterTemplate(models.Model):
    class Audience(models.TextChoices):
        ORGANIZATION = "organization", _("An organization")
        INDIVIDUAL = "individual", _("An individual")
        REFUGEE = "refugee", _("A refugee separated from their family")

    class Target(models.TextChoices):
        MP = "mp", _("The writer's MP")
        FEDERAL_MINISTER = "federal_minister", _("The federal Minister of Immigration")
        PROVINCIAL = "provincial", _("The writer's provincial government")

    class CopyMp(models.TextChoices):
        NEVER = "never", _("Never")
        OPTIONAL = "optional", _("When the writer asks (a local organization)")
        ALWAYS = "always", _("Always")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="letter_templates",
        verbose_name=_("campaign"),
    )
    key = models.SlugField(
        _("key"),
        help_text=_("The same as the suggested action that offers it, e.g. ind-write-mp."),
    )
    audience = models.CharField(_("written by"), max_length=20, choices=Audience)
    target = models.CharField(_("addressed to"), max_length=20, choices=Target)
    copy_mp = models.CharField(
        _("copy to the writer's MP"), max_length=10, choices=CopyMp, default=CopyMp.NEVER
    )
    guided_story = models.BooleanField(
        _("offer the guided personal story"),
        default=False,
        help_text=_(
            "Asks, optionally, who is waiting, for how long and what the separation does, "
            "with a warning not to write anything that could put family members at risk."
        ),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_fr = models.TextField(_("short explanation (French)"), blank=True)
    summary_en = models.TextField(_("short explanation (English)"), blank=True)
    subject_fr = models.CharField(_("subject (French)"), max_length=200)
    subject_en = models.CharField(_("subject (English)"), max_length=200)
    body_fr = models.TextField(_("letter (French)"), help_text=placeholders.HELP_TEXT)
    body_en = models.TextField(_("letter (English)"), help_text=placeholders.HELP_TEXT)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    title = Bilingual()
    summary = Bilingual()
    subject = Bilingual()
    body = Bilingual()

    class Meta:
        ordering = ["campaign", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "key"], name="unique_letter_template_key"),
        ]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self):
        return self.title_fr or self.key

    def get_absolute_url(self):
        return reverse("letters:start", args=[self.campaign.slug, self.key])

    def clean(self):
        errors = {}
        for field in ["subject_fr", "subject_en", "body_fr", "body_en"]:
            problems = placeholders.problems_in(getattr(self, field))
            if problems:
                errors[field] = problems
        if errors:
            raise ValidationError(errors)

    def needs_postal_code(self):
        return self.target == self.Target.MP or self.copy_mp != self.CopyMp.NEVER

    def postal_code_required(self):
        return self.target == self.Target.MP or self.copy_mp == self.CopyMp.ALWAYS

    def is_for_organizations(self):
        return self.audience == self.Audience.ORGANIZATION

    def text_in(self, language):
        return (
            LetterTemplate.subject.in_language(self, language),
            LetterTemplate.body.in_language(self, language),
        )


# The send step's one write: the letter moves only if it is a draft Porte-voix can send, as
# `Letter.is_sendable()` and `can_be_sent_by_platform()` say (an empty encrypted text is
# stored empty, so the body can be checked without decrypting it).
MOVE_SENDABLE_DRAFT = (
    "UPDATE {table} SET {status} = %s, {asked_at} = %s "
    "WHERE {public_id} = %s AND {campaign} = %s AND {status} = %s "
    "AND {body} <> '' AND {to_email} <> '' AND ({to_name} <> '' OR {to_title} <> '') "
    "AND {sender_name} <> '' AND {sender_email} <> '' "
    "RETURNING {id}"
)


@cache  # per database vendor, whose quoting it uses
def move_sendable_draft_sql(vendor):
    return model_sql(
        Letter,
        MOVE_SENDABLE_DRAFT,
        status="status",
        asked_at="confirmation_requested_at",
        public_id="public_id",
        campaign="campaign",
        body="body",
        to_email="to_email",
        to_name="to_name",
        to_title="to_title",
        sender_name="sender_name",
        sender_email="sender_email",
        id="id",
    )


class LetterQuerySet(models.QuerySet):
    def sendable_draft_awaits_confirmation(self, public_id, campaign_id, now):
        """(SQL, values) that move the letter with this id in this campaign from draft to
        awaiting confirmation, if it is ready for Porte-voix to send, and return its key;
        no row otherwise (not there, not a draft any more, or not ready).

        The send step writes this without reading the letter first: the read cost as much
        as the write (a round trip to PostgreSQL). Its SQL is made once per process, and
        only the values that need it go through their fields (a status is stored as the
        text it is, a key as the number).
        """
        asked_at, public_id = db_values(Letter, confirmation_requested_at=now, public_id=public_id)
        values = [Letter.Status.AWAITING_CONFIRMATION.value, asked_at, public_id, campaign_id]
        return move_sendable_draft_sql(connection.vendor), [*values, Letter.Status.DRAFT.value]

    def due(self, now=None):
        return self.filter(status=Letter.Status.QUEUED, next_attempt_at__lte=now or timezone.now())

    def stuck_sending(self, now=None, after=None):
        after = settings.LETTER_STUCK_AFTER if after is None else after
        cutoff = (now or timezone.now()) - timedelta(seconds=after)
        return self.filter(status=Letter.Status.SENDING, claimed_at__lt=cutoff)

    def possibly_lost(self, now=None, after=None):
        """Queued letters due a while ago: their task may have died with a worker."""
        after = settings.LETTER_LOST_TASK_AFTER if after is None else after
        cutoff = (now or timezone.now()) - timedelta(seconds=after)
        return self.filter(status=Letter.Status.QUEUED, next_attempt_at__lte=cutoff).filter(
            Q(enqueued_at__isnull=True) | Q(enqueued_at__lte=cutoff)
        )

    def sent(self):
        """Letters that left: sent by Porte-voix, or sent by the writer themselves (mailto,
        print) and marked so. Both count as a letter written; `sent_at` dates both."""
        return self.filter(status__in=SENT_STATES)

    def sent_by_platform(self):
        return self.filter(status=Letter.Status.SENT)

    def needing_reminder(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(seconds=settings.LETTER_REMINDER_AFTER)
        still_valid = (now or timezone.now()) - timedelta(
            seconds=settings.LETTER_CONFIRMATION_MAX_AGE
        )
        return self.filter(
            status=Letter.Status.AWAITING_CONFIRMATION,
            reminder_sent_at__isnull=True,
            confirmation_requested_at__lt=cutoff,
            confirmation_requested_at__gt=still_valid,
        )


# Letters in these states count as written: one sender writes to one recipient once per campaign.
WRITTEN_STATES = ["queued", "sending", "sent", "failed", "self_sent"]
SENT_STATES = ["sent", "self_sent"]
# A writer may say they sent the letter themselves until Porte-voix has it in hand: before
# confirming, or after Porte-voix gave up (the status page then suggests printing it).
SELF_SENDABLE_STATES = ["draft", "awaiting_confirmation", "failed"]


class Letter(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting the writer's confirmation")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # Sent from the writer's own email program, or printed and posted: the writer says so.
        SELF_SENT = "self_sent", _("Sent by the writer")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("campaign"),
    )
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, related_name="letters", verbose_name=_("template")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # In no index, nor in any index's condition (see Meta): a change of status alone is then
    # written in the row's own page.
    status = models.CharField(_("status"), max_length=24, choices=Status, default=Status.DRAFT)

    # Who writes. The email is kept lower case so a repeat is recognized.
    sender_name = models.CharField(_("writer's name"), max_length=120, blank=True)
    sender_email = models.EmailField(_("writer's email"), blank=True)
    sender_organization = models.CharField(_("organization"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    province = models.CharField(_("province or territory"), max_length=2, blank=True)
    on_behalf_of = models.CharField(
        _("written on behalf of"),
        max_length=120,
        blank=True,
        help_text=_("The person the letter speaks for, when someone else writes it for them."),
    )
    on_behalf_agreement = models.TextField(
        _("that person's agreement, as worded"), blank=True, editable=False
    )

    # Who receives it: links to the records, and a copy of what the letter was addressed with.
    district = optional_link("District", "letters", _("riding"))
    representative = optional_link("Representative", "letters", _("MP"))
    office_holder = optional_link("OfficeHolder", "letters", _("office holder"))
    riding_name = models.CharField(_("riding"), max_length=200, blank=True)
    to_name = models.CharField(_("to"), max_length=200, blank=True)
    to_title = models.CharField(_("title of the recipient"), max_length=300, blank=True)
    to_gender = models.CharField(max_length=1, blank=True)
    to_email = models.EmailField(_("to (email)"), blank=True)
    to_address = models.TextField(_("to (mailing address)"), blank=True)
    copy_mp = models.BooleanField(_("copy to the MP"), default=False)
    cc_name = models.CharField(_("copy to"), max_length=200, blank=True)
    cc_title = models.CharField(_("title of the person copied"), max_length=300, blank=True)
    cc_email = models.EmailField(_("copy to (email)"), blank=True)

    # What it says. The body is one field so that it can be encrypted at rest in one place.
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    # Encrypted at rest: a letter may tell a family's story.
    body = EncryptedTextField(_("letter"), blank=True)
    is_template_verbatim = models.BooleanField(_("word for word the template"), default=False)

    # Who brought the writer here, from a shared link they followed (see spread.referrals).
    referrer = models.ForeignKey(
        "spread.Referrer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_letters",
        verbose_name=_("referred by"),
    )
    referral_channel = models.CharField(_("came through"), max_length=20, blank=True)

    created_at = models.DateTimeField(_("started"), default=timezone.now)
    confirmation_requested_at = models.DateTimeField(_("confirmation asked"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        null=True,
        blank=True,
        help_text=_("By the writer's email link, or when they said they had sent it themselves."),
    )

    # Delivery: the queue.
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True, editable=False)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    enqueued_at = models.DateTimeField(_("task queued"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed by a worker"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    attempts_before_retry = models.PositiveSmallIntegerField(
        _("attempts before staff retried"), default=0, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One written letter per writer and recipient. A letter is written once it is
            # confirmed: by the writer's link (it is then queued, and goes on through
            # delivery) or by their saying they sent it themselves. Each move into
            # WRITTEN_STATES sets `confirmed_at`, and no letter leaves those states.
            models.UniqueConstraint(
                fields=["campaign", "sender_email", "to_email"],
                condition=Q(confirmed_at__isnull=False),
                name="one_letter_per_sender_and_recipient",
            ),
            # Which the database holds to. A check is no index, so it names the status freely;
            # PostgreSQL readies a table's checks for each statement that writes it, about
            # 10 µs of the send step's 65, the price of a rule the unique index relies on.
            models.CheckConstraint(
                condition=Q(status__in=WRITTEN_STATES, confirmed_at__isnull=False)
                | (~Q(status__in=WRITTEN_STATES) & Q(confirmed_at__isnull=True)),
                name="written_letters_are_confirmed",
            ),
        ]
        # No index names `status`, in its columns or in its condition. On PostgreSQL a change
        # of status alone (the send step, the busiest write of a campaign) is then an update
        # in place: the new row goes in the same page (the table leaves room, see migration
        # 0009), and none of the table's indexes gets an entry (eight of them hold every
        # letter). PostgreSQL's work for a send step fell from about 90 µs to about 65.
        #
        # The delivery queue's two searches are on moments each state alone sets: a letter
        # has a next attempt only while queued, and is claimed only while sending. Their
        # queries still ask for the state too.
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="letters_due",
                condition=Q(next_attempt_at__isnull=False),
            ),
            models.Index(
                fields=["claimed_at"], name="letters_sending", condition=Q(claimed_at__isnull=False)
            ),
            # The CRM API's list, oldest first, and its `since`: a sync reads only what is new.
            models.Index(
                fields=["confirmed_at", "id"],
                name="letters_confirmed",
                condition=Q(confirmed_at__isnull=False),
            ),
        ]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return f"{self.template.key} → {self.to_name or '?'} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if not self.message_id:
            self.message_id = f"<letter-{self.public_id}@{message_id_domain()}>"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("letters:status", args=[self.campaign.slug, self.private_token()])

    def consent_source(self):
        return f"letter:{self.pk}"

    def consents(self):
        """What the writer agreed to for this letter (kept by the privacy app)."""
        from portevoix.privacy.models import Consent

        return Consent.objects.filter(source=self.consent_source())

    # --- private links ---------------------------------------------------------------------

    def private_token(self):
        return signing.Signer(salt=PRIVATE_LINK_SALT).sign(str(self.public_id))

    @classmethod
    def public_id_from_token(cls, token):
        """The letter's id from its private link, or None if the link was not made by us."""
        try:
            return uuid.UUID(signing.Signer(salt=PRIVATE_LINK_SALT).unsign(token))
        except (signing.BadSignature, ValueError):
            return None

    def step_url(self, step):
        return reverse(f"letters:{step}", args=[self.campaign.slug, self.private_token()])

    def step_urls(self):
        steps = ["sender", "write", "preview", "send", "resend", "self_sent", "pdf", "docx"]
        return {step: self.step_url(step) for step in steps} | {"recipients": self.recipients_url()}

    def recipients_url(self):
        """Where the writer changes whom the letter goes to: another app may own that choice."""
        from portevoix.letters.handoffs import recipients_url_for

        return recipients_url_for(self) or self.step_url("recipients")

    # --- rules -------------------------------------------------------------------------------

    def is_draft(self):
        return self.status == self.Status.DRAFT

    def has_recipient(self):
        return bool(self.to_name or self.to_title)

    def has_sender(self):
        return bool(self.sender_name and self.sender_email)

    def signer_name(self):
        return self.on_behalf_of or self.sender_name

    def can_be_sent_by_platform(self):
        return bool(self.to_email)

    def to_addresses(self):
        return [self.to_email] if self.to_email else []

    def cc_addresses(self):
        return [self.cc_email] if self.copy_mp and self.cc_email else []

    def recipient_domains(self):
        return sorted(
            {address.rsplit("@", 1)[-1].lower() for address in self.all_recipient_addresses()}
        )

    def all_recipient_addresses(self):
        return self.to_addresses() + self.cc_addresses()

    def is_sendable(self):
        return self.is_draft() and self.has_recipient() and self.has_sender() and bool(self.body)

    def retry_delay(self):
        """Seconds before the next attempt, or None when the attempts are used up."""
        return delay_after(self.attempts - self.attempts_before_retry)

    def is_in_progress(self):
        return self.status in {self.Status.QUEUED, self.Status.SENDING}

    def is_addressed_to_office(self):
        """To a minister or a premier: the template says so, or a meeting request to one."""
        if self.template.target != LetterTemplate.Target.MP:
            return True
        return self.office_holder_id is not None and self.representative_id is None

    def may_be_marked_self_sent(self):
        if self.status == self.Status.DRAFT:
            return self.is_sendable()
        return self.status in SELF_SENDABLE_STATES

    def was_self_sent(self):
        return self.status == self.Status.SELF_SENT


def message_id_domain():
    if settings.LETTER_MESSAGE_ID_DOMAIN:
        return settings.LETTER_MESSAGE_ID_DOMAIN
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host or "localhost"


class DeliveryAttempt(models.Model):
    """One try at handing a letter to the mail server, kept for staff and for recovery."""

    class Stage(models.TextChoices):
        # Nothing the server could deliver has left yet: sending again cannot duplicate it.
        CONNECTING = "connecting", _("Talking to the mail server")
        # The end of the message is being sent: the server may have the letter from now on.
        COMMITTING = "committing", _("Handing the letter over")
        DONE = "done", _("Finished")

    class Outcome(models.TextChoices):
        SENT = "sent", _("Accepted by the mail server")
        ASSUMED_SENT = "assumed_sent", _("Interrupted after the hand-over: counted as sent")
        RETRY = "retry", _("Temporary failure: will try again")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted before the hand-over: tried again")

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="attempt_log", verbose_name=_("letter")
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, default=Stage.CONNECTING)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["letter", "number"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "number"], name="unique_attempt_number"),
        ]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self):
        return f"#{self.number} {self.outcome or self.stage}"


class PacingSlot(models.Model):
    """The next moment something may happen again: one letter to a domain, the next sweep.

    Claimed with a conditional update, so processes share it without locks.
    """

    name = models.CharField(max_length=200, primary_key=True)
    next_at = models.DateTimeField()

    class Meta:
        verbose_name = _("pacing slot")
        verbose_name_plural = _("pacing slots")

    def __str__(self):
        return f"{self.name}: {self.next_at:%H:%M:%S}"

    @classmethod
    def take(cls, name, spacing, now=None):
        """Take the slot if it is free and push it `spacing` ahead; else return when it frees."""
        now = now or timezone.now()
        cls.objects.get_or_create(name=name, defaults={"next_at": now})
        taken = cls.objects.filter(name=name, next_at__lte=now).update(next_at=now + spacing)
        if taken:
            return None
        return cls.objects.filter(name=name).values_list("next_at", flat=True).first() or now
