"""A province's results page draws a map of its ridings when boundary outlines are loaded."""

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from portevoix.letters.tests.factories import DistrictFactory, RepresentativeFactory
from portevoix.reports.models import QuotePermission, ReportBack
from portevoix.results.tests.test_public_page import PRIVATE, position, report

SVG = "{http://www.w3.org/2000/svg}"
FILLS = {
    "supports": "#1a5e20",
    "undecided": "url(#map-undecided)",
    "opposed": "url(#map-opposed)",
    "unknown": None,  # the map's own white fill
}


def outlined(district, column, row=0, size=20):
    """Give a district a square outline, in the units boundary imports store."""
    x, y = 16000 + column * size, -3400 + row * size
    district.outline = f"M{x} {y}l{size} 0 0 {size}-{size} 0z"
    district.outline_box = [x, y, x + size, y + size]
    district.save()
    return district


def province_page(client, campaign, code="nb", language="en"):
    with translation.override(language):
        response = client.get(reverse("results:province", args=[campaign.slug, code]))
    assert response.status_code == 200
    return response.content.decode()


def riding_paths(page):
    tree = html.fromstring(page.encode())
    maps = tree.xpath("//*[local-name()='svg'][contains(@class, 'map')]")
    assert len(maps) == 1
    return maps[0], {
        path.xpath("string(*[local-name()='title'])"): path.get("fill")
        for path in maps[0].xpath(".//*[local-name()='path']")
    }


@pytest.fixture
def new_brunswick(campaign):
    """Four New Brunswick ridings, one MP each, and a riding whose seat is vacant."""
    mps = {
        name: RepresentativeFactory(
            name=name, district=DistrictFactory(province="NB", name_en=f"{name} Riding")
        )
        for name in ("Ana Appui", "Ugo Indécis", "Olga Contre", "Noé Silence")
    }
    vacant = DistrictFactory(province="NB", name_en="Vacant Riding")
    return mps, vacant


def test_it_draws_no_map_when_no_outlines_are_loaded(client, campaign, new_brunswick):
    mps, _vacant = new_brunswick
    position(campaign, mps["Ana Appui"], "supports")
    page = province_page(client, campaign)
    assert "<svg" not in page and "map-legend" not in page
    assert "Ana Appui" in page  # the list is there as before


def test_it_fills_each_riding_by_its_mps_position_with_a_title_and_pattern(
    client, campaign, new_brunswick
):
    mps, vacant = new_brunswick
    for column, mp in enumerate(mps.values()):
        outlined(mp.district, column)
    outlined(vacant, 4)
    position(campaign, mps["Ana Appui"], "supports")
    position(campaign, mps["Ugo Indécis"], "undecided")
    position(campaign, mps["Olga Contre"], "opposed")
    page = province_page(client, campaign)
    svg, fills = riding_paths(page)
    assert fills == {
        "Ana Appui Riding — Ana Appui: Supports": FILLS["supports"],
        "Ugo Indécis Riding — Ugo Indécis: Undecided": FILLS["undecided"],
        "Olga Contre Riding — Olga Contre: Opposed": FILLS["opposed"],
        "Noé Silence Riding — Noé Silence: Unknown": FILLS["unknown"],
        "Vacant Riding — no sitting MP: Unknown": FILLS["unknown"],
    }
    assert svg.get("role") == "img"
    assert svg.xpath("string(*[local-name()='title'])").startswith("Map of the federal ridings")
    description = svg.xpath("string(*[local-name()='desc'])")
    assert "stripes for undecided" in description
    assert "Supports: 1. Undecided: 1. Opposed: 1. Unknown: 2." in description
    assert '<pattern id="map-undecided"' in page and '<pattern id="map-opposed"' in page
    assert 'class="map-legend"' in page and '<pattern id="legend-undecided"' in page
    # The list still tells the same positions in words.
    for name in ("Ana Appui", "Ugo Indécis", "Olga Contre"):
        assert page.count(name) >= 3  # map title (riding and MP) and the table row
    assert "style=" not in page and "<script" not in page


def test_it_draws_the_map_in_french_too(client, campaign, new_brunswick):
    mps, _vacant = new_brunswick
    outlined(mps["Olga Contre"].district, 0)
    mps["Olga Contre"].district.name_fr = "Circonscription d’Olga"
    mps["Olga Contre"].district.save()
    position(campaign, mps["Olga Contre"], "opposed")
    _svg, fills = riding_paths(province_page(client, campaign, language="fr"))
    assert fills == {"Circonscription d’Olga — Olga Contre : Opposé·e": FILLS["opposed"]}


def test_it_colours_only_positions_staff_set_and_shows_no_private_text(
    client, campaign, new_brunswick
):
    mps, _vacant = new_brunswick
    told = mps["Noé Silence"]
    outlined(told.district, 0)
    report(
        campaign,
        moderation=ReportBack.Moderation.APPROVED,
        representative=told,
        stated_position="supports",
        quote_permission=QuotePermission.PRIVATE,
        published_quote="PRIVATE-QUOTE",
    )
    page = province_page(client, campaign)
    _svg, fills = riding_paths(page)
    assert fills == {"Noé Silence Riding — Noé Silence: Unknown": FILLS["unknown"]}
    for secret in PRIVATE:
        assert secret not in page


def test_it_draws_only_the_provinces_own_ridings(client, campaign, new_brunswick):
    mps, _vacant = new_brunswick
    outlined(mps["Ana Appui"].district, 0)
    elsewhere = RepresentativeFactory(name="Paul Ailleurs", district__province="NS")
    outlined(elsewhere.district, 1)
    retired = RepresentativeFactory(name="Rita Retraitée", district=mps["Ana Appui"].district)
    retired.retired_at = "2025-01-01"
    retired.save()
    _svg, fills = riding_paths(province_page(client, campaign))
    assert list(fills) == ["Ana Appui Riding — Ana Appui: Unknown"]
    assert "<svg" not in province_page(client, campaign, code="qc")


def test_it_bounds_the_queries_whatever_the_number_of_ridings(
    client, campaign, settings, django_assert_max_num_queries
):
    settings.RESULTS_CACHE_SECONDS = 0
    settings.PAGE_CACHE_ENABLED = False

    def add_ridings(count, start):
        for column in range(start, start + count):
            mp = RepresentativeFactory(district__province="NB")
            outlined(mp.district, column)
            position(campaign, mp, "supports")

    add_ridings(2, 0)
    url = reverse("results:province", args=[campaign.slug, "nb"])
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    add_ridings(30, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("<path ") == 32
