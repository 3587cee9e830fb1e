"""axe-core in real Chromium on every public page, in both languages: no WCAG A/AA violation."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from e2e.axe import violations_on
from e2e.public_pages import public_urls
from portevoix.campaigns.demo_content import CAMPAIGN


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", "--no-staff", verbosity=0)


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
