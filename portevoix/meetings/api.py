"""Calls and meetings in the CRM API, as two kinds of `actions`.

Only facts about the action: never what an office said on a call (it may carry the caller's
story), never who called, and nothing about the delegation or the organizer.
"""

from portevoix.api.models import Scope
from portevoix.api.registry import Collection, register_collection
from portevoix.api.shapes import (
    LANGUAGE,
    NULLABLE_STRING,
    NULLABLE_TIME,
    OFFICE_HOLDER,
    RIDING,
    TARGET_RELATIONS,
    iso,
    kind_schema,
    office_holder,
    representative,
    riding,
)
from portevoix.meetings.models import Call, MeetingRequest, Place

CALL_OUTCOMES = [outcome for outcome in Call.Outcome.values if outcome != Call.Outcome.NO_ANSWER]
MEETING_STATUSES = [
    status for status in MeetingRequest.Status.values if status != MeetingRequest.Status.DRAFT
]


def completed_calls():
    return (
        Call.objects.completed()
        .exclude(outcome="")  # opened the call page, never said how it went
        .select_related("campaign", "representative", "district")
        .order_by("created_at", "pk")
    )


def serialize_call(call):
    return {
        "kind": "call",
        "id": str(call.public_id),
        "campaign": call.campaign.slug,
        "language": call.language,
        "outcome": call.outcome,
        "called_at": iso(call.created_at),
        "mp": representative(call.representative),
        "riding": riding(call.district),
        "province": call.province or None,
    }


def requested_meetings():
    """Meetings past their draft: the organizer sent the request (or went further)."""
    return (
        MeetingRequest.objects.exclude(status=MeetingRequest.Status.DRAFT)
        .select_related(*TARGET_RELATIONS)
        .order_by("created_at", "pk")
    )


def serialize_meeting(meeting):
    return {
        "kind": "meeting",
        "id": str(meeting.public_id),
        "campaign": meeting.campaign.slug,
        "language": meeting.language,
        "status": meeting.status,
        "requested_at": iso(meeting.created_at),
        "meeting_at": iso(meeting.meeting_at),
        "place": meeting.place or None,
        "mp": representative(meeting.representative),
        "office_holder": office_holder(meeting.office_holder),
        "riding": riding(meeting.district),
        "province": meeting.province or None,
        "organization": meeting.organization_name or None,
    }


register_collection(
    Collection(
        name="actions",
        scope=Scope.ACTIONS,
        description="Calls that reached an MP's office (kind `call`): the outcome, never what "
        "was said.",
        queryset=completed_calls,
        since_field="created_at",
        serialize=serialize_call,
        item_schema=kind_schema(
            "call",
            ["language", "outcome", "called_at", "mp", "riding", "province"],
            {
                "language": LANGUAGE,
                "outcome": {"type": "string", "enum": CALL_OUTCOMES},
                "called_at": {"type": "string", "format": "date-time"},
                "mp": NULLABLE_STRING,
                "riding": RIDING,
                "province": NULLABLE_STRING,
            },
        ),
    )
)
register_collection(
    Collection(
        name="actions",
        scope=Scope.ACTIONS,
        description="Meetings requested with an MP or office holder (kind `meeting`), from the "
        "request on: nothing about the organizer or the delegation.",
        queryset=requested_meetings,
        since_field="created_at",
        serialize=serialize_meeting,
        item_schema=kind_schema(
            "meeting",
            ["language", "status", "requested_at", "meeting_at", "mp", "office_holder"],
            {
                "language": LANGUAGE,
                "status": {"type": "string", "enum": MEETING_STATUSES},
                "requested_at": {"type": "string", "format": "date-time"},
                "meeting_at": NULLABLE_TIME,
                "place": {"type": ["string", "null"], "enum": [*Place.values, None]},
                "mp": NULLABLE_STRING,
                "office_holder": OFFICE_HOLDER,
                "riding": RIDING,
                "province": NULLABLE_STRING,
                "organization": NULLABLE_STRING,
            },
        ),
    )
)
