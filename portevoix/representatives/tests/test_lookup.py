"""The lookup chain: local table, cache, Represent, FSA suggestion, the list of every riding."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from portevoix.representatives.lookup import (
    InvalidPostalCode,
    federal_district,
    find_representatives,
    search_districts,
)
from portevoix.representatives.models import CachedAnswer, District, PostalCode


def place(code, number):
    district = District.objects.get(number=number)
    PostalCode.objects.create(
        code=code, district=district, source="test", as_of=timezone.localdate()
    )
    return district


def test_the_local_table_answers_first(federal_data, represent_server):
    place("K1A0A6", "35079")
    result = find_representatives("k1a 0a6")
    assert result.step == "local"
    assert result.postal_code == "K1A0A6"
    assert federal_district(result).name_en == "Ottawa Centre"
    assert result.representatives()[0].name == "Yasir Naqvi"
    assert not result.is_suggestion
    assert represent_server.requests == []


def test_federal_districts_come_before_provincial_ones(federal_data, shared_data):
    from portevoix.representatives import importers

    path = shared_data / "provincial/ocd-division-ids/province-nb-electoral_districts.csv"
    importers.import_ocd_districts(path, boundary_set="nb-2024")
    provincial = District.objects.provincial("NB").get(number="4")
    PostalCode.objects.create(code="E2A1A1", district=provincial, source="t", as_of="2025-01-01")
    place("E2A1A1", "13001")
    result = find_representatives("E2A 1A1")
    assert [d.level for d in result.districts] == ["federal", "provincial"]
    assert result.province == "NB"


def test_represent_answers_and_is_remembered(federal_data, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6")
    first = find_representatives("K1A 0A6")
    assert first.step == "represent"
    assert federal_district(first).number == "35079"
    second = find_representatives("K1A0A6")
    assert second.step == "cache"
    assert federal_district(second).number == "35079"
    assert represent_server.requests == ["/postcodes/K1A0A6/"]


def test_an_old_cached_answer_is_fetched_again(federal_data, represent_server, settings):
    settings.REPRESENT_CACHE_DAYS = 30
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6")
    find_representatives("K1A0A6")
    CachedAnswer.objects.update(fetched_at=timezone.now() - timedelta(days=31))
    assert find_representatives("K1A0A6").step == "represent"
    assert len(represent_server.requests) == 2


def test_represent_creates_a_district_it_did_not_know(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6")
    result = find_representatives("K1A0A6")
    district = federal_district(result)
    assert (district.number, district.province) == ("35079", "ON")
    assert district.current_representative().email == "yasir.naqvi@parl.gc.ca"
    assert district.current_representative().source == "Represent"


def test_when_represent_is_down_the_fsa_gives_a_suggestion(postal_data, represent_server):
    represent_server.answer("/postcodes/A0A1A0/", status=503, body=b"down")
    result = find_representatives("A0A 1A0")
    assert result.step == "fsa_suggestion"
    assert result.is_suggestion
    assert federal_district(result).name_en == "Cape Spear"
    assert "confirm" in result.message
    assert not CachedAnswer.objects.exists()


def test_an_old_boundary_set_answer_is_never_used(postal_data, represent_server):
    represent_server.answer("/postcodes/H2X1Y4/", "postcode_old_boundary_set")
    result = find_representatives("H2X 1Y4")
    assert "Old Order Member" not in [p.name for p in result.representatives()]
    assert result.step in ("fsa_suggestion", "none")


def test_an_answer_with_nobody_is_remembered_and_falls_through(postal_data, represent_server):
    represent_server.answer("/postcodes/X0A0H0/", "postcode_nothing_matches")
    assert find_representatives("X0A0H0").step in ("fsa_suggestion", "none")
    find_representatives("X0A0H0")
    assert represent_server.requests == ["/postcodes/X0A0H0/"]


def test_with_represent_disabled_it_is_never_called(postal_data, represent_server, settings):
    settings.REPRESENT_ENABLED = False
    result = find_representatives("K1A 0A6")
    assert result.step == "fsa_suggestion"
    assert represent_server.requests == []


def test_when_nothing_answers_the_person_gets_the_list(db):
    result = find_representatives("K1A 0A6")
    assert (result.step, result.districts, result.is_suggestion) == ("none", [], False)
    assert "list" in result.message


def test_an_impossible_code_is_refused_before_any_step(db, represent_server):
    with pytest.raises(InvalidPostalCode):
        find_representatives("Z9Z 9Z9")
    assert represent_server.requests == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trois-rivieres", "Trois-Rivières"),
        ("TROIS RIVIÈRES", "Trois-Rivières"),
        ("ottawa-centre", "Ottawa Centre"),
        ("naqvi", "Ottawa Centre"),
        ("yasir NAQVI", "Ottawa Centre"),
    ],
)
def test_the_list_finds_a_riding_by_name_or_mp_in_either_language(federal_data, query, expected):
    assert expected in [d.name_en for d in search_districts(query)]


def test_the_list_without_a_query_has_every_riding(federal_data):
    assert search_districts("").count() == 343
    assert search_districts("nowhere-at-all").count() == 0


def test_the_command_prints_district_people_and_step(federal_data):
    place("K1A0A6", "35079")
    out = io.StringIO()
    call_command("lookup", "k1a", "0a6", stdout=out)
    assert "step: local" in out.getvalue()
    assert "Ottawa Centre" in out.getvalue() and "Yasir Naqvi" in out.getvalue()


def test_the_command_fails_for_an_impossible_code_or_no_answer(db):
    with pytest.raises(CommandError, match="letter D"):
        call_command("lookup", "D1A0A6", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("lookup", "K1A0A6", stdout=io.StringIO())
