"""The Represent client against a loopback server replaying answers in the documented shape."""

import io

import pytest
from django.core.management import call_command

from portevoix.representatives.models import Representative
from portevoix.representatives.represent import (
    RepresentBadAnswer,
    RepresentClient,
    RepresentNotFound,
    RepresentRateLimited,
    RepresentTimeout,
    RepresentUnavailable,
)


def test_it_keeps_only_2023_federal_people_concordance_first(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6")
    answer = RepresentClient().postcode("K1A0A6")
    assert [person["name"] for person in answer.federal] == ["Yasir Naqvi"]
    assert [person["name"] for person in answer.other] == ["Former Member", "Joel Harden"]
    assert answer.city == "Ottawa" and answer.province == "ON"
    assert represent_server.requests == ["/postcodes/K1A0A6/"]


def test_an_absent_representatives_key_means_nobody(db, represent_server):
    represent_server.answer("/postcodes/X0A0H0/", "postcode_nothing_matches")
    answer = RepresentClient().postcode("X0A0H0")
    assert answer.federal == [] and answer.other == []


def test_a_result_from_the_old_boundary_set_is_not_federal(db, represent_server):
    represent_server.answer("/postcodes/H2X1Y4/", "postcode_old_boundary_set")
    answer = RepresentClient().postcode("H2X1Y4")
    assert answer.federal == []
    assert answer.other[0]["name"] == "Old Order Member"


def test_an_html_404_is_not_found(db, represent_server):
    # No route: the server answers the way Represent does, with an HTML page.
    with pytest.raises(RepresentNotFound):
        RepresentClient().postcode("A1A1A1")


def test_a_429_is_rate_limited(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", status=429, body=b"Too Many Requests")
    with pytest.raises(RepresentRateLimited):
        RepresentClient().postcode("K1A0A6")


def test_a_server_error_is_unavailable(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", status=503, body=b"down")
    with pytest.raises(RepresentUnavailable):
        RepresentClient().postcode("K1A0A6")


def test_a_slow_answer_times_out(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6", delay=1.5)
    with pytest.raises(RepresentTimeout):
        RepresentClient(timeout=0.3).postcode("K1A0A6")


def test_a_closed_port_is_unavailable(db, settings):
    with pytest.raises(RepresentUnavailable):
        RepresentClient(base_url="http://127.0.0.1:9", timeout=1).postcode("K1A0A6")


def test_an_answer_that_is_not_json_is_a_bad_answer(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", body=b"<html>maintenance</html>")
    with pytest.raises(RepresentBadAnswer):
        RepresentClient().postcode("K1A0A6")


def test_it_refuses_an_address_that_is_not_http(db):
    with pytest.raises(ValueError):
        RepresentClient(base_url="file:///etc/passwd")


def test_the_rate_limit_is_shared_through_the_database(db, represent_server):
    represent_server.answer("/postcodes/K1A0A6/", "postcode_K1A0A6")
    first, second = RepresentClient(per_minute=2), RepresentClient(per_minute=2)
    first.postcode("K1A0A6")
    second.postcode("K1A0A6")
    with pytest.raises(RepresentRateLimited):
        first.postcode("K1A0A6")
    assert len(represent_server.requests) == 2


def test_it_follows_pages_of_a_representative_set(db, represent_server):
    represent_server.answer(
        "/representatives/house-of-commons/?limit=100", "house_of_commons_page1"
    )
    represent_server.answer(
        "/representatives/house-of-commons/?limit=1&offset=1", "house_of_commons_page2"
    )
    names = [person["name"] for person in RepresentClient().representatives("house-of-commons")]
    assert names == ["Paul Connors", "Tom Osborne"]


def test_the_import_command_reads_a_set_from_represent(federal_data, represent_server):
    represent_server.answer(
        "/representatives/house-of-commons/?limit=100", "house_of_commons_page1"
    )
    represent_server.answer(
        "/representatives/house-of-commons/?limit=1&offset=1", "house_of_commons_page2"
    )
    out = io.StringIO()
    call_command("import_representatives", "--represent", stdout=out)
    # Two people answered out of 343: too many would leave at once, so nobody is retired.
    assert "0 retired" in out.getvalue()
    assert Representative.objects.serving().count() == 343
    call_command("import_representatives", "--represent", "--allow-retiring-many", stdout=out)
    assert "341 retired" in out.getvalue()
    connors = Representative.objects.get(name="Paul Connors", retired_at=None)
    assert connors.phones() == ["1 613 992-6036"]
    assert connors.source == "Represent house-of-commons"


def test_the_import_command_reports_represent_failing(db, represent_server):
    from django.core.management.base import CommandError

    represent_server.answer("/representatives/house-of-commons/?limit=100", status=503, body=b"")
    with pytest.raises(CommandError):
        call_command("import_representatives", "--represent")
