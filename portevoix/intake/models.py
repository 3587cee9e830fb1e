from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.lib.db.fields import KeyWithoutSequence
from portevoix.lib.db.statements import model_sql, read_one
from portevoix.privacy.fields import EncryptedTextField

# The worker reads and deletes one submission for every post: SQL made once per process.
DELETE_ONE = "DELETE FROM {table} WHERE {id} = %s"


class SubmissionQuerySet(models.QuerySet):
    def waiting(self, max_attempts):
        return self.filter(attempts__lt=max_attempts).order_by("pk")

    def one(self, pk):
        """The submission with this id, its contents decrypted, or None."""
        return read_one(self, ALL_FIELDS, id=pk)

    def delete_one(self, pk):
        """Delete the submission with this id; returns whether it was there to delete.
        (No signal is sent: nothing listens for a submission's deletion.)"""
        with connection.cursor() as cursor:
            cursor.execute(model_sql(Submission, DELETE_ONE, id="id"), [pk])
            return cursor.rowcount == 1


class Submission(models.Model):
    """A form post accepted and stored, waiting for the worker to carry it out.

    The request that accepts a form writes this one row and answers; the worker turns it
    into the endorsement, consents and emails within seconds, then deletes it. What people
    typed is encrypted here, and the row is gone once carried out.
    """

    # Nothing refers to a submission once it is carried out and deleted, so SQLite need not
    # keep a sequence of its keys (a page written for every post).
    id = KeyWithoutSequence(primary_key=True, serialize=False, verbose_name="ID")
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


# What the worker reads of a submission: all of it.
ALL_FIELDS = tuple(field.name for field in Submission._meta.concrete_fields)


class WindowCount(models.Model):
    """How many posts one sender made in one window of time, for the public forms' limits.

    `key` names the form, the sender (a keyed hash of their network address, never the
    address itself) and the window. Counted in the database with one statement, so posts
    arriving at the same moment in several processes are all counted; purged once the
    window has ended.
    """

    key = models.CharField(_("form, sender and window"), max_length=200, primary_key=True)
    count = models.PositiveIntegerField(_("posts"), default=0)
    ends_at = models.DateTimeField(_("window ends"), db_index=True)

    class Meta:
        verbose_name = _("count of posts in a window")
        verbose_name_plural = _("counts of posts in a window")

    def __str__(self):
        return f"{self.key}: {self.count}"
