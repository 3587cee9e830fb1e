"""axe-core in real Chromium on every public page, in both languages: no WCAG A/AA violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from e2e.public_pages import public_urls
from portevoix.campaigns.demo_content import CAMPAIGN

WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", "--no-staff", verbosity=0)


def violations_on(page):
    results = Axe().run(page, options=WCAG_A_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_have_no_accessibility_violations(page, live_server, demo, language):
    problems = {}
    for url in public_urls(language):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        found = violations_on(page)
        if found:
            problems[url] = found
    assert problems == {}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_form_with_errors_is_accessible(page, live_server, demo, language):
    with translation.override(language):
        url = reverse("campaigns:contact", args=[CAMPAIGN["slug"]])
    page.goto(live_server.url + url)
    page.locator("button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert violations_on(page) == []
