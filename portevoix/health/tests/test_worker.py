"""A real `manage.py db_worker` process over the test database."""

from django.core.management import call_command

from portevoix.campaigns.models import ContactMessage
from portevoix.health.models import WorkerHeartbeat


def test_the_worker_sends_a_contact_message_to_staff_over_smtp(worker, client, campaign, settings):
    campaign.contact_email = "team@council.example"
    campaign.save()
    response = client.post(
        f"/fr/campagnes/{campaign.slug}/nous-joindre/",
        {
            "name": "Rahel",
            "email": "rahel@example.org",
            "message": "Notre paroisse veut aider. Comment faire ?",
            "consent_to_reply": "on",
        },
    )
    assert response.status_code == 302
    assert worker.smtp.received == []  # queued, not sent by the web request

    worker.run_batch()

    [delivery] = worker.smtp.received
    assert delivery.rcpt_tos == ["team@council.example"]
    message = delivery.message
    assert message["Reply-To"] == "rahel@example.org"
    assert "Rahel" in message["Subject"]
    assert "Notre paroisse veut aider." in message.get_body(("plain",)).get_content()
    assert ContactMessage.objects.get().staff_notified_at is not None


def test_a_running_worker_leaves_a_heartbeat(worker):
    process = worker.start()
    try:
        import time

        deadline = time.monotonic() + 20
        while not WorkerHeartbeat.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert WorkerHeartbeat.objects.exists(), "no heartbeat from the worker"
        assert WorkerHeartbeat.objects.get().pid == process.pid
    finally:
        worker.stop_all()


def test_the_worker_command_still_accepts_the_upstream_options():
    # --help exits through SystemExit; reaching it proves the command is importable and wired.
    try:
        call_command("db_worker", "--help")
    except SystemExit as exit:
        assert exit.code == 0
