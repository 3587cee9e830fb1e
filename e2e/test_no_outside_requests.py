"""No page asks the browser to fetch anything from another site, or breaks its own policy."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from e2e.public_pages import public_urls


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_load_nothing_from_elsewhere(page, live_server, transactional_db, language):
    call_command("load_demo", "--no-staff", verbosity=0)
    own_host = urlsplit(live_server.url).netloc
    outside, policy_violations = [], []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != own_host
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            policy_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for url in public_urls(language):
        page.goto(live_server.url + url, wait_until="networkidle")
    assert outside == []
    assert policy_violations == []
