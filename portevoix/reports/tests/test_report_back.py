"""The public report-back form: what was done, to whom, what came of it."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from portevoix.campaigns.tools import tool_url
from portevoix.letters.tests.factories import LetterFactory, postal_code_for
from portevoix.privacy.models import Consent, Purpose
from portevoix.reports.models import ReportBack
from portevoix.reports.tests.conftest import report_data

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def url(campaign, language="fr", name="reports:report_back"):
    with translation.override(language):
        return reverse(name, args=[campaign.slug])


def test_it_has_translated_addresses(campaign):
    assert url(campaign, "fr") == f"/fr/campagnes/{campaign.slug}/retour/"
    assert url(campaign, "en") == f"/en/campaigns/{campaign.slug}/report-back/"


def test_it_shows_a_plain_form_in_both_languages(client, campaign):
    french = client.get(url(campaign, "fr"))
    english = client.get(url(campaign, "en"))
    assert french.status_code == english.status_code == 200
    assert "Dites-nous ce que vous avez fait et ce que ça a donné" in french.text
    assert "Tell us what you did and what came of it" in english.text
    for page in (french, english):
        assert 'enctype="multipart/form-data"' in page.text
        assert 'name="submission_id"' in page.text
        assert "<script" not in page.text
        assert page["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_stores_a_report_and_thanks_the_writer(client, campaign, language):
    response = client.post(url(campaign, language), report_data())
    assert response.status_code == 302
    assert response["Location"] == url(campaign, language, "reports:thanks")
    report = ReportBack.objects.get()
    assert report.campaign == campaign
    assert report.language == language
    assert report.outcome == "answered"
    assert report.stated_position == "supports"
    assert report.details == "Ma sœur attend à Kinshasa depuis trois ans."
    assert report.target_description == "Le bureau de circonscription"
    assert report.moderation == ReportBack.Moderation.PENDING
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Kinshasa" not in thanks.text


def test_it_keeps_the_free_text_encrypted_in_the_database(client, campaign):
    client.post(url(campaign), report_data())
    report = ReportBack.objects.get()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT details, commitments FROM reports_reportback WHERE id = %s", [report.pk]
        )
        details, commitments = cursor.fetchone()
    assert "Kinshasa" not in details
    assert "caucus" not in commitments
    assert report.details.endswith("Kinshasa depuis trois ans.")


def test_it_finds_the_mp_by_postal_code_without_javascript(client, campaign, mp):
    code = postal_code_for(mp.district)
    found = client.post(url(campaign, "en"), report_data(find="h2x 1y4", find_mp="1"))
    assert found.status_code == 200  # nothing stored: the form comes back with the ridings
    assert "Hélène Député" in found.text
    assert ReportBack.objects.count() == 0
    assert code
    data = report_data(target_kind="mp", district=str(mp.district.pk), find="h2x 1y4")
    response = client.post(url(campaign, "en"), data)
    assert response.status_code == 302
    report = ReportBack.objects.get()
    assert report.representative == mp
    assert report.district == mp.district
    assert report.province == "QC"


def test_it_finds_the_mp_by_riding_name(client, campaign, mp):
    found = client.post(url(campaign), report_data(find="laurier", find_mp="1"))
    assert "Laurier—Sainte-Marie — Hélène Député" in found.text


def test_postal_code_searches_count_against_the_networks_lookup_limit(
    client, campaign, mp, settings
):
    settings.FIND_MP_LOOKUPS_PER_NETWORK = 1
    postal_code_for(mp.district)
    client.post(url(campaign, "en"), report_data(find="h2x 1y4", find_mp="1"))
    refused = client.post(url(campaign, "en"), report_data(find="h2x 1y4", find_mp="1"))
    assert "Many searches have come from your connection" in refused.text
    assert "Hélène Député" not in refused.text
    by_name = client.post(url(campaign, "en"), report_data(find="laurier", find_mp="1"))
    assert "Hélène Député" in by_name.text  # searching by name is not limited


def test_it_refuses_an_mp_target_without_a_riding(client, campaign):
    response = client.post(url(campaign, "en"), report_data(target_kind="mp"))
    assert response.status_code == 400
    assert "Please find the MP and choose their riding" in response.text
    assert ReportBack.objects.count() == 0


def test_it_refuses_a_date_in_the_future_and_keeps_what_was_typed(client, campaign):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url(campaign, "en"), report_data(action_date=tomorrow.isoformat()))
    assert response.status_code == 400
    assert "This date is in the future" in response.text
    assert "Ma sœur attend à Kinshasa depuis trois ans." in response.text
    assert 'class="error-summary"' in response.text
    assert ReportBack.objects.count() == 0


def test_it_refuses_a_report_without_an_outcome(client, campaign):
    data = report_data()
    del data["outcome"]
    response = client.post(url(campaign, "fr"), data)
    assert response.status_code == 400
    assert "Dites-nous ce que ça a donné" in response.text
    assert ReportBack.objects.count() == 0


def test_it_refuses_a_file_over_five_megabytes(client, campaign):
    big = SimpleUploadedFile("reply.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")
    response = client.post(url(campaign, "en"), {**report_data(), "reply_file": big})
    assert response.status_code == 400
    assert "larger than 5 MB" in response.text
    assert "please choose the file again" in response.text
    assert ReportBack.objects.count() == 0


def test_it_refuses_a_pdf_that_is_really_html(client, campaign):
    fake = SimpleUploadedFile(
        "reply.pdf", b"<!doctype html><script>alert(1)</script>", "application/pdf"
    )
    response = client.post(url(campaign, "en"), {**report_data(), "reply_file": fake})
    assert response.status_code == 400
    assert "not a PDF, JPEG or PNG, whatever its name says" in response.text
    assert ReportBack.objects.count() == 0


def test_it_stores_a_real_pdf_under_a_random_name(client, campaign):
    reply = SimpleUploadedFile("lettre-de-Amélie-Côté.pdf", PDF, "application/pdf")
    client.post(url(campaign), {**report_data(), "reply_file": reply})
    report = ReportBack.objects.get()
    assert report.reply_file.name.startswith("replies/")
    assert report.reply_file.name.endswith(".pdf")
    assert "Amélie" not in report.reply_file.name
    assert report.reply_file.read() == PDF
    report.reply_file.delete(save=False)


def test_it_pretends_to_accept_what_a_script_sends(client, campaign):
    response = client.post(url(campaign), report_data(website="http://spam.example"))
    assert response.status_code == 302
    assert ReportBack.objects.count() == 0


def test_it_limits_reports_per_network(client, campaign, settings):
    settings.REPORTS_PER_HOUR_PER_NETWORK = 2
    for _ in range(2):
        assert client.post(url(campaign, "en"), report_data()).status_code == 302
    response = client.post(url(campaign, "en"), report_data())
    assert response.status_code == 400
    assert "several reports from you in the last hour" in response.text
    assert ReportBack.objects.count() == 2


def test_it_limits_reports_per_email(client, campaign, settings):
    settings.REPORTS_PER_HOUR_PER_EMAIL = 1
    mine = {"reporter_email": "amelie@example.org", "consent_to_contact": "on"}
    assert client.post(url(campaign, "fr"), report_data(**mine)).status_code == 302
    response = client.post(url(campaign, "fr"), report_data(**mine))
    assert response.status_code == 400
    assert "plusieurs rapports" in response.text
    assert ReportBack.objects.count() == 1


def test_it_refuses_other_methods(client, campaign):
    assert client.put(url(campaign)).status_code == 405
    assert client.delete(url(campaign)).status_code == 405
    assert client.post(url(campaign, name="reports:thanks")).status_code == 405


def test_it_makes_one_report_when_the_form_is_sent_twice(client, campaign):
    data = report_data()
    first = client.post(url(campaign), data)
    second = client.post(url(campaign), data)
    assert first.status_code == second.status_code == 302
    assert ReportBack.objects.count() == 1


def test_it_records_the_consents_in_the_words_shown(client, campaign):
    data = report_data(
        quote_permission="anonymous",
        reporter_email="Amelie@Example.org",
        consent_to_contact="on",
    )
    client.post(url(campaign, "en"), data)
    report = ReportBack.objects.get()
    assert report.reporter_email == "amelie@example.org"
    consents = {c.purpose: c for c in Consent.objects.filter(source=report.consent_source())}
    assert set(consents) == {Purpose.QUOTE_PUBLICLY, Purpose.CONTACT_REPLY}
    assert consents[Purpose.QUOTE_PUBLICLY].wording == "You may quote my words, without my name"
    assert consents[Purpose.CONTACT_REPLY].wording.startswith(
        "The campaign team may write to me at this address about this report."
    )
    assert {c.language for c in consents.values()} == {"en"}


def test_it_records_the_consents_in_french(client, campaign):
    client.post(url(campaign, "fr"), report_data(quote_permission="with_name"))
    consent = Consent.objects.get(purpose=Purpose.QUOTE_PUBLICLY)
    assert consent.language == "fr"
    assert consent.wording == "Vous pouvez citer mes mots avec mon nom"


def test_it_asks_for_agreement_before_keeping_an_email(client, campaign):
    response = client.post(url(campaign, "en"), report_data(reporter_email="amelie@example.org"))
    assert response.status_code == 400
    assert "or leave the email address empty" in response.text
    assert ReportBack.objects.count() == 0
    assert Consent.objects.count() == 0


def test_it_records_no_consent_for_a_private_anonymous_report(client, campaign):
    client.post(url(campaign), report_data())
    assert Consent.objects.count() == 0


def test_it_is_prefilled_from_a_letter_private_link(client, campaign, mp):
    letter = LetterFactory(
        template__campaign=campaign,
        status="sent",
        sent_at=timezone.now() - datetime.timedelta(days=15),
        district=mp.district,
        representative=mp,
    )
    page = client.get(url(campaign, "en") + f"?letter={letter.private_token()}")
    assert page.status_code == 200
    assert "This report is about your letter to" in page.text
    assert re.search(rf'name="district" value="{mp.district.pk}"[^>]*checked', page.text)
    assert re.search(r'name="target_kind" value="mp"[^>]*checked', page.text)
    data = report_data(
        target_kind="mp", district=str(mp.district.pk), letter_token=letter.private_token()
    )
    client.post(url(campaign, "en"), data)
    report = ReportBack.objects.get()
    assert report.letter == letter
    assert report.representative == mp


def test_it_ignores_a_forged_letter_link(client, campaign):
    page = client.get(url(campaign) + "?letter=not-a-real-token")
    assert page.status_code == 200
    client.post(url(campaign), report_data(letter_token="forged:token"))
    assert ReportBack.objects.get().letter is None


def test_it_is_a_tool_suggested_actions_can_link_to(campaign):
    with translation.override("fr"):
        assert tool_url(campaign, "report-back") == f"/fr/campagnes/{campaign.slug}/retour/"


def test_a_sent_letter_page_links_to_its_report_back_form(client, campaign):
    letter = LetterFactory(template__campaign=campaign, status="sent", sent_at=timezone.now())
    page = client.get(letter.get_absolute_url())
    assert page.status_code == 200
    link = re.search(r'href="([^"]*\?letter=[^"]+)"', page.text).group(1)
    assert link.startswith(url(campaign, "fr") + "?letter=")
    prefilled = client.get(link.replace("&amp;", "&"))
    assert "Ce rapport porte sur votre lettre" in prefilled.text
