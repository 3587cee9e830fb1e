import pytest
from django.utils import timezone

from portevoix.health.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_it_is_healthy_when_tasks_run_in_the_web_process(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_it_is_unhealthy_when_no_worker_has_ever_beaten(client, database_tasks):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "worker_heartbeat_age_seconds": None,
        "waiting_tasks": 0,
        "status": "unhealthy",
    }


def test_it_is_healthy_with_a_fresh_heartbeat_and_counts_waiting_tasks(client, database_tasks):
    from portevoix.campaigns.tasks import notify_staff_of_contact_message

    WorkerHeartbeat.beat("worker-1")
    notify_staff_of_contact_message.enqueue(12345)
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["waiting_tasks"] == 1
    assert 0 <= body["worker_heartbeat_age_seconds"] < 5


def test_it_is_unhealthy_when_the_heartbeat_is_stale(client, database_tasks, settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 60
    WorkerHeartbeat.objects.create(
        worker_id="old", last_seen_at=timezone.now() - timezone.timedelta(minutes=5)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker_heartbeat_age_seconds"] >= 300


def test_it_answers_only_get(client):
    assert client.post("/healthz").status_code == 405
