import datetime

from django.utils import timezone

from portevoix.meetings import actions
from portevoix.meetings.models import Delegate, MeetingRequest
from portevoix.meetings.tests.helpers import make_meeting
from portevoix.privacy.registry import erase_everything, export_everything
from portevoix.privacy.retention import purge_everything


def test_an_organizer_and_a_delegate_are_exported_then_erased_and_counts_stay(
    campaign, mp, request_template
):
    meeting = make_meeting(campaign, request_template, mp)
    delegate = actions.invite_delegate(
        meeting, name="Nadia", email="nadia@example.org", role="lived_experience", language="fr"
    )
    actions.answer_invitation(delegate, answer="accepted", note="My story")

    exported = export_everything("amelie@example.org")
    assert "Hélène Tremblay" in str(exported)
    assert "My story" in str(export_everything("nadia@example.org"))

    erase_everything("nadia@example.org")
    erase_everything("amelie@example.org")
    delegate.refresh_from_db()
    meeting.refresh_from_db()
    assert delegate.name == "" and delegate.note == "" and "nadia" not in delegate.email
    assert delegate.answer == Delegate.Answer.ACCEPTED
    assert meeting.organizer_name == "" and "amelie" not in meeting.organizer_email
    assert MeetingRequest.objects.count() == 1
    assert "Hélène Tremblay" not in str(export_everything("amelie@example.org"))


def test_delegates_details_are_purged_months_after_the_meeting(campaign, mp, request_template):
    meeting = make_meeting(campaign, request_template, mp)
    delegate = actions.invite_delegate(
        meeting, name="Nadia", email="nadia@example.org", role="supporter", language="fr"
    )
    moment = timezone.now() - datetime.timedelta(days=10)
    actions.schedule_meeting(meeting, date=moment.date(), time=moment.time(), duration_minutes=30)

    purge_everything(timezone.now())
    delegate.refresh_from_db()
    assert delegate.name == "Nadia"

    later = timezone.now() + datetime.timedelta(days=31 * campaign.contact_details_retention_months)
    purge_everything(later)
    delegate.refresh_from_db()
    assert delegate.name == "" and delegate.email.endswith("@erased.invalid")


def test_call_notes_are_purged_as_long_after_the_call_as_contact_details(campaign, mp):
    from portevoix.meetings.models import Call

    call = Call.objects.create(
        campaign=campaign,
        language="fr",
        representative=mp,
        outcome=Call.Outcome.SPOKE_TO_STAFF,
        what_they_said="Ma fille attend au Caire.",
    )
    purge_everything(timezone.now())
    call.refresh_from_db()
    assert call.what_they_said == "Ma fille attend au Caire."

    later = timezone.now() + datetime.timedelta(days=31 * campaign.contact_details_retention_months)
    counts = purge_everything(later)
    call.refresh_from_db()
    assert call.what_they_said == ""
    assert counts["call notes"] == 1
    assert Call.objects.completed().count() == 1  # the call still counts
