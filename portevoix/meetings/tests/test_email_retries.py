"""A meeting's emails survive an SMTP outage: retried after growing delays, never sent twice."""

import datetime
from datetime import timedelta

import time_machine
from django.utils import timezone

from portevoix.meetings import actions
from portevoix.meetings.models import Delegate, MeetingEmail
from portevoix.meetings.tests.helpers import make_meeting


def prompts_for(meeting):
    return MeetingEmail.objects.filter(meeting=meeting, kind=MeetingEmail.Kind.REPORT_PROMPT)


def meeting_with_link_sent(campaign, template, mp, smtp):
    """A meeting whose organizer already has their link (its row was queued on commit)."""
    meeting = make_meeting(campaign, template, mp)
    actions.send_due_emails()
    smtp.received.clear()
    return meeting


def held_yesterday(campaign, template, mp, smtp):
    meeting = meeting_with_link_sent(campaign, template, mp, smtp)
    moment = timezone.make_aware(datetime.datetime(2031, 3, 4, 10, 0))
    actions.schedule_meeting(meeting, date=moment.date(), time=moment.time(), duration_minutes=30)
    return meeting, moment + timedelta(days=1, minutes=5)


def to(smtp, address):
    return [m for m in smtp.messages if m["To"] == address]


def test_a_refused_report_prompt_is_retried_later_and_sent_once(
    campaign, mp, request_template, smtp
):
    meeting, day_after = held_yesterday(campaign, request_template, mp, smtp)
    smtp.refuse = True
    with time_machine.travel(day_after, tick=False) as clock:
        assert actions.send_report_prompts() == 0
        [email] = prompts_for(meeting)
        assert email.status == MeetingEmail.Status.QUEUED
        assert email.attempts == 1
        assert "451" in email.last_error
        assert email.next_attempt_at == timezone.now() + timedelta(seconds=60)
        # The hourly job does not ask again: the question is queued, not forgotten.
        actions.send_report_prompts()
        assert prompts_for(meeting).count() == 1
        # Not due yet: the sweep leaves it alone.
        assert actions.send_due_emails() == {}

        smtp.refuse = False
        clock.move_to(email.next_attempt_at + timedelta(seconds=1))
        assert actions.send_due_emails() == {"sent": 1}
        assert actions.send_due_emails() == {}
    [prompt] = to(smtp, "amelie@example.org")
    assert "How did your meeting" in prompt["Subject"]
    email.refresh_from_db()
    assert email.status == MeetingEmail.Status.SENT
    assert email.attempts == 2


def test_retries_wait_longer_each_time_then_give_up(campaign, mp, request_template, smtp):
    meeting, day_after = held_yesterday(campaign, request_template, mp, smtp)
    smtp.refuse = True
    delays = []
    with time_machine.travel(day_after, tick=False) as clock:
        actions.send_report_prompts()
        email = prompts_for(meeting).get()
        while email.status == MeetingEmail.Status.QUEUED:
            delays.append((email.next_attempt_at - timezone.now()).total_seconds())
            clock.move_to(email.next_attempt_at)
            actions.send_due_emails()
            email.refresh_from_db()
    assert delays == [60, 300, 1800, 7200, 21600]
    assert email.status == MeetingEmail.Status.FAILED
    assert email.attempts == 6
    assert to(smtp, "amelie@example.org") == []


def test_a_claimed_email_is_not_sent_by_a_second_worker(campaign, mp, request_template, smtp):
    meeting = meeting_with_link_sent(campaign, request_template, mp, smtp)
    email = MeetingEmail.objects.create(meeting=meeting, kind=MeetingEmail.Kind.REPORT_PROMPT)
    assert actions.claim_email(email.pk, timezone.now())
    # Another worker (or the sweep) finds it taken.
    assert actions.deliver_email(email.pk) == ("not due", None)
    assert actions.send_due_emails() == {}
    assert smtp.messages == []


def test_a_refused_invitation_is_retried_and_arrives_once(
    client, campaign, mp, request_template, smtp, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    meeting = meeting_with_link_sent(campaign, request_template, mp, smtp)
    smtp.refuse = True
    url = reverse("meetings:invite", args=[campaign.slug, meeting.private_token()])
    data = {"name": "Nadia", "email": "nadia@example.org", "role": "supporter", "language": "fr"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    delegate = Delegate.objects.get()
    assert delegate.invitation_sent_at is None
    email = MeetingEmail.objects.get(delegate=delegate)
    assert email.status == MeetingEmail.Status.QUEUED

    smtp.refuse = False
    with time_machine.travel(email.next_attempt_at + timedelta(seconds=1)):
        assert actions.send_due_emails() == {"sent": 1}
        assert actions.send_due_emails() == {}
    assert len(to(smtp, "nadia@example.org")) == 1
    delegate.refresh_from_db()
    assert delegate.invitation_sent_at is not None


def test_a_refused_organizer_link_is_retried_and_arrives_once(
    client, campaign, mp, request_template, smtp, django_capture_on_commit_callbacks
):
    smtp.refuse = True
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(campaign, request_template, mp)
    email = MeetingEmail.objects.get(meeting=meeting, kind=MeetingEmail.Kind.ORGANIZER_LINK)
    assert email.status == MeetingEmail.Status.QUEUED
    assert smtp.messages == []

    smtp.refuse = False
    with time_machine.travel(email.next_attempt_at + timedelta(seconds=1)):
        actions.send_due_emails()
        actions.send_due_emails()
    [message] = to(smtp, "amelie@example.org")
    assert meeting.private_token() in message.get_content()


def test_an_erased_delegate_is_not_written_to(campaign, mp, request_template, smtp):
    from portevoix.meetings.personal_data import erase_meetings

    meeting = make_meeting(campaign, request_template, mp)
    delegate = Delegate.objects.create(
        meeting=meeting, name="Nadia", email="nadia@example.org", role="supporter", language="fr"
    )
    email = MeetingEmail.objects.create(
        meeting=meeting, delegate=delegate, kind=MeetingEmail.Kind.INVITATION
    )
    erase_meetings("nadia@example.org")
    assert actions.deliver_email(email.pk) == ("not needed", None)
    assert smtp.messages == []


def test_the_sweep_runs_every_minute():
    from portevoix.health.periodic import registered_jobs

    every, _task = registered_jobs()["send_due_meeting_emails"]
    assert every == timedelta(minutes=1)
