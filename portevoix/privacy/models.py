from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """Each use of a person's data is agreed to separately."""

    SEND_LETTER = "send_letter", _("Send my letter on my behalf")
    CONTACT_REPLY = "contact_reply", _("Answer my message")
    HEAR_FROM_CAMPAIGN = "hear_from_campaign", _("Hear from the campaign")
    FOLLOW_UP = "follow_up", _("Be asked later how it went")
    LIST_PUBLICLY = "list_publicly", _("Be listed publicly")
    QUOTE_PUBLICLY = "quote_publicly", _("Have my words quoted publicly")


class ConsentQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email=email.strip().lower())

    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """What a person agreed to, in the words they were shown, in their language, and when."""

    email = models.EmailField(_("email"), db_index=True)
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose)
    wording = models.TextField(_("wording shown"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("campaign"),
    )
    source = models.CharField(_("given through"), max_length=100, blank=True)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at"]
        # Each message checks the consents given through its endorsement, letter or report
        # before it leaves, and the endorsers' list checks each one's consent to be listed.
        # Without this, each of those read the whole table: every endorsement and letter adds
        # rows, so the worker slowed as a campaign grew (21 ms a check at 250,000 consents).
        indexes = [models.Index(fields=["source", "purpose"], name="consent_by_source")]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.email}: {self.purpose}"

    def is_active(self):
        return self.withdrawn_at is None


class AccessRequest(models.Model):
    """A request for one's own data, kept as a keyed hash only, to limit how often links go out."""

    email_hash = models.CharField(max_length=32, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")

    def __str__(self):
        return f"{self.email_hash[:8]}… {self.created_at:%Y-%m-%d %H:%M}"
