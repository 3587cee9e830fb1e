"""Organizations that endorse a campaign, the invitations that recruit them, and who said no.

An `Endorsement` is shown publicly only once its contact confirmed it by email, staff
approved it, and the organization's consent to be listed stands. Consents live in the privacy
app's one table, with `source="endorsement:<pk>"` (or `"referrer:<pk>"` for an inviter), so the
person's data page shows them and withdraws them. An `Invitation` row is the durable record of
one invitation and the queue of its delivery.
"""

import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy

from portevoix.lib.hashing import keyed_hash
from portevoix.privacy.models import Consent, Purpose
from portevoix.representatives.models import PROVINCES
from portevoix.spread.models import Channel, Referrer, new_code

NATIONAL = "CA"
REGIONS = [(NATIONAL, _("National (across Canada)")), *PROVINCES]
UNSUBSCRIBE_SALT = "endorsements.unsubscribe"
ENDORSEMENT_SOURCE = "endorsement:"
REFERRER_SOURCE = "referrer:"


class Sector(models.TextChoices):
    HEALTH = "health", pgettext_lazy("sector", "Health")
    EDUCATION = "education", pgettext_lazy("sector", "Education")
    SOCIAL_JUSTICE = "social-justice", pgettext_lazy("sector", "Social justice")
    ANTI_RACISM = "anti-racism", pgettext_lazy("sector", "Anti-racism")
    FAITH = "faith", pgettext_lazy("sector", "Faith community")
    CHILDREN = "children", pgettext_lazy("sector", "Children's rights")
    SETTLEMENT = "settlement", pgettext_lazy("sector", "Settlement and refugee services")
    LEGAL = "legal", pgettext_lazy("sector", "Legal")
    LABOUR = "labour", pgettext_lazy("sector", "Labour")
    OTHER = "other", pgettext_lazy("sector", "Other")


