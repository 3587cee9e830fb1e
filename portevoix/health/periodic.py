"""Jobs the worker runs on a schedule (the daily purge, reminders...).

Apps register a task and how often it runs. The worker's heartbeat thread calls
`enqueue_due_jobs()`; a job is claimed with a conditional update of its row, so however
many workers run, each due job is enqueued once.
"""

from django.utils import timezone

_JOBS = {}


def register_periodic(name, every, task):
    """Run `task` (a django_tasks Task taking no arguments) every `every` (a timedelta)."""
    _JOBS[name] = (every, task)


def registered_jobs():
    return dict(_JOBS)


def claim(name, every, now):
    from portevoix.health.models import PeriodicJob

    # get_or_create copes with another worker creating the row at the same moment.
    PeriodicJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
    claimed = PeriodicJob.objects.filter(name=name, next_run_at__lte=now).update(
        next_run_at=now + every, last_run_at=now
    )
    return claimed == 1


def enqueue_due_jobs(now=None):
    now = now or timezone.now()
    enqueued = []
    for name, (every, task) in _JOBS.items():
        if claim(name, every, now):
            task.enqueue()
            enqueued.append(name)
    return enqueued
