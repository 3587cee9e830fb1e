import json
from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portevoix.privacy.models import AccessRequest, Consent
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge
from portevoix.privacy.tasks import send_personal_data_link


def export_consents(email):
    return [
        {
            "purpose": consent.get_purpose_display(),
            "wording": consent.wording,
            "language": consent.language,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        }
        for consent in Consent.objects.for_email(email)
    ]


def erase_consents(email):
    deleted, _per_model = Consent.objects.for_email(email).delete()
    return deleted


register_personal_data(
    "consents",
    _("Your consents"),
    export_consents,
    erase_consents,
    {
        "purpose": _("purpose"),
        "wording": _("wording shown"),
        "language": _("language"),
        "given_at": _("given"),
        "withdrawn_at": _("withdrawn"),
    },
)


def data_link_emails(email):
    """The emails with a link to someone's data, waiting or sent: each is a task whose
    argument is the address, kept `TASK_RESULTS_KEEP_DAYS` after it ran. One look through the
    task table (about 40 ms for 200,000 tasks on SQLite): done only when a person asks for
    their link, opens it or erases their data."""
    # As the database keeps the arguments' JSON: SQLite with non-ASCII letters escaped,
    # PostgreSQL without. The quotes around it keep another address that ends the same apart.
    naming = Q(args_kwargs__icontains=json.dumps(email)) | Q(
        args_kwargs__icontains=json.dumps(email, ensure_ascii=False)
    )
    return DBTaskResult.objects.filter(naming, task_path=send_personal_data_link.module_path)


DATA_LINK_STATUSES = {
    TaskResultStatus.READY: _("waiting to be sent"),
    TaskResultStatus.RUNNING: _("being sent"),
    TaskResultStatus.SUCCESSFUL: _("sent"),
    TaskResultStatus.FAILED: _("could not be sent"),
}


def export_data_link_emails(email):
    return [
        {
            "asked_at": task.enqueued_at.isoformat(),
            "status": str(DATA_LINK_STATUSES.get(task.status, task.status)),
        }
        for task in data_link_emails(email).order_by("enqueued_at")
    ]


def erase_data_link_emails(email):
    """All but one being sent at this moment, which the worker still has to finish."""
    waiting_or_sent = data_link_emails(email).exclude(status=TaskResultStatus.RUNNING)
    return waiting_or_sent.delete()[0]


register_personal_data(
    "data_links",
    _("Emails with a link to your data"),
    export_data_link_emails,
    erase_data_link_emails,
    {"asked_at": _("asked"), "status": _("status")},
)


# Requests for a link count against an hourly limit (`request_personal_data_link`): each is
# a keyed hash of the address and a time, needed for that hour and no longer.
ACCESS_REQUESTS_KEPT = timedelta(days=1)


def purge_access_requests(now):
    return AccessRequest.objects.filter(created_at__lt=now - ACCESS_REQUESTS_KEPT).delete()[0]


register_purge("requests for a link to one's data", purge_access_requests)
