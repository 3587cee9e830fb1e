"""Finished background tasks, with their arguments and errors, go after TASK_RESULTS_KEEP_DAYS."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portevoix.privacy.tasks import send_personal_data_link

pytestmark = pytest.mark.django_db


def a_link_task(status, days_ago):
    """A 'link to my data' email task (its arguments hold an address), finished days ago."""
    result = send_personal_data_link.enqueue("amal.haddad@example.org", "fr")
    when = timezone.now() - timedelta(days=days_ago)
    finished_at = None if status in (TaskResultStatus.READY, TaskResultStatus.RUNNING) else when
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, enqueued_at=when, finished_at=finished_at
    )
    return result.id


def test_finished_tasks_go_after_the_kept_days_and_waiting_ones_stay(database_tasks, settings):
    settings.TASK_RESULTS_KEEP_DAYS = 14
    old_success = a_link_task(TaskResultStatus.SUCCESSFUL, days_ago=15)
    old_failure = a_link_task(TaskResultStatus.FAILED, days_ago=15)
    recent = a_link_task(TaskResultStatus.SUCCESSFUL, days_ago=13)
    waiting = a_link_task(TaskResultStatus.READY, days_ago=30)
    running = a_link_task(TaskResultStatus.RUNNING, days_ago=30)

    call_command("purge_expired", stdout=io.StringIO())

    left = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert left == {recent, waiting, running}
    assert not left & {old_success, old_failure}
