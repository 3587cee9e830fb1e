"""Background work for reports: the follow-up emails, run by the worker every hour."""

from datetime import timedelta

from django_tasks import task

from portevoix.health.periodic import register_periodic
from portevoix.reports.actions import run_followups


@task()
def send_followups():
    """Schedule follow-ups for newly sent letters, send those due and their reminders."""
    return run_followups()


register_periodic("send_followups", timedelta(hours=1), send_followups)
