"""Background work for meetings. Every task gets ids only and re-reads the rows it needs."""

from datetime import timedelta

from django_tasks import task

from portevoix.health.periodic import register_periodic


@task()
def email_organizer_link(meeting_id):
    from portevoix.meetings.actions import email_organizer_link as send

    return send(meeting_id)


@task()
def send_delegate_invitation(delegate_id):
    from portevoix.meetings.actions import email_delegate_invitation

    return email_delegate_invitation(delegate_id)


@task()
def send_log_link(meeting_id, language):
    from portevoix.meetings.actions import email_log_link

    return email_log_link(meeting_id, language)


@task()
def send_meeting_report_prompts():
    from portevoix.meetings.actions import send_report_prompts

    return send_report_prompts()


register_periodic("send_meeting_report_prompts", timedelta(hours=1), send_meeting_report_prompts)
