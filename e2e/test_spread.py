"""The spread kit in real Chromium: accessible, usable without JavaScript, copy with it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from portevoix.campaigns.demo_content import CAMPAIGN
from portevoix.spread.models import ShareVisit

SLUG = CAMPAIGN["slug"]
WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


def kit_path(language):
    with translation.override(language):
        return reverse("spread:kit", args=[SLUG])


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    call_command("load_demo", "--no-staff", verbosity=0)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_kit_has_no_accessibility_violations(page, live_server, demo, language):
    page.goto(live_server.url + kit_path(language))
    results = Axe().run(page, options=WCAG_A_AA)
    assert [v["id"] for v in results.response["violations"]] == []


def test_without_javascript_the_texts_are_selectable_and_links_plain(no_js_page, live_server, demo):
    page = no_js_page
    page.goto(live_server.url + kit_path("fr"))
    field = page.get_by_label("Texte pour X")
    assert "Joignez-vous à moi" in field.input_value()
    assert page.get_by_role("button", name="Copier").count() == 0  # hidden without script
    href = page.get_by_role("link", name="Partager sur Bluesky").get_attribute("href")
    text = parse_qs(urlsplit(href).query)["text"][0]
    assert text.endswith(f"{live_server.url}/fr/r/{SLUG}/bluesky/")
    page.get_by_label("Votre serveur Mastodon").fill("pas un serveur")
    page.get_by_role("button", name="Partager sur Mastodon").click()
    assert page.get_by_role("alert").is_visible()


def test_with_javascript_the_copy_button_copies(browser, live_server, demo):
    context = browser.new_context(locale="en-CA", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + kit_path("en"))
    page.locator("button[data-copy=newsletter]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_by_label("A newsletter paragraph").input_value()
    assert page.locator("#copy-status").inner_text() == "Copied."
    context.close()


def test_following_a_shared_link_counts_a_visit(no_js_page, live_server, demo):
    page = no_js_page
    page.goto(f"{live_server.url}/en/r/{SLUG}/whatsapp/")
    assert page.url.endswith(f"/en/campaigns/{SLUG}/")
    assert sum(v.count for v in ShareVisit.objects.filter(channel="whatsapp")) == 1
