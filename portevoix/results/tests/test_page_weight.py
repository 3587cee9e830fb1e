"""The public results pages stay light with every MP's position recorded."""

from datetime import date

from django.urls import reverse
from django.utils import translation

from portevoix.reports.models import MpPosition, PositionChange
from portevoix.representatives.models import FEDERAL_BOUNDARY_SET, District, Representative

BUDGET = 60 * 1024
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


def test_it_keeps_the_largest_province_page_under_60_kb(client, campaign):
    # Ontario's 122 MPs, each with a 150-character summary of their position's evidence.
    every_mp_with_a_position(campaign, summary_length=150)
    for language in ("fr", "en"):
        with translation.override(language):
            response = client.get(reverse("results:province", args=[campaign.slug, "on"]))
        assert response.status_code == 200
        assert response.content.decode().count("<tr>") == 123
        assert len(response.content) < BUDGET, len(response.content)
