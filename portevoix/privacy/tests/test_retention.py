from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from portevoix.campaigns.models import ContactMessage
from portevoix.health.models import PeriodicJob
from portevoix.health.periodic import enqueue_due_jobs

pytestmark = pytest.mark.django_db


def test_purge_removes_contact_messages_past_their_retention(settings, campaign):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    old = ContactMessage.objects.create(
        campaign=campaign, name="A", email="a@example.org", message="secret story", language="fr"
    )
    with time_machine.travel(timezone.now() + timezone.timedelta(days=20)):
        recent = ContactMessage.objects.create(
            campaign=campaign, name="B", email="b@example.org", message="recent", language="fr"
        )
    out = StringIO()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=31)):
        call_command("purge_expired", stdout=out)
    assert not ContactMessage.objects.filter(pk=old.pk).exists()
    assert ContactMessage.objects.filter(pk=recent.pk).exists()
    assert "contact messages: 1" in out.getvalue()
    assert "secret story" not in out.getvalue()


def test_the_daily_purge_is_enqueued_once_however_many_workers_ask(database_tasks):
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    assert "purge_expired" in enqueue_due_jobs(now)
    assert "purge_expired" not in enqueue_due_jobs(now)  # a second worker, same moment
    assert "purge_expired" not in enqueue_due_jobs(now + timezone.timedelta(hours=23))
    assert "purge_expired" in enqueue_due_jobs(now + timezone.timedelta(hours=24, seconds=1))
    assert DBTaskResult.objects.filter(task_path__endswith="purge_expired").count() == 2
    assert PeriodicJob.objects.get(name="purge_expired").last_run_at is not None
