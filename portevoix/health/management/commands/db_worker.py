"""`manage.py db_worker`: the task worker, with a heartbeat that /healthz reads."""

import os
import socket
import threading

from django.db import DatabaseError, connection
from django_tasks_db.management.commands import db_worker

from portevoix.health.models import WorkerHeartbeat
from portevoix.health.periodic import enqueue_due_jobs
from portevoix.lib.startup import settle_for_serving

HEARTBEAT_EVERY_SECONDS = 10


def beat_forever(worker_id, stop):
    hostname, pid = socket.gethostname(), os.getpid()
    while not stop.is_set():
        try:
            WorkerHeartbeat.beat(worker_id, hostname, pid)
            enqueue_due_jobs()
        except DatabaseError:
            pass  # the database is down: /healthz reports that on its own
        finally:
            connection.close()  # this thread's own connection
        stop.wait(HEARTBEAT_EVERY_SECONDS)


class HeartbeatWorker(db_worker.Worker):
    def run(self):
        stop = threading.Event()
        beater = threading.Thread(
            target=beat_forever, args=(self.worker_id, stop), name="heartbeat", daemon=True
        )
        beater.start()
        try:
            return super().run()
        finally:
            stop.set()


class Command(db_worker.Command):
    def handle(self, *args, **options):
        settle_for_serving()
        # The upstream command builds its Worker by name: use ours for this run.
        original = db_worker.Worker
        db_worker.Worker = HeartbeatWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
