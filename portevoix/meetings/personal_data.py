"""What meetings hold about a person: organizers by their email, delegates by theirs.

Calls hold no email, so no one can be found in them. Erasing keeps each row (the meeting, its
office holder, its dates, the delegation's size and answers) so the campaign's counts survive;
only names, addresses and notes go.
"""

import uuid

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import Campaign
from portevoix.meetings.models import Call, Delegate, MeetingRequest
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge

ERASED_DOMAIN = "@erased.invalid"
FIELD_LABELS = {
    "role": _("role"),
    "meeting_with": _("meeting with"),
    "status": _("status"),
    "date": _("date"),
    "organization": _("organization"),
    "proposed_times": _("times proposed"),
    "answer": _("answer"),
    "note": _("note"),
    "name": _("name"),
}


def erased_email():
    return f"erased-{uuid.uuid4().hex}{ERASED_DOMAIN}"


def export_meetings(email):
    organized = [
        {
            "role": "organizer",
            "name": meeting.organizer_name,
            "organization": meeting.organization_name,
            "meeting_with": meeting.with_name,
            "status": meeting.status,
            "proposed_times": meeting.proposed_times,
            "date": meeting.meeting_at.isoformat() if meeting.meeting_at else None,
        }
        for meeting in MeetingRequest.objects.filter(organizer_email=email)
    ]
    invited = [
        {
            "role": delegate.role,
            "name": delegate.name,
            "meeting_with": delegate.meeting.with_name,
            "answer": delegate.answer,
            "note": delegate.note,
        }
        for delegate in Delegate.objects.filter(email=email).select_related("meeting")
    ]
    return organized + invited


def anonymize_delegates(delegates):
    count = 0
    for delegate in delegates:
        Delegate.objects.filter(pk=delegate.pk).update(name="", email=erased_email(), note="")
        count += 1
    return count


def erase_meetings(email):
    count = 0
    for meeting in MeetingRequest.objects.filter(organizer_email=email):
        MeetingRequest.objects.filter(pk=meeting.pk).update(
            organizer_name="",
            organizer_email=erased_email(),
            organization_name="",
            proposed_times="",
            place_details="",
        )
        count += 1
    return count + anonymize_delegates(Delegate.objects.filter(email=email))


def purge_old_delegates(now):
    """Delegates' names, addresses and notes go some months after their meeting."""
    purged = 0
    for campaign in Campaign.objects.all():
        cutoff = now - timezone.timedelta(days=30 * campaign.contact_details_retention_months)
        old_meeting = Q(meeting__meeting_at__lt=cutoff) | Q(
            meeting__meeting_at__isnull=True, meeting__created_at__lt=cutoff
        )
        expired = (
            Delegate.objects.filter(meeting__campaign=campaign)
            .filter(old_meeting)
            .exclude(email__endswith=ERASED_DOMAIN)
        )
        purged += anonymize_delegates(expired)
    return purged


def purge_old_call_notes(now):
    """What callers noted an office said goes as long after the call as contact details do."""
    purged = 0
    for campaign in Campaign.objects.all():
        cutoff = now - timezone.timedelta(days=30 * campaign.contact_details_retention_months)
        old_calls = Call.objects.filter(campaign=campaign, created_at__lt=cutoff)
        purged += old_calls.exclude(what_they_said="").update(what_they_said="")
    return purged


register_personal_data(
    "meetings", _("Your meetings"), export_meetings, erase_meetings, FIELD_LABELS
)
register_purge("meeting delegates' details", purge_old_delegates)
register_purge("call notes", purge_old_call_notes)
