from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.privacy.fields import EncryptedTextField


class SubmissionQuerySet(models.QuerySet):
    def waiting(self, max_attempts):
        return self.filter(attempts__lt=max_attempts).order_by("pk")


class Submission(models.Model):
    """A form post accepted and stored, waiting for the worker to carry it out.

    The request that accepts a form writes this one row and answers; the worker turns it
    into the endorsement, consents and emails within seconds, then deletes it. What people
    typed is encrypted here, and the row is gone once carried out.
    """

    kind = models.CharField(_("kind"), max_length=40)
    payload = EncryptedTextField(_("form contents"))
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("form submission waiting")
        verbose_name_plural = _("form submissions waiting")

    def __str__(self):
        return f"{self.kind} #{self.pk}"
