import pytest
from django.db import connection
from django.urls import reverse

from portevoix.meetings import actions
from portevoix.meetings.models import Delegate, MeetingRequest
from portevoix.meetings.tests.helpers import make_meeting
from portevoix.privacy.models import Purpose
from portevoix.reports.models import ActionType, ReportBack


@pytest.fixture
def meeting(campaign, mp, request_template):
    meeting = make_meeting(campaign, request_template, mp)
    coming = actions.invite_delegate(
        meeting, name="Nadia", email="nadia@example.org", role="lived_experience", language="fr"
    )
    actions.answer_invitation(coming, answer=Delegate.Answer.ACCEPTED, note="")
    actions.invite_delegate(
        meeting, name="Paul", email="paul@example.org", role="supporter", language="en"
    )
    return meeting


def report_url(meeting):
    return reverse("meetings:report", args=[meeting.campaign.slug, meeting.private_token()])


def test_the_report_creates_a_pending_report_back_with_encrypted_text(client, meeting):
    page = client.get(report_url(meeting)).content.decode()
    assert "Nadia" in page
    assert "Paul" not in page  # only delegates who accepted
    nadia = meeting.delegates.get(name="Nadia")
    response = client.post(
        report_url(meeting),
        {
            "attendees": [nadia.pk],
            "other_attendees": "Our board chair",
            "details": "She listened closely to Nadia.",
            "stated_position": "supports",
            "commitments": "Will write to the Minister",
            "follow_up_needed": "Send her our brief",
            "quote_permission": "anonymous",
        },
    )
    assert response.status_code == 302
    report = ReportBack.objects.get()
    assert report.action_type == ActionType.MEETING
    assert report.meeting == meeting
    assert report.representative == meeting.representative
    assert report.moderation == ReportBack.Moderation.PENDING
    assert report.stated_position == "supports"
    assert "Nadia" in report.attendees and "Our board chair" in report.attendees
    assert report.commitments == "Will write to the Minister"
    with connection.cursor() as cursor:
        cursor.execute("SELECT details, commitments FROM reports_reportback")
        [(details, commitments)] = cursor.fetchall()
    assert "listened" not in details and "Minister" not in commitments
    meeting.refresh_from_db()
    assert meeting.status == MeetingRequest.Status.HELD
    assert meeting.consent_source()  # the meeting's own consent is kept
    from portevoix.privacy.models import Consent

    assert Consent.objects.filter(
        source=report.consent_source(), purpose=Purpose.QUOTE_PUBLICLY
    ).exists()


def test_a_second_report_is_refused(client, meeting):
    data = {"details": "Fine", "stated_position": "undecided", "quote_permission": "private"}
    client.post(report_url(meeting), data)
    response = client.post(report_url(meeting), data)
    assert response.status_code == 302
    assert ReportBack.objects.count() == 1


def test_a_report_needs_a_position_and_words(client, meeting):
    response = client.post(report_url(meeting), {"quote_permission": "private"})
    assert response.status_code == 400
    assert ReportBack.objects.count() == 0
