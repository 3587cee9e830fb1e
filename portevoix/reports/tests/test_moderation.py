"""Staff read reports, approve or set them aside, and publish only words people allowed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from portevoix.reports.models import QuotePermission, ReportBack
from portevoix.staff.models import AuditEntry
from portevoix.staff.roles import sync_roles
from portevoix.test import sign_in_staff

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def make_report(campaign, **fields):
    values = {
        "campaign": campaign,
        "language": "fr",
        "action_type": "letter",
        "outcome": "answered",
        "details": "Ma sœur attend à Kinshasa.",
        "quote_permission": QuotePermission.ANONYMOUS,
    }
    values.update(fields)
    return ReportBack.objects.create(**values)


@pytest.fixture
def moderator(db):
    sync_roles()
    user = get_user_model().objects.create_user("mona", "mona@council.example", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderator"))
    return user


def test_only_approved_quotes_the_writer_allowed_are_public(campaign):
    shown = make_report(campaign, moderation="approved", published_quote="Elle nous a écoutés.")
    make_report(campaign, moderation="pending", published_quote="En attente.")
    make_report(campaign, moderation="rejected", published_quote="Mis de côté.")
    make_report(campaign, moderation="approved", published_quote="")
    make_report(
        campaign,
        moderation="approved",
        quote_permission=QuotePermission.PRIVATE,
        published_quote="Privé.",
    )
    assert list(ReportBack.objects.quotes_for_public_display()) == [shown]


def test_a_quote_cannot_be_set_on_private_words(campaign):
    report = make_report(campaign, quote_permission=QuotePermission.PRIVATE)
    report.published_quote = "Quelque chose"
    with pytest.raises(ValidationError):
        report.full_clean()


def test_staff_read_the_decrypted_text(admin_client, campaign):
    report = make_report(campaign)
    page = admin_client.get(reverse("admin:reports_reportback_change", args=[report.pk]))
    assert page.status_code == 200
    assert "Ma sœur attend à Kinshasa." in page.text
    listing = admin_client.get(
        reverse("admin:reports_reportback_changelist") + "?moderation__exact=pending"
    )
    assert listing.status_code == 200


def test_a_moderator_reads_and_approves(client, campaign, moderator):
    report = make_report(campaign)
    sign_in_staff(client, moderator)
    page = client.get(reverse("admin:reports_reportback_change", args=[report.pk]))
    assert page.status_code == 200
    assert "Kinshasa" in page.text
    response = client.post(
        reverse("admin:reports_reportback_changelist"),
        {"action": "approve", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.moderation == "approved"
    assert report.moderated_by == moderator
    entry = AuditEntry.objects.get(action="report.approved")
    assert entry.actor == moderator and entry.target_id == str(report.pk)


def test_approving_twice_writes_one_audit_row(admin_client, campaign):
    report = make_report(campaign)
    for _ in range(2):
        admin_client.post(
            reverse("admin:reports_reportback_changelist"),
            {"action": "approve", "_selected_action": [report.pk]},
        )
    assert AuditEntry.objects.filter(action="report.approved").count() == 1


def test_a_moderator_sets_aside(admin_client, campaign):
    report = make_report(campaign)
    admin_client.post(
        reverse("admin:reports_reportback_changelist"),
        {"action": "reject", "_selected_action": [report.pk]},
    )
    report.refresh_from_db()
    assert report.moderation == "rejected"
    assert AuditEntry.objects.filter(action="report.rejected").exists()


def test_a_moderator_publishes_chosen_words_and_it_is_audited(admin_client, campaign):
    report = make_report(campaign)
    url = reverse("admin:reports_reportback_change", args=[report.pk])
    response = admin_client.post(url, {"published_quote": "Elle nous a écoutés."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.published_quote == "Elle nous a écoutés."
    assert AuditEntry.objects.filter(action="report.quote_set").exists()


def test_the_admin_offers_no_quote_field_for_private_words(admin_client, campaign):
    report = make_report(campaign, quote_permission=QuotePermission.PRIVATE)
    url = reverse("admin:reports_reportback_change", args=[report.pk])
    assert 'name="published_quote"' not in admin_client.get(url).text
    admin_client.post(url, {"published_quote": "Publié quand même"})
    report.refresh_from_db()
    assert report.published_quote == ""


def test_outsiders_cannot_reach_reports(client, cast, campaign):
    report = make_report(campaign)
    url = reverse("admin:reports_reportback_change", args=[report.pk])
    assert client.get(url).status_code == 302
    client.force_login(cast["xavier"])
    response = client.get(url)
    assert response.status_code == 302
    assert "Kinshasa" not in response.text


def test_staff_download_the_reply_as_an_attachment(admin_client, client, cast, campaign):
    report = make_report(campaign)
    report.reply_file.save("abc.png", ContentFile(PNG))
    url = reverse("admin:reports_reportback_reply", args=[report.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert client.get(url).status_code == 302  # signed out: off to the sign-in page
    outsider = get_user_model().objects.create_user("olga", "o@x.example", "pw", is_staff=True)
    sign_in_staff(client, outsider)  # staff, but no permission on reports
    assert client.get(url).status_code == 403
    report.reply_file.delete(save=False)


def test_filters_are_offered(admin_client, campaign):
    make_report(campaign)
    for query in ("action_type__exact=letter", "outcome__exact=answered", "campaign__id__exact=1"):
        url = reverse("admin:reports_reportback_changelist") + "?" + query
        assert admin_client.get(url).status_code == 200
