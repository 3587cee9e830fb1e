import datetime
import io

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portevoix.meetings import actions
from portevoix.meetings.tests.helpers import make_meeting


def test_the_organizer_is_asked_the_day_after_and_only_once(campaign, mp, request_template):
    meeting = make_meeting(campaign, request_template, mp)
    mail.outbox.clear()
    moment = timezone.make_aware(datetime.datetime(2031, 3, 4, 10, 0))
    actions.schedule_meeting(meeting, date=moment.date(), time=moment.time(), duration_minutes=30)

    with time_machine.travel(moment + datetime.timedelta(hours=12), tick=False):
        call_command("send_meeting_report_prompts", stdout=io.StringIO())
    assert mail.outbox == []

    with time_machine.travel(moment + datetime.timedelta(days=1, minutes=5), tick=False):
        call_command("send_meeting_report_prompts", stdout=io.StringIO())
        call_command("send_meeting_report_prompts", stdout=io.StringIO())
    [prompt] = mail.outbox
    assert prompt.to == ["amelie@example.org"]
    assert "How did your meeting" in prompt.subject
    meeting.refresh_from_db()
    assert meeting.report_prompt_sent_at is not None
    assert "/report/" in prompt.body


def test_the_prompt_job_runs_hourly():
    from portevoix.health.periodic import registered_jobs

    every, _task = registered_jobs()["send_meeting_report_prompts"]
    assert every == datetime.timedelta(hours=1)
