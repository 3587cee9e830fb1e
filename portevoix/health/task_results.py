"""Finished background tasks are deleted `TASK_RESULTS_KEEP_DAYS` after they finished.

Every email the worker sends is a task row that keeps its arguments (a row's id, or, for the
link to someone's data, their email address), what it returned and, when it failed, its error.
Kept forever, the table would grow with every letter and endorsement, and hold the addresses
people asked that link for. Tasks waiting or running stay, whatever their age.
"""

from datetime import timedelta

from django.conf import settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portevoix.privacy.retention import register_purge

FINISHED = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]


def purge_finished_task_results(now):
    cutoff = now - timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    finished = DBTaskResult.objects.filter(status__in=FINISHED, finished_at__lt=cutoff)
    return finished.delete()[0]


register_purge("finished background tasks", purge_finished_task_results)
