import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    ACTIONS = "actions", _("Actions people took")
    PEOPLE = "people", _("People who agreed to be contacted")
    ENDORSEMENTS = "endorsements", _("Endorsements")


def hash_token(plain):
    return hashlib.sha256(plain.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A CRM's read-only key. Only its hash is stored: the key is shown once, when made."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Who uses it, e.g. our CRM."))
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("what it may read"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, name, scopes, created_by=None):
        """Make a token; return it with its plain key, which is never stored or shown again."""
        plain = "pv_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            name=name,
            prefix=plain[:8],
            token_hash=hash_token(plain),
            scopes=sorted(set(scopes)),
            created_by=created_by,
        )
        return token, plain

    def allows(self, scope):
        return self.revoked_at is None and scope in self.scopes
