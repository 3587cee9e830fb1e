"""Faults with real `db_worker` processes and a real SMTP server: every letter arrives once.

Counted at the server by Message-ID: the number of distinct ids is the number of letters,
and no id arrives twice.
"""

import io
import os
import signal
import subprocess
from collections import Counter

from django.core.management import call_command
from django.utils import timezone

from portevoix.letters.models import Letter
from portevoix.letters.tasks import enqueue_delivery
from portevoix.letters.tests.factories import LetterFactory

WORKER_ENV = {
    "LETTER_DOMAIN_RATE_PER_MINUTE": "0",
    "LETTER_RETRY_DELAYS": "1,1,1,1,1,1,1,1,1,1",
    "LETTER_SWEEP_INTERVAL": "3600",
    "DEFAULT_FROM_EMAIL": "Porte-voix <lettres@porte-voix.example>",
    "SITE_URL": "https://porte-voix.example",
}


def queue_letters(count):
    now = timezone.now()
    letters = LetterFactory.create_batch(
        count,
        status=Letter.Status.QUEUED,
        confirmed_at=now,
        next_attempt_at=now,
        enqueued_at=now,
    )
    for letter in letters:
        enqueue_delivery(letter.pk)
    return letters


def message_ids(smtp):
    return Counter(message["Message-ID"] for message in smtp.messages)


def assert_each_arrived_once(smtp, letters):
    ids = message_ids(smtp)
    assert set(ids) == {letter.message_id for letter in letters}
    assert max(ids.values()) == 1, [mid for mid, count in ids.items() if count > 1]


def wait_until(condition, worker_process=None, timeout=60):
    """Wait for a state of the world, not for a duration; say so if the worker died."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if worker_process is not None and worker_process.poll() is not None:
            raise AssertionError(f"the worker stopped: {worker_process.stdout.read()}")
        time.sleep(0.05)
    raise AssertionError("the condition was not reached")


def all_sent(letters):
    return lambda: (
        Letter.objects.filter(
            pk__in=[letter.pk for letter in letters], status=Letter.Status.SENT
        ).count()
        == len(letters)
    )


def test_letters_wait_while_the_server_refuses_and_arrive_once_when_it_is_back(worker, smtp_server):
    smtp_server.refuse = True
    letters = queue_letters(5)
    process = worker.start(WORKER_ENV)
    wait_until(lambda: Letter.objects.filter(attempts__gte=2).count() == len(letters), process)
    assert smtp_server.messages == []

    smtp_server.refuse = False
    wait_until(all_sent(letters), process)

    assert_each_arrived_once(smtp_server, letters)
    assert len(smtp_server.messages) == len(letters)


def test_a_worker_killed_mid_batch_then_restarted_delivers_every_letter_exactly_once(
    worker, smtp_server
):
    letters = queue_letters(30)
    process = worker.start(WORKER_ENV)
    smtp_server.wait_for(5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert len(smtp_server.messages) < len(letters), "the worker finished before it was killed"

    # The restart: recovery first (no worker runs now), then a worker drains the queue.
    call_command("recover_letters", all_workers_stopped=True, stdout=io.StringIO())
    worker.run_batch(extra_env=WORKER_ENV)

    wait_until(all_sent(letters), timeout=5)
    assert_each_arrived_once(smtp_server, letters)
    assert len(smtp_server.messages) == len(letters)


def test_two_workers_draining_one_queue_send_no_letter_twice(worker, smtp_server):
    letters = queue_letters(40)
    environment = worker.environment(WORKER_ENV)
    processes = [
        subprocess.Popen(
            worker.command("--batch"),
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _worker in range(2)
    ]
    for process in processes:
        _out, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors

    assert all_sent(letters)()
    assert_each_arrived_once(smtp_server, letters)
    assert len(smtp_server.messages) == len(letters)
    assert sum(letter.attempts for letter in Letter.objects.all()) == len(letters)
