"""Report-backs in the CRM API, as the `report_back` kind of `actions`.

Only the facts chosen from lists (what was done, to whom, what came of it, the position
stated): never the person's words, never who reported. Reports moderators set aside are left out.
"""

from portevoix.api.models import Scope
from portevoix.api.registry import Collection, register_collection
from portevoix.api.shapes import (
    LANGUAGE,
    NULLABLE_STRING,
    OFFICE_HOLDER,
    RIDING,
    TARGET_RELATIONS,
    iso,
    kind_schema,
    office_holder,
    representative,
    riding,
)
from portevoix.reports.models import ActionType, Outcome, ReportBack, StatedPosition


def reports_kept():
    return (
        ReportBack.objects.exclude(moderation=ReportBack.Moderation.REJECTED)
        .select_related(*TARGET_RELATIONS)
        .order_by("created_at", "pk")
    )


def serialize_report(report):
    return {
        "kind": "report_back",
        "id": str(report.public_id),
        "campaign": report.campaign.slug,
        "language": report.language,
        "action_type": report.action_type,
        "action_date": iso(report.action_date),
        "outcome": report.outcome,
        "stated_position": report.stated_position or None,
        "received_at": iso(report.created_at),
        "moderation": report.moderation,
        "mp": representative(report.representative),
        "office_holder": office_holder(report.office_holder),
        "riding": riding(report.district),
        "province": report.province or None,
    }


register_collection(
    Collection(
        name="actions",
        scope=Scope.ACTIONS,
        description="Report-backs (kind `report_back`): what was done, to whom, what came of it "
        "and the position stated; never the person's words or who reported.",
        queryset=reports_kept,
        since_field="created_at",
        serialize=serialize_report,
        item_schema=kind_schema(
            "report_back",
            ["language", "action_type", "action_date", "outcome", "stated_position"],
            {
                "language": LANGUAGE,
                "action_type": {"type": "string", "enum": ActionType.values},
                "action_date": {"type": ["string", "null"], "format": "date"},
                "outcome": {"type": "string", "enum": Outcome.values},
                "stated_position": {
                    "type": ["string", "null"],
                    "enum": [*StatedPosition.values, None],
                },
                "received_at": {"type": "string", "format": "date-time"},
                "moderation": {
                    "type": "string",
                    "enum": [
                        ReportBack.Moderation.PENDING.value,
                        ReportBack.Moderation.APPROVED.value,
                    ],
                },
                "mp": NULLABLE_STRING,
                "office_holder": OFFICE_HOLDER,
                "riding": RIDING,
                "province": NULLABLE_STRING,
            },
        ),
    )
)
