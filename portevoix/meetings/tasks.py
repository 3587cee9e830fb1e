"""Background work for meetings. Every task gets ids only and re-reads the rows it needs."""

from datetime import timedelta

from django_tasks import task

from portevoix.health.periodic import register_periodic
from portevoix.letters.tasks import enqueue_after


@task()
def deliver_meeting_email(email_id):
    from portevoix.meetings.actions import deliver_email

    outcome, come_back_at = deliver_email(email_id)
    if come_back_at is not None:
        enqueue_email(email_id, come_back_at)
    return outcome


def enqueue_email(email_id, run_after=None):
    return enqueue_after(deliver_meeting_email, email_id, run_after)


@task()
def send_log_link(meeting_id, language):
    from portevoix.meetings.actions import email_log_link

    return email_log_link(meeting_id, language)


@task()
def send_meeting_report_prompts():
    from portevoix.meetings.actions import send_report_prompts

    return send_report_prompts()


@task()
def send_due_meeting_emails():
    """Emails whose retry is due, or whose task was lost with a worker."""
    from portevoix.meetings.actions import send_due_emails

    return send_due_emails()


register_periodic("send_meeting_report_prompts", timedelta(hours=1), send_meeting_report_prompts)
register_periodic("send_due_meeting_emails", timedelta(minutes=1), send_due_meeting_emails)
