"""Postal code lookups are limited per network; the page itself stays the same for all, cached."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from portevoix.representatives.models import District, PostalCode

OTHER_NETWORK = "203.0.113.9"


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    cache.clear()
    settings.FIND_MP_LOOKUPS_PER_NETWORK = 3
    settings.FIND_MP_LOOKUP_WINDOW_SECONDS = 600
    yield
    cache.clear()


@pytest.fixture
def ottawa_centre(federal_data):
    district = District.objects.get(number="35079")
    PostalCode.objects.create(
        code="K1A0A6", district=district, source="test", as_of=timezone.localdate()
    )
    return district


def look_up(client, code="K1A 0A6", language="en", **extra):
    path = "/en/find-your-mp/" if language == "en" else "/fr/trouver-votre-depute/"
    return client.get(path, {"postal_code": code}, **extra)


def use_up_the_limit(client):
    for _ in range(3):
        assert look_up(client).status_code == 200


def test_lookups_within_the_limit_show_the_mp(client, ottawa_centre):
    for _ in range(3):
        page = look_up(client)
        assert page.status_code == 200
        assert "Yasir Naqvi" in page.content.decode()


def test_over_the_limit_it_answers_429_with_the_form_and_what_was_typed(client, ottawa_centre):
    use_up_the_limit(client)
    page = look_up(client, code="k1a 0a6")
    assert page.status_code == 429
    text = page.content.decode()
    assert "Yasir Naqvi" not in text
    assert "Many searches have come from your connection" in text
    assert 'value="k1a 0a6"' in text
    assert 'name="postal_code"' in text
    assert int(page["Retry-After"]) > 0
    assert "public" not in page.get("Cache-Control", "")


def test_the_message_is_in_french_on_the_french_page(client, ottawa_centre):
    use_up_the_limit(client)
    page = look_up(client, language="fr")
    assert page.status_code == 429
    assert "Beaucoup de recherches" in page.content.decode()


def test_another_network_is_not_affected(client, ottawa_centre):
    use_up_the_limit(client)
    assert look_up(client).status_code == 429
    page = look_up(client, REMOTE_ADDR=OTHER_NETWORK)
    assert page.status_code == 200
    assert "Yasir Naqvi" in page.content.decode()


def test_the_page_without_a_postal_code_stays_public_and_cached(client, ottawa_centre):
    use_up_the_limit(client)
    for _ in range(5):
        page = client.get("/en/find-your-mp/")
        assert page.status_code == 200
        assert page["Cache-Control"] == "public, no-cache"
    # Opening the page spent nothing: the limit is still the same one more lookup over.
    assert look_up(client).status_code == 429


def test_an_invalid_code_does_not_count(client, ottawa_centre):
    for _ in range(5):
        assert look_up(client, code="D1A 0A6").status_code == 200
    use_up_the_limit(client)


def test_the_limit_lifts_in_the_next_window(client, ottawa_centre):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        use_up_the_limit(client)
        assert look_up(client).status_code == 429
        traveller.shift(timedelta(minutes=11))
        assert look_up(client).status_code == 200


def test_the_default_limit_applies_without_a_setting(client, ottawa_centre, settings):
    del settings.FIND_MP_LOOKUPS_PER_NETWORK
    from portevoix.representatives.views import LOOKUPS_PER_NETWORK, lookup_limits

    assert lookup_limits()[0] == LOOKUPS_PER_NETWORK == 60
    assert look_up(client).status_code == 200
