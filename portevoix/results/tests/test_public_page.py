"""The public results page: aggregates, MP positions set by staff, and quotes people allowed."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from portevoix.campaigns.tools import tool_url
from portevoix.letters.tests.factories import RepresentativeFactory
from portevoix.reports.models import (
    ActionType,
    MpPosition,
    Outcome,
    PositionChange,
    QuotePermission,
    ReportBack,
)
from portevoix.results.tests.generated import build, counted

PRIVATE = [
    "SECRET-DETAILS",
    "SECRET-COMMITMENTS",
    "SECRET-ATTENDEES",
    "SECRET-FOLLOW-UP",
    "secret-reporter@example.org",
    "PENDING-QUOTE",
    "PRIVATE-QUOTE",
    "Hidden Anonymous Name",
    "REJECTED-QUOTE",
]


def urls(campaign, *provinces):
    for language in ("fr", "en"):
        with translation.override(language):
            yield reverse("results:public", args=[campaign.slug])
            for province in provinces:
                yield reverse("results:province", args=[campaign.slug, province])


def report(campaign, **values):
    defaults = {
        "campaign": campaign,
        "language": "fr",
        "action_type": ActionType.MEETING,
        "outcome": Outcome.MET,
        "details": "SECRET-DETAILS",
        "commitments": "SECRET-COMMITMENTS",
        "attendees": "SECRET-ATTENDEES",
        "follow_up_needed": "SECRET-FOLLOW-UP",
        "reporter_email": "secret-reporter@example.org",
    }
    return ReportBack.objects.create(**{**defaults, **values})


def position(campaign, mp, value, summary_fr="", summary_en="", evidence_date=date(2025, 5, 2)):
    MpPosition.objects.create(
        campaign=campaign, representative=mp, position=value, since=evidence_date
    )
    PositionChange.objects.create(
        campaign=campaign,
        representative=mp,
        position=value,
        evidence=PositionChange.Evidence.PUBLIC_STATEMENT,
        evidence_date=evidence_date,
        summary_fr=summary_fr,
        summary_en=summary_en,
    )


def test_it_never_shows_private_report_text(client, campaign):
    approved = ReportBack.Moderation.APPROVED
    report(
        campaign,
        moderation=approved,
        quote_permission=QuotePermission.WITH_NAME,
        reporter_name="Aïcha Publiée",
        published_quote="NAMED-QUOTE",
    )
    report(
        campaign,
        moderation=approved,
        quote_permission=QuotePermission.ANONYMOUS,
        reporter_name="Hidden Anonymous Name",
        published_quote="ANONYMOUS-QUOTE",
    )
    report(
        campaign,
        moderation=approved,
        quote_permission=QuotePermission.PRIVATE,
        published_quote="PRIVATE-QUOTE",
    )
    report(campaign, quote_permission=QuotePermission.WITH_NAME, published_quote="PENDING-QUOTE")
    report(
        campaign,
        moderation=ReportBack.Moderation.REJECTED,
        quote_permission=QuotePermission.WITH_NAME,
        published_quote="REJECTED-QUOTE",
    )
    mp = RepresentativeFactory(district__province="QC")
    position(campaign, mp, "supports", "Appui public", "Public support")
    for url in urls(campaign, "qc"):
        page = client.get(url).content.decode()
        for secret in PRIVATE:
            assert secret not in page, (url, secret)
        if "/resultats/" in url and url.endswith("/resultats/") or url.endswith("/results/"):
            assert "NAMED-QUOTE" in page and "Aïcha Publiée" in page
            assert "ANONYMOUS-QUOTE" in page


def test_it_shows_only_positions_staff_set(client, campaign):
    told = RepresentativeFactory(name="Dit Appuyer", district__province="ON")
    report(
        campaign,
        moderation=ReportBack.Moderation.APPROVED,
        representative=told,
        stated_position="supports",
    )
    set_by_staff = RepresentativeFactory(name="Position Vérifiée", district__province="ON")
    position(campaign, set_by_staff, "opposed", "Vote contre la motion", "Voted against the motion")
    with translation.override("en"):
        page = client.get(reverse("results:province", args=[campaign.slug, "on"])).content.decode()
        main = client.get(reverse("results:public", args=[campaign.slug])).content.decode()
    assert "Position Vérifiée" in page and "Voted against the motion" in page
    assert "Dit Appuyer" not in page
    assert "Opposed" in page
    # Ontario: one opposed, one unknown (the reported position is not a staff-set one).
    assert "<td>0</td><td>0</td><td>1</td><td>1</td><td>2</td>" in main


def test_it_shows_the_summary_of_the_latest_evidence_in_each_language(client, campaign):
    mp = RepresentativeFactory(district__province="QC")
    position(campaign, mp, "undecided", "Ancienne", "Old", evidence_date=date(2025, 1, 1))
    PositionChange.objects.create(
        campaign=campaign,
        representative=mp,
        position="supports",
        evidence=PositionChange.Evidence.MEETING,
        evidence_date=date(2025, 6, 9),
        summary_fr="A promis d’écrire à la ministre",
        summary_en="Promised to write to the Minister",
    )
    MpPosition.objects.filter(representative=mp).update(position="supports")
    french, english = [client.get(url).content.decode() for url in urls(campaign, "qc")][1::2]
    assert "A promis d’écrire à la ministre" in french and "Ancienne" not in french
    assert "Promised to write to the Minister" in english and "Old" not in english
    assert "09/06/2025" in french or "2025-06-09" in french


def test_it_counts_actions_like_the_dashboard(client, campaign):
    made = build(campaign, letters=60, calls=20, meetings=20, reports=20, endorsements=20)
    expected = {kind: len(rows) for kind, rows in counted(made).items()}
    with translation.override("en"):
        page = client.get(reverse("results:public", args=[campaign.slug])).content.decode()
    for kind, label in [
        ("letters", "Letters sent"),
        ("calls", "Calls"),
        ("meetings_held", "Meetings held"),
        ("endorsements", "Endorsements"),
        ("report_backs", "Report-backs"),
    ]:
        assert f'<span class="big-number">{expected[kind]}</span> {label}' in page


def test_it_draws_a_chart_with_its_table(client, campaign):
    position(campaign, RepresentativeFactory(), "supports")
    for url in urls(campaign):
        page = client.get(url).content.decode()
        assert '<svg class="chart bar-chart" role="img"' in page
        assert "<title id=" in page and "<desc id=" in page
        assert 'id="table-positions"' in page and 'scope="row"' in page
        assert "style=" not in page and "<script" not in page


def test_it_is_at_translated_addresses_and_is_a_tool(client, campaign):
    with translation.override("fr"):
        assert reverse("results:public", args=[campaign.slug]) == (
            f"/fr/campagnes/{campaign.slug}/resultats/"
        )
        assert tool_url(campaign, "results") == f"/fr/campagnes/{campaign.slug}/resultats/"
    with translation.override("en"):
        assert tool_url(campaign, "results") == f"/en/campaigns/{campaign.slug}/results/"


def test_it_refuses_unknown_places_and_writes(client, campaign):
    with translation.override("en"):
        assert client.get(reverse("results:public", args=["nowhere"])).status_code == 404
        assert (
            client.get(reverse("results:province", args=[campaign.slug, "zz"])).status_code == 404
        )
        assert (
            client.get(reverse("results:province", args=[campaign.slug, "ON"])).status_code == 404
        )
        assert client.post(reverse("results:public", args=[campaign.slug])).status_code == 405


@pytest.fixture
def uncached(settings):
    settings.RESULTS_CACHE_SECONDS = 0
    settings.PAGE_CACHE_ENABLED = False


def test_it_bounds_the_queries(client, campaign, uncached, django_assert_max_num_queries):
    build(campaign, letters=10, calls=3, meetings=3, reports=3, endorsements=3)
    pages = [
        reverse("results:public", args=[campaign.slug]),
        reverse("results:province", args=[campaign.slug, "qc"]),
    ]
    few = []
    for url in pages:
        with django_assert_max_num_queries(20) as counted_queries:
            client.get(url)
        few.append(len(counted_queries.captured_queries))
    made = build(campaign, seed=9, letters=150, calls=50, meetings=30, reports=30, endorsements=30)
    for mp in made["mps"]:
        position(campaign, mp, "supports", "Oui", "Yes")
    for url, count in zip(pages, few, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200
