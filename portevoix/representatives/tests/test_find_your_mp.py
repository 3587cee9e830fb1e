"""The "Find your MP" pages: postal code in, MP card out, and the list of every riding."""

import pytest
from django.utils import timezone

from portevoix.representatives.models import District, PostalCode


@pytest.fixture
def ottawa_centre(federal_data):
    district = District.objects.get(number="35079")
    PostalCode.objects.create(
        code="K1A0A6", district=district, source="test", as_of=timezone.localdate()
    )
    return district


def test_the_page_has_a_french_and_an_english_address(client, db):
    assert client.get("/fr/trouver-votre-depute/").status_code == 200
    page = client.get("/en/find-your-mp/")
    assert page.status_code == 200
    assert "Find your MP" in page.content.decode()


def test_it_shows_the_mp_card_for_a_known_postal_code(client, ottawa_centre):
    page = client.get("/en/find-your-mp/", {"postal_code": "k1a 0a6"}).content.decode()
    assert "Yasir Naqvi" in page
    assert "Liberal" in page
    assert "Ottawa Centre" in page
    assert 'href="mailto:yasir.naqvi@parl.gc.ca"' in page
    assert "House of Commons" in page
    assert "Data as of" in page
    assert "Not your riding? Choose another" in page


def test_the_french_card_speaks_french(client, ottawa_centre):
    page = client.get("/fr/trouver-votre-depute/", {"postal_code": "K1A0A6"}).content.decode()
    assert "Ottawa-Centre" in page
    assert "Ce n’est pas votre circonscription" in page


def test_an_impossible_code_gets_a_clear_error_not_a_crash(client, db):
    page = client.get("/en/find-your-mp/", {"postal_code": "D1A 0A6"})
    assert page.status_code == 200
    assert "starts with the letter D" in page.content.decode()
    assert 'aria-invalid="true"' in page.content.decode()


def test_an_unknown_code_offers_a_suggestion_to_confirm(client, postal_data):
    page = client.get("/en/find-your-mp/", {"postal_code": "A0A 1A0"}).content.decode()
    assert "Suggestion: please confirm" in page
    assert "Cape Spear" in page
    assert "Yes, this is my riding" in page


def test_an_unknown_code_with_no_hint_sends_the_person_to_the_list(client, federal_data):
    page = client.get("/en/find-your-mp/", {"postal_code": "K1A 0A6"}).content.decode()
    assert "Choose your riding from the list" in page


def test_the_list_searches_by_mp_name_ignoring_accents(client, federal_data):
    page = client.get("/en/find-your-mp/ridings/", {"q": "naqvi"}).content.decode()
    assert "Ottawa Centre" in page
    assert "Avalon" not in page
    page = client.get("/fr/trouver-votre-depute/circonscriptions/", {"q": "TROIS RIVIERES"})
    assert "Trois-Rivières" in page.content.decode()


def test_a_riding_page_shows_its_mp(client, federal_data):
    page = client.get("/en/find-your-mp/ridings/35079/")
    assert page.status_code == 200
    assert "Yasir Naqvi" in page.content.decode()


def test_an_unknown_riding_is_404(client, federal_data):
    assert client.get("/en/find-your-mp/ridings/99999/").status_code == 404


def test_posting_is_refused(client, db):
    assert client.post("/en/find-your-mp/", {"postal_code": "K1A0A6"}).status_code == 405
    assert client.post("/en/find-your-mp/ridings/").status_code == 405


def test_a_flow_that_borrows_the_step_gets_the_chosen_riding_back(client, ottawa_centre):
    page = client.get(
        "/en/find-your-mp/", {"postal_code": "K1A0A6", "next": "/en/letters/write/?step=2"}
    ).content.decode()
    assert f"/en/letters/write/?step=2&amp;district={ottawa_centre.pk}" in page
    assert 'name="next" value="/en/letters/write/?step=2"' in page


def test_an_outside_next_address_is_ignored(client, ottawa_centre):
    for outside in ("https://evil.example/", "//evil.example/"):
        page = client.get(
            "/en/find-your-mp/", {"postal_code": "K1A0A6", "next": outside}
        ).content.decode()
        assert "Yasir Naqvi" in page
        assert 'name="next"' not in page
        assert "evil.example/?district" not in page
        assert "Continue with this riding" not in page
