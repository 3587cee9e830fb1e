"""Who brings people to a campaign, and through which channel.

A `Referrer` is a person or an organization with a short public code carried by the
links it shares and the invitations it sends. A `ShareVisit` row counts the visits that
arrived through one channel (and one referrer, when the link carried one) on one day:
a number, never who visited.
"""

import secrets
import uuid

from django.core import signing
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

PRIVATE_LINK_SALT = "spread.referrer-private-link"
# No look-alike characters (0/o, 1/l/i): codes are sometimes read aloud or typed.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 8


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Channel(models.TextChoices):
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    LINKEDIN = "linkedin", "LinkedIn"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("Email")
    LINK = "link", _("Copied link")
    NEWSLETTER = "newsletter", _("Newsletter")
    EMBED = "embed", _("Block on a website")
    INVITATION = "invitation", _("Invitation to an organization")


class Referrer(models.Model):
    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("Organization")
        PERSON = "person", _("Person")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="referrers",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    name = models.CharField(_("name"), max_length=200, help_text=_("Seen by staff only."))
    email = models.EmailField(_("email"), blank=True, help_text=_("Seen by staff only."))
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, default="fr")
    code = models.CharField(_("referral code"), max_length=16, unique=True, editable=False)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referrer")
        verbose_name_plural = _("referrers")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code()
        super().save(*args, **kwargs)

    def has_confirmed_email(self):
        return self.email_confirmed_at is not None

    def private_token(self):
        return signing.dumps(str(self.public_id), salt=PRIVATE_LINK_SALT)

    @classmethod
    def from_private_token(cls, token):
        try:
            public_id = signing.loads(token, salt=PRIVATE_LINK_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("campaign").filter(public_id=public_id).first()

    def private_url(self):
        with override(self.language):
            return reverse("endorsements:allies", args=[self.campaign.slug, self.private_token()])


class ShareVisitQuerySet(models.QuerySet):
    def record(self, *, campaign, channel, referrer=None, day=None):
        """Add one visit to today's count for this channel and referrer."""
        key = {
            "campaign": campaign,
            "channel": channel,
            "referrer": referrer,
            "day": day or timezone.localdate(),
        }
        # Two simultaneous first visits may create two rows for a day: totals add them up.
        if not self.filter(**key).update(count=F("count") + 1):
            self.create(**key, count=1)


class ShareVisit(models.Model):
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="share_visits",
        verbose_name=_("campaign"),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel)
    referrer = models.ForeignKey(
        Referrer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("referrer"),
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    objects = ShareVisitQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "channel"]
        indexes = [models.Index(fields=["campaign", "channel", "day"])]
        verbose_name = _("visits through a shared link")
        verbose_name_plural = _("visits through shared links")

    def __str__(self):
        return f"{self.day} {self.channel}: {self.count}"
