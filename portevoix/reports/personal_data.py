"""What reports hold about a person: shown to them, erased on request, purged when expired.

Erasing keeps a report's non-personal facts (what was done, to whom, when, what came of it,
the position stated), so the campaign's counts survive; who reported, and their words, go.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import Campaign
from portevoix.lib.pagecache import bump_content_version
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge
from portevoix.reports.models import ReportBack

FIELD_LABELS = {
    "received": _("received"),
    "what": _("what they did"),
    "target": _("who was targeted"),
    "when": _("when"),
    "outcome": _("outcome"),
    "stated_position": _("their stated position"),
    "commitments": _("what they committed to"),
    "details": _("what happened, in their words"),
    "follow_up_needed": _("follow-up needed"),
    "attendees": _("who attended"),
    "name": _("name"),
    "organization": _("organization"),
    "quoting": _("quoting"),
    "published": _("words published"),
    "reply_attached": _("the reply received"),
}
# What people wrote in a report, never public as such.
PRIVATE_TEXT_FIELDS = ["commitments", "details", "follow_up_needed", "attendees"]
# Who reported and what they wrote, emptied: what erasure and the retention purge leave.
ERASED = {
    "reporter_name": "",
    "reporter_email": "",
    "organization_name": "",
    "reply_file": "",
    **dict.fromkeys(PRIVATE_TEXT_FIELDS, ""),
}


def export_reports(email):
    return [
        {
            "received": report.created_at.isoformat(),
            "what": report.get_action_type_display(),
            "target": report.target_display(),
            "when": report.action_date.isoformat() if report.action_date else None,
            "outcome": report.get_outcome_display(),
            "stated_position": report.get_stated_position_display(),
            "commitments": report.commitments,
            "details": report.details,
            "follow_up_needed": report.follow_up_needed,
            "attendees": report.attendees,
            "name": report.reporter_name,
            "organization": report.organization_name,
            "quoting": report.get_quote_permission_display(),
            "published": report.published_quote,
            "reply_attached": bool(report.reply_file),
        }
        for report in ReportBack.objects.filter(reporter_email=email).select_related(
            "representative", "office_holder", "district"
        )
    ]


def erase_report(report):
    if report.reply_file:
        report.reply_file.delete(save=False)
    # update(): no signal, so bump the public pages by hand in case a quote was shown.
    ReportBack.objects.filter(pk=report.pk).update(published_quote="", **ERASED)


def erase_reports(email):
    reports = list(ReportBack.objects.filter(reporter_email=email))
    for report in reports:
        erase_report(report)
    if reports:
        bump_content_version()
    return len(reports)


def purge_old_reports(now):
    """Who reported and what they wrote go a campaign's set number of months after the report.

    The facts stay (what was done, to whom, what came of it, the position stated), and so do
    the words a moderator published with the writer's agreement: counts, the MP position
    tracker and the public page survive. Returns how many reports were purged.
    """
    purged = 0
    for campaign in Campaign.objects.all():
        cutoff = now - timezone.timedelta(days=30 * campaign.contact_details_retention_months)
        expired = ReportBack.objects.filter(campaign=campaign, created_at__lte=cutoff).exclude(
            **ERASED
        )
        for report in expired.exclude(reply_file=""):
            report.reply_file.delete(save=False)
        purged += expired.update(**ERASED)
    return purged


register_personal_data("reports", _("Your reports"), export_reports, erase_reports, FIELD_LABELS)
register_purge("report-backs", purge_old_reports)
