from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.tools import tool_url
from portevoix.lib.i18n import Bilingual
from portevoix.lib.pagecache import kept_until_content_changes
from portevoix.privacy.fields import EncryptedTextField


class CampaignQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Campaign.Status.ACTIVE)

    def kept_by_id(self, pk):
        """The campaign with this id, kept in this process until public content changes: the
        worker needs it for every form post it carries out. Read-only: others share it."""
        return kept_until_content_changes(("campaign by id", pk), lambda: self.get(pk=pk))


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(_("address"), unique=True, help_text=_("Used in the page address."))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    position = models.PositiveSmallIntegerField(_("order on the home page"), default=0)
    organization_name_fr = models.CharField(_("organization running it (French)"), max_length=200)
    organization_name_en = models.CharField(_("organization running it (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    ask_fr = models.TextField(_("the ask (French)"), help_text=_("One or two sentences."))
    ask_en = models.TextField(_("the ask (English)"), help_text=_("One or two sentences."))
    background_fr = models.TextField(_("background (French)"), blank=True)
    background_en = models.TextField(_("background (English)"), blank=True)
    organizations_intro_fr = models.TextField(
        _("introduction for organizations (French)"), blank=True
    )
    organizations_intro_en = models.TextField(
        _("introduction for organizations (English)"), blank=True
    )
    individuals_intro_fr = models.TextField(_("introduction for individuals (French)"), blank=True)
    individuals_intro_en = models.TextField(_("introduction for individuals (English)"), blank=True)
    share_text_fr = models.CharField(
        _("short text for sharing (French)"), max_length=280, blank=True
    )
    share_text_en = models.CharField(
        _("short text for sharing (English)"), max_length=280, blank=True
    )
    contact_email = models.EmailField(
        _("staff contact address"),
        blank=True,
        help_text=_("Contact messages are announced here. Leave empty to use the site default."),
    )
    letter_body_retention_days = models.PositiveSmallIntegerField(
        _("keep letter texts for (days after sending)"), default=90
    )
    contact_details_retention_months = models.PositiveSmallIntegerField(
        _("keep contact details for (months after the last action)"),
        default=24,
        help_text=_("Unless the person agreed to hear from the campaign."),
    )
    followup_after_days = models.PositiveSmallIntegerField(
        _("ask writers whether they got an answer after (days)"),
        default=14,
        help_text=_("One reminder follows a week later. 0 turns follow-ups off."),
    )
    call_phone = models.CharField(
        _("general phone number for calls"),
        max_length=40,
        blank=True,
        help_text=_(
            "Offered on the call page when the data has no office number for the MP, "
            "e.g. the House of Commons switchboard."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    organization_name = Bilingual()
    title = Bilingual()
    ask = Bilingual()
    background = Bilingual()
    organizations_intro = Bilingual()
    individuals_intro = Bilingual()
    share_text = Bilingual()

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.title_fr or self.slug

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])

    def is_public(self):
        return self.status != self.Status.DRAFT

    def actions_for(self, audience):
        return [action for action in self.actions.all() if action.audience == audience]

    def staff_notification_emails(self):
        if self.contact_email:
            return [self.contact_email]
        return list(settings.STAFF_NOTIFICATION_EMAILS)


class Audience(models.TextChoices):
    ORGANIZATIONS = "organizations", _("Organizations")
    INDIVIDUALS = "individuals", _("Individuals")
    EVERYONE = "everyone", _("Everyone")


class SuggestedAction(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="actions", verbose_name=_("campaign")
    )
    audience = models.CharField(_("for"), max_length=20, choices=Audience)
    key = models.SlugField(
        _("key"),
        help_text=_("A short name that stays the same across languages, e.g. write-minister."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_fr = models.TextField(_("short explanation (French)"))
    summary_en = models.TextField(_("short explanation (English)"))
    details_fr = models.TextField(_("more details (French)"), blank=True)
    details_en = models.TextField(_("more details (English)"), blank=True)
    tool = models.CharField(
        _("tool on this site"),
        max_length=100,
        blank=True,
        help_text=_(
            "The Porte-voix tool that performs this action, e.g. contact or letter:org-minister. "
            "Its address follows the visitor's language."
        ),
    )
    link_url = models.CharField(
        _("or a link elsewhere"),
        max_length=300,
        blank=True,
        help_text=_("A full address, used when no tool is set. Empty: no button."),
    )
    link_label_fr = models.CharField(_("button text (French)"), max_length=80, blank=True)
    link_label_en = models.CharField(_("button text (English)"), max_length=80, blank=True)

    title = Bilingual()
    summary = Bilingual()
    details = Bilingual()
    link_label = Bilingual()

    class Meta:
        ordering = ["audience", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "key"], name="unique_action_key"),
        ]
        verbose_name = _("suggested action")
        verbose_name_plural = _("suggested actions")

    def __str__(self):
        return self.title_fr

    def url(self):
        if self.tool:
            return tool_url(self.campaign, self.tool)
        return self.link_url


class Resource(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="resources", verbose_name=_("campaign")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="resources/%Y/")
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["language", "position", "id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:resource", args=[self.campaign.slug, self.pk])

    def file_name(self):
        return self.file.name.rsplit("/", 1)[-1]

    def file_extension(self):
        return self.file_name().rsplit(".", 1)[-1].upper() if "." in self.file_name() else ""


class ContactMessageQuerySet(models.QuerySet):
    def recent(self, hours=1):
        return self.filter(created_at__gte=timezone.now() - timezone.timedelta(hours=hours))

    def at_least(self, count, **sender):
        """Whether `count` or more of these messages came from this sender (an `email` or a
        `network_address_hash`).

        Reads at most `count` rows, through the sender's index: its cost stays the same
        however many messages other people send (counting every message of the hour, as
        this did before, slowed each post of a burst more than the last).
        """
        return self.filter(**sender)[:count].count() >= count


class ContactMessage(models.Model):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_messages",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    # Encrypted at rest: people may write about their family's situation.
    message = EncryptedTextField(_("message"))
    consent_to_reply = models.BooleanField(_("agreed to be answered"), default=False)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    network_address_hash = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    staff_notified_at = models.DateTimeField(_("staff notified"), null=True, blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # The form's limits look up one sender's recent messages (`at_least`).
        indexes = [
            models.Index(fields=["email", "created_at"], name="contact_by_email"),
            models.Index(fields=["network_address_hash", "created_at"], name="contact_by_network"),
        ]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.name} <{self.email}>"
