"""The public results pages stay light with every MP's position recorded, maps included."""

import math
import re
from datetime import date

from django.urls import reverse
from django.utils import translation
from lxml import html

from portevoix.reports.models import MpPosition, PositionChange
from portevoix.representatives.models import FEDERAL_BOUNDARY_SET, District, Representative

BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"')
# Seats per province and territory in the 2023 representation order: 343 in all.
SEATS = {
    "ON": 122,
    "QC": 78,
    "BC": 43,
    "AB": 37,
    "MB": 14,
    "SK": 14,
    "NS": 11,
    "NB": 10,
    "NL": 7,
    "PE": 4,
    "NT": 1,
    "NU": 1,
    "YT": 1,
}
POSITIONS = ["supports", "undecided", "opposed", "unknown"]


def weight(client, url):
    """The page and every file it loads (the style sheet): what a visitor downloads."""
    response = client.get(url)
    assert response.status_code == 200, url
    total = len(response.content)
    for asset in sorted(set(ASSET.findall(response.content.decode()))):
        total += len(b"".join(client.get(asset).streaming_content))
    return total, response.content.decode()


def every_mp_with_a_position(campaign, summary_length):
    districts = District.objects.bulk_create(
        District(
            level="federal",
            number=f"{province}{n:03d}",
            province=province,
            name_fr=f"Circonscription-de-la-Rivière-{province}-{n}",
            name_en=f"Riding-of-the-River-{province}-{n}",
            boundary_set=FEDERAL_BOUNDARY_SET,
            source="test",
            as_of=date(2025, 6, 1),
        )
        for province, seats in SEATS.items()
        for n in range(seats)
    )
    mps = Representative.objects.bulk_create(
        Representative(
            name=f"Prénom Nom-de-famille {d.number}",
            district=d,
            source="test",
            as_of=date(2025, 6, 1),
        )
        for d in districts
    )
    MpPosition.objects.bulk_create(
        MpPosition(
            campaign=campaign, representative=mp, position=POSITIONS[n % 4], since=date(2025, 5, 1)
        )
        for n, mp in enumerate(mps)
    )
    PositionChange.objects.bulk_create(
        PositionChange(
            campaign=campaign,
            representative=mp,
            position=POSITIONS[n % 4],
            evidence="public_statement",
            evidence_date=date(2025, 5, 1),
            summary_fr=("é" * summary_length),
            summary_en=("e" * summary_length),
        )
        for n, mp in enumerate(mps)
    )
    return mps


def test_it_keeps_the_results_page_under_60_kb_with_343_positions(client, campaign):
    every_mp_with_a_position(campaign, summary_length=300)
    assert MpPosition.objects.filter(campaign=campaign).count() == 343
    for language in ("fr", "en"):
        with translation.override(language):
            response = client.get(reverse("results:public", args=[campaign.slug]))
        assert response.status_code == 200
        assert len(response.content) < BUDGET
        assert "<svg" in response.content.decode()


def every_page_of(client, campaign, code):
    """(number, weight, page) of each page of a province's results, in the active language."""
    number, url = 1, reverse("results:province", args=[campaign.slug, code])
    while True:
        total, page = weight(client, url)
        yield number, total, page
        number += 1
        url = reverse("results:province_page", args=[campaign.slug, code, number])
        if f'href="{url}"' not in page:
            return


def outline(center_x, center_y, radius, points):
    """A round riding of `points` points, as boundary imports store it."""
    ring = [
        (
            round(center_x + radius * math.cos(2 * math.pi * n / points)),
            round(center_y + radius * math.sin(2 * math.pi * n / points)),
        )
        for n in range(points)
    ]
    steps = [
        f"{x2 - x1:+d}{y2 - y1:+d}".replace("+", " ")
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)
    ]
    box = [min(x for x, _ in ring), min(y for _, y in ring)]
    box += [max(x for x, _ in ring), max(y for _, y in ring)]
    return f"M{ring[0][0]} {ring[0][1]}l{''.join(steps).strip()}z", box


def give_outlines(radius, points):
    districts = list(District.objects.federal())
    for n, district in enumerate(districts):
        district.outline, district.outline_box = outline(
            16000 + (n % 12) * 3 * radius, -3400 + (n // 12) * 3 * radius, radius, points
        )
    District.objects.bulk_update(districts, ["outline", "outline_box"])


def test_it_keeps_every_page_of_the_largest_province_under_60_kb(client, campaign):
    # Ontario's 122 MPs, each with the longest summary of their position's evidence (300
    # characters, two bytes each in French): the list is split in pages.
    every_mp_with_a_position(campaign, summary_length=300)
    for language in ("fr", "en"):
        with translation.override(language):
            pages = list(every_page_of(client, campaign, "on"))
        assert len(pages) == 9
        rows = []
        for _number, total, page in pages:
            assert total < BUDGET, (language, _number, total)
            rows += html.fromstring(page).xpath("//table[@id='table-mp-positions']/tbody/tr")
        # Every MP once, over the pages.
        assert len(rows) == 122
        assert len({row.xpath("string(td[1])") for row in rows}) == 122


def test_it_refuses_pages_past_the_end_and_a_second_address_for_the_first(client, campaign):
    every_mp_with_a_position(campaign, summary_length=10)
    with translation.override("en"):
        assert client.get(reverse("results:province_page", args=[campaign.slug, "on", 9]))
        for missing in (0, 1, 10):
            url = reverse("results:province_page", args=[campaign.slug, "on", missing])
            assert client.get(url).status_code == 404, missing
        url = reverse("results:province_page", args=[campaign.slug, "pe", 2])
        assert client.get(url).status_code == 404


def test_it_keeps_every_province_page_under_60_kb_with_a_map(client, campaign):
    # Outlines like real ones: about 20 points and 100 bytes a riding.
    every_mp_with_a_position(campaign, summary_length=300)
    give_outlines(radius=30, points=20)
    for language in ("fr", "en"):
        with translation.override(language):
            for code in SEATS:
                for number, total, page in every_page_of(client, campaign, code.lower()):
                    assert total < BUDGET, (language, code, number, total)
                    assert ('class="chart map"' in page) == (number == 1), (code, number)
                    if number == 1:
                        assert page.count("<path ") == SEATS[code]


def test_it_leaves_out_a_map_too_heavy_for_the_page(client, campaign):
    # Every riding at the most points an outline may have, each step hundreds of units long.
    every_mp_with_a_position(campaign, summary_length=300)
    give_outlines(radius=4000, points=40)
    for language in ("fr", "en"):
        with translation.override(language):
            for number, total, page in every_page_of(client, campaign, "on"):
                assert total < BUDGET, (language, number, total)
                assert 'class="chart map"' not in page
            _number, total, page = next(every_page_of(client, campaign, "pe"))
            assert 'class="chart map"' in page and total < BUDGET
