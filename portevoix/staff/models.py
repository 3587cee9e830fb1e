from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.privacy.fields import EncryptedTextField


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("the audit log cannot be changed")

    def delete(self):
        raise PermissionError("the audit log cannot be changed")


class AuditEntry(models.Model):
    """Who did what, when, to which record. Written by the application, never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (as named then)"), max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=100, db_index=True)
    target_type = models.CharField(_("kind of record"), max_length=100, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    target_repr = models.CharField(_("record, as named then"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("the audit log cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("the audit log cannot be changed")


class TwoFactorDevice(models.Model):
    """A staff member's authenticator app (time-based one-time codes)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_device",
        verbose_name=_("staff member"),
    )
    secret = EncryptedTextField(_("secret"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The last time step whose code was accepted: a code is never accepted twice.
    last_used_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self):
        return str(self.user)

    def is_confirmed(self):
        return self.confirmed_at is not None


class SignInAttempt(models.Model):
    """A sign-in or code attempt, keyed by hashes: enough to slow guessing, nothing more."""

    username_hash = models.CharField(max_length=32, db_index=True)
    network_hash = models.CharField(max_length=32, db_index=True)
    kind = models.CharField(max_length=20, default="password")
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")

    def __str__(self):
        return f"{self.kind} {'ok' if self.succeeded else 'failed'} {self.at:%Y-%m-%d %H:%M}"
