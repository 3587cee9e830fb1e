"""What a report holds about its writer: exported, erased on request, purged when expired."""

import datetime

import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from portevoix.privacy.registry import erase_everything, export_everything
from portevoix.privacy.retention import purge_everything
from portevoix.reports.models import ReportBack

PDF = b"%PDF-1.4\n%%EOF\n"


def make_report(campaign, mp=None, **fields):
    values = {
        "campaign": campaign,
        "language": "fr",
        "action_type": "letter",
        "outcome": "answered",
        "stated_position": "supports",
        "representative": mp,
        "action_date": datetime.date(2025, 3, 1),
        "details": "Ma sœur attend à Kinshasa.",
        "commitments": "En parler au caucus.",
        "reporter_name": "Amélie Côté",
        "reporter_email": "amelie@example.org",
        "organization_name": "Accueil Plus",
        "quote_permission": "with_name",
        "moderation": "approved",
        "published_quote": "Elle nous a écoutés.",
    }
    values.update(fields)
    return ReportBack.objects.create(**values)


def test_it_exports_the_decrypted_reports(campaign):
    make_report(campaign)
    [record] = export_everything("Amelie@Example.org")["reports"]["records"]
    assert record["details"] == "Ma sœur attend à Kinshasa."
    assert record["name"] == "Amélie Côté"
    assert record["published"] == "Elle nous a écoutés."


def test_erasing_removes_the_person_and_their_words_and_keeps_the_counts(campaign, mp):
    report = make_report(campaign, mp)
    report.reply_file.save("r.pdf", ContentFile(PDF))
    stored = report.reply_file.name
    assert default_storage.exists(stored)
    assert erase_everything("amelie@example.org")["reports"] == 1
    report.refresh_from_db()
    assert (report.reporter_name, report.reporter_email, report.organization_name) == ("", "", "")
    assert (report.details, report.commitments, report.published_quote) == ("", "", "")
    assert not report.reply_file and not default_storage.exists(stored)
    assert (report.action_type, report.outcome, report.stated_position) == (
        "letter",
        "answered",
        "supports",
    )
    assert report.representative == mp and report.action_date == datetime.date(2025, 3, 1)
    assert ReportBack.objects.count() == 1
    assert list(ReportBack.objects.quotes_for_public_display()) == []
    assert export_everything("amelie@example.org")["reports"]["records"] == []


def test_who_reported_and_their_words_are_purged_after_the_retention_period(campaign):
    campaign.contact_details_retention_months = 12
    campaign.save()
    with time_machine.travel(datetime.datetime(2024, 1, 10, tzinfo=datetime.UTC), tick=False):
        old = make_report(campaign)
    recent = make_report(campaign)
    with time_machine.travel(datetime.datetime(2024, 12, 1, tzinfo=datetime.UTC), tick=False):
        purge_everything(timezone.now())
    old.refresh_from_db()
    assert old.reporter_email == "amelie@example.org"  # not yet a year
    with time_machine.travel(datetime.datetime(2025, 1, 20, tzinfo=datetime.UTC), tick=False):
        counts = purge_everything(timezone.now())
    assert counts["report-backs"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.reporter_name, old.reporter_email) == ("", "")
    assert old.details == ""
    assert (old.action_type, old.outcome) == (recent.action_type, recent.outcome)  # facts stay
    assert recent.reporter_email == "amelie@example.org"
    assert recent.details == "Ma sœur attend à Kinshasa."
