"""Form posts waiting for the worker are someone's data too: shown, erased and purged.

A submission normally waits a few seconds. One the worker gave up on waits for staff; it
is erased with the person's data, and purged after INTAKE_KEEP_FAILED_DAYS.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portevoix.intake.actions import label_of, submissions_about
from portevoix.intake.limits import purge_ended_windows
from portevoix.intake.models import Submission
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge

FIELD_LABELS = {"what": _("what"), "date": _("date"), "status": _("status")}
WAITING = _("waiting to be recorded, a few seconds at most")
HELD_BACK = _("held back by an error: the campaign team sees the error, not what you wrote")


def export_submissions(email):
    return [
        {
            "what": label_of(submission.kind),
            "date": submission.created_at.isoformat(),
            "status": str(WAITING if not submission.attempts else HELD_BACK),
        }
        for submission in submissions_about(email)
    ]


def erase_submissions(email):
    # Found and deleted within the erasure's one transaction (`erase_personal_data`): on
    # SQLite the key of a row carried out meanwhile could be given to someone else's new post
    # (`KeyWithoutSequence`), and that transaction holds the only write lock from its start.
    ids = [submission.pk for submission in submissions_about(email)]
    return Submission.objects.filter(pk__in=ids).delete()[0]


def purge_given_up_submissions(now):
    too_old = now - timedelta(days=settings.INTAKE_KEEP_FAILED_DAYS)
    return Submission.objects.filter(created_at__lt=too_old).delete()[0]


register_personal_data(
    "intake",
    _("Forms waiting to be recorded"),
    export_submissions,
    erase_submissions,
    FIELD_LABELS,
)
register_purge("form submissions never carried out", purge_given_up_submissions)
register_purge("counts of posts in ended windows", purge_ended_windows)