def normalized_email(address):
    return (address or "").strip().lower()


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    region = models.CharField(_("province or territory"), max_length=2, choices=REGIONS)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    # Indexed: a new endorsement looks for one already standing with this contact, and that
    # search must not read every endorsement of the campaign.
    contact_email = models.EmailField(_("contact email"), db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


def listing_consent_stands():
    """True for an endorsement whose consent to be listed is recorded and not withdrawn."""
    source = Concat(Value(ENDORSEMENT_SOURCE), Cast(OuterRef("pk"), CharField()))
    return Exists(Consent.objects.active().filter(purpose=Purpose.LIST_PUBLICLY, source=source))


class EndorsementQuerySet(models.QuerySet):
    def with_listing(self):
        return self.annotate(listed=listing_consent_stands())

    def for_public_display(self):
        """Approved, and the organization's consent to be listed still stands."""
        approved = self.with_listing().filter(status=Endorsement.Status.APPROVED, listed=True)
        return approved.select_related("organization").order_by("organization__name", "pk")

    def counted(self):
        """Confirmed endorsements that still stand: awaiting review or approved."""
        return self.filter(status__in=[Endorsement.Status.PENDING, Endorsement.Status.APPROVED])

    def public_counts(self):
        """How many approved endorsers there are, listed and not, with no name attached."""
        approved = self.with_listing().filter(status=Endorsement.Status.APPROVED)
        return approved.aggregate(total=Count("pk"), unlisted=Count("pk", filter=Q(listed=False)))

    def facet(self, field):
        """{value: count} of publicly listed endorsers by `field` (region or sector)."""
        rows = self.for_public_display().order_by().values(f"organization__{field}")
        rows = rows.annotate(n=Count("pk"))
        return {row[f"organization__{field}"]: row["n"] for row in rows}


class Endorsement(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Email not confirmed yet")
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into another (duplicate)")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("campaign"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="endorsements",
        verbose_name=_("organization"),
    )
    statement = models.TextField(_("statement"), blank=True)
    statement_language = models.CharField(
        _("language of the statement"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNCONFIRMED, db_index=True
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation link sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    rejection_reason = models.TextField(
        _("reason for rejecting"), blank=True, help_text=_("Sent to the organization's contact.")
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    outcome_notified_at = models.DateTimeField(_("outcome sent"), null=True, blank=True)
    # Who brought it: the inviter credited, and through which channel.
    referrer = models.ForeignKey(
        Referrer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_endorsements",
        verbose_name=_("credited to"),
    )
    referral_channel = models.CharField(
        _("came through"), max_length=20, choices=Channel, blank=True
    )
    invitation = models.ForeignKey(
        "Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="endorsements",
        verbose_name=_("invitation answered"),
    )
    # The organization's own code for inviting allies and sharing, made when it confirms.
    own_referrer = models.OneToOneField(
        Referrer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="own_endorsement",
        verbose_name=_("its own referral code"),
    )
    network_address_hash = models.CharField(max_length=32, blank=True, editable=False)

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")

    def __str__(self):
        return f"{self.organization} ({self.get_status_display()})"

    def is_public(self):
        return self.status == self.Status.APPROVED and self.is_listed()

    def consent_source(self):
        return f"{ENDORSEMENT_SOURCE}{self.pk}"

    def consents(self):
        """What the contact agreed to for this endorsement (kept by the privacy app)."""
        return Consent.objects.filter(source=self.consent_source())

    def is_listed(self):
        """Listed only while the consent to be listed stands: withdrawing it unlists at once."""
        return self.consents().active().filter(purpose=Purpose.LIST_PUBLICLY).exists()


def referrer_consent_source(referrer):
    return f"{REFERRER_SOURCE}{referrer.pk}"


class InvitationQuerySet(models.QuerySet):
    def sent_by_platform_since(self, since):
        return self.filter(method=Invitation.Method.PLATFORM, created_at__gte=since).exclude(
            status=Invitation.Status.DRAFT
        )

    def counting_toward_limit(self, referrer, since):
        """Invitations Porte-voix sends for this inviter, or for anyone with its address."""
        mine = Q(referrer=referrer)
        if referrer.email:
            mine |= Q(referrer__email__iexact=referrer.email)
        return self.sent_by_platform_since(since).filter(mine)


class Invitation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Prepared, to send from your own email")
        AWAITING_CONFIRMATION = (
            "awaiting-confirmation",
            _("Waiting for your address to be confirmed"),
        )
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")
        SUPPRESSED = "suppressed", _("Not sent: the address asked not to be contacted")

    class Method(models.TextChoices):
        PLATFORM = "platform", _("Sent by Porte-voix")
        OWN = "own", _("From the inviter's own email")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("campaign"),
    )
    referrer = models.ForeignKey(
        Referrer, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("inviter")
    )
    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    method = models.CharField(_("sent how"), max_length=10, choices=Method)
    to_email = models.EmailField(_("to"), blank=True)
    to_organization = models.CharField(_("organization invited"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=25, choices=Status, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.to_organization or self.to_email or self.code} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code()
        super().save(*args, **kwargs)

    def endorse_url(self):
        """The absolute address the invited organization follows to endorse."""
        with override(self.language):
            path = reverse("endorsements:endorse", args=[self.campaign.slug])
        return f"{settings.SITE_URL}{path}?invitation={self.code}"


def suppression_hash(address):
    return keyed_hash(normalized_email(address))


class Suppression(models.Model):
    """An address that asked not to receive invitations: every send checks this list.

    Only a keyed hash of the address is kept. It recognizes the address when someone types
    it again, and cannot be turned back into the address by anyone without the site's key.
    """

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("Used the unsubscribe link")
        STAFF = "staff", _("Added by staff")

    email_hash = models.CharField(_("address (keyed hash)"), max_length=32, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason, default=Reason.STAFF)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("address not to contact")
        verbose_name_plural = _("addresses not to contact")

    def __str__(self):
        return f"{self.email_hash[:12]}…"

    @classmethod
    def covers(cls, address):
        return cls.objects.filter(email_hash=suppression_hash(address)).exists()

    @classmethod
    def add(cls, address, reason):
        suppression, _created = cls.objects.get_or_create(
            email_hash=suppression_hash(address), defaults={"reason": reason}
        )
        return suppression


def unsubscribe_token(address):
    return signing.dumps(normalized_email(address), salt=UNSUBSCRIBE_SALT, compress=True)


def address_from_unsubscribe_token(token):
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(address, language):
    with override(language):
        path = reverse("endorsements:unsubscribe", args=[unsubscribe_token(address)])
    return settings.SITE_URL + path
