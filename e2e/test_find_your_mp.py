"""Find your MP in real Chromium: by postal code, and from the list when the code is unknown."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from portevoix.representatives import importers
from portevoix.representatives.models import District, PostalCode

WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


@pytest.fixture
def mps(transactional_db, shared_data):
    from portevoix.representatives.lookup import district_memory

    district_memory.clear()
    federal = shared_data / "federal"
    importers.import_elections_canada_districts(federal / "FED_CA_2023_EN.csv")
    importers.import_representatives_csv(federal / "mps_45th_parliament_joined.csv")
    PostalCode.objects.create(
        code="K1A0A6",
        district=District.objects.get(number="35079"),
        source="test",
        as_of=timezone.localdate(),
    )


def test_a_person_finds_their_mp_from_a_postal_code(page, live_server, mps):
    page.goto(f"{live_server.url}/en/find-your-mp/")
    page.get_by_label("Your postal code").fill("k1a 0a6")
    page.get_by_role("button", name="Find my MP").click()
    card = page.locator(".mp-card")
    assert card.get_by_role("heading", name="Yasir Naqvi").is_visible()
    assert "Ottawa Centre" in card.inner_text()
    assert card.get_by_role("link", name="yasir.naqvi@parl.gc.ca").is_visible()
    assert Axe().run(page, options=WCAG_A_AA).violations_count == 0


def test_with_javascript_off_an_unknown_code_leads_to_choosing_from_the_list(
    no_js_page, live_server, mps
):
    page = no_js_page
    page.goto(f"{live_server.url}/fr/trouver-votre-depute/")
    page.get_by_label("Votre code postal").fill("A1A 1A1")
    page.get_by_role("button", name="Trouver mon ou ma député·e").click()
    page.get_by_role("link", name="Choisissez votre circonscription dans la liste").click()
    page.get_by_label("Chercher par circonscription ou par nom de député·e").fill("ST JOHNS EAST")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="St. John’s-Est").click()
    assert page.get_by_role("heading", level=1).inner_text() == "St. John’s-Est"
    assert "Joanne Thompson" in page.locator(".mp-card").inner_text()


def test_an_impossible_code_is_explained_in_the_page(page, live_server, mps):
    page.goto(f"{live_server.url}/en/find-your-mp/?postal_code=W1A+0A6")
    assert "starts with the letter W" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Your postal code").get_attribute("aria-invalid") == "true"
