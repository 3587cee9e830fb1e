"""The staff dashboard and its exports say what the records say."""

from collections import Counter

import pytest
from django.urls import reverse
from django.utils import translation

from portevoix.letters.models import Letter
from portevoix.representatives.models import District
from portevoix.results import figures
from portevoix.results.tests.generated import build, counted, csv_table, table_rows

KINDS = figures.ACTION_TYPES


@pytest.fixture
def made(campaign):
    return build(campaign)


def dashboard(client, campaign, language="en"):
    with translation.override(language):
        return client.get(reverse("results:dashboard", args=[campaign.slug]))


def export(client, campaign, key, language="en"):
    with translation.override(language):
        return client.get(reverse("results:export", args=[campaign.slug, key]))


def as_ints(rows, skip=1):
    return [[row[0], *[int(cell) for cell in row[skip:]]] for row in rows]


def test_it_counts_every_kind_of_action(admin_client, campaign, made):
    expected = {kind: len(rows) for kind, rows in counted(made).items()}
    page = dashboard(admin_client, campaign)
    assert page.status_code == 200
    shown = {row[0]: int(row[1]) for row in table_rows(page.content, "totals")}
    assert list(shown.values()) == [expected[kind] for kind in KINDS]
    header, rows = csv_table(export(admin_client, campaign, "totals"))
    assert header == ["Action", "Number"]
    assert {row[0]: int(row[1]) for row in rows} == shown
    assert all(value > 0 for value in expected.values())


def test_it_counts_letters_by_status(admin_client, campaign, made):
    expected = Counter(letter.status for letter in made["letters"])
    rows = table_rows(dashboard(admin_client, campaign).content, "letter-status")
    with translation.override("en"):
        labels = {value: str(label) for value, label in Letter.Status.choices}
    assert {row[0]: int(row[1]) for row in rows} == {
        label: expected.get(value, 0) for value, label in labels.items()
    }
    _header, csv_rows = csv_table(export(admin_client, campaign, "letter-status"))
    assert csv_rows == rows


def test_it_counts_actions_by_province_and_riding(admin_client, campaign, made):
    actions = counted(made)
    by_province = {}
    for kind, rows in actions.items():
        for row in rows:
            code = row.organization.region if kind == "endorsements" else row.province
            by_province.setdefault(code, Counter())[kind] += 1
    page = dashboard(admin_client, campaign)
    rows = as_ints(table_rows(page.content, "provinces"))
    quebec = next(row for row in rows if row[0] == "Quebec")
    assert quebec[1:-1] == [by_province["QC"][kind] for kind in KINDS]
    assert quebec[-1] == sum(by_province["QC"].values())
    national = next(row for row in rows if row[0] == "National (across Canada)")
    assert national[1:-1] == [0, 0, 0, 0, 0, by_province["CA"]["endorsements"]]
    _header, exported = csv_table(export(admin_client, campaign, "provinces"))
    assert as_ints(exported) == rows

    by_riding = {}
    for kind in figures.RIDING_ACTION_TYPES:
        for row in actions[kind]:
            if row.district_id:
                by_riding.setdefault(row.district.name_en, Counter())[kind] += 1
    riding_rows = table_rows(page.content, "ridings")
    assert {row[0]: [int(n) for n in row[2:-1]] for row in riding_rows} == {
        name: [counts[kind] for kind in figures.RIDING_ACTION_TYPES]
        for name, counts in by_riding.items()
    }
    _header, exported = csv_table(export(admin_client, campaign, "ridings"))
    assert exported == riding_rows


def test_it_counts_actions_by_week(admin_client, campaign, made):
    rows = table_rows(dashboard(admin_client, campaign).content, "weekly")
    totals = [sum(int(row[1 + index]) for row in rows) for index in range(len(KINDS))]
    assert totals == [len(rows_) for rows_ in counted(made).values()]
    weeks = [row[0] for row in rows]
    assert weeks == sorted(weeks)
    _header, exported = csv_table(export(admin_client, campaign, "weekly"))
    assert exported == rows


def test_it_lists_the_ridings_no_one_contacted(admin_client, campaign, made):
    contacted = {
        letter.district_id
        for letter in counted(made)["letters"]
        if letter.representative_id or letter.copy_mp
    }
    contacted |= {call.district_id for call in counted(made)["calls"]}
    contacted |= {meeting.district_id for meeting in counted(made)["meeting_requests"]}
    expected = sorted(
        district.name_en for district in District.objects.federal() if district.pk not in contacted
    )
    rows = table_rows(dashboard(admin_client, campaign).content, "uncontacted")
    assert sorted(row[0] for row in rows) == expected
    never_written = {mp.district.name_en for mp in made["mps"][-3:]}
    assert never_written <= set(expected)
    _header, exported = csv_table(export(admin_client, campaign, "uncontacted"))
    assert exported == rows


def test_it_counts_endorsements_by_sector_and_referrals_by_channel(admin_client, campaign, made):
    page = dashboard(admin_client, campaign)
    endorsements = counted(made)["endorsements"]
    by_sector = Counter(e.organization.sector for e in endorsements)
    rows = table_rows(page.content, "sectors")
    assert sum(int(row[1]) for row in rows) == len(endorsements)
    assert sorted(int(row[1]) for row in rows if int(row[1])) == sorted(by_sector.values())

    visits = Counter()
    for visit in made["visits"]:
        visits[visit.channel] += visit.count
    rows = table_rows(page.content, "referrals")
    assert sum(int(row[1]) for row in rows) == sum(visits.values())
    endorsements_column = rows and len(rows[0]) - 1
    assert sum(int(row[endorsements_column]) for row in rows) == len(endorsements)
    _header, exported = csv_table(export(admin_client, campaign, "referrals"))
    assert exported == rows


def test_it_shows_when_the_figures_were_counted_and_draws_charts(admin_client, campaign, made):
    page = dashboard(admin_client, campaign).content.decode()
    assert "Figures as of" in page
    assert page.count('role="img"') >= 5
    assert "<title id=" in page and "<desc id=" in page
    assert 'scope="col"' in page and 'scope="row"' in page
    assert "style=" not in page


def test_it_keeps_figures_for_a_minute(admin_client, campaign, made):
    before = table_rows(dashboard(admin_client, campaign).content, "totals")
    Letter.objects.filter(campaign=campaign).update(status=Letter.Status.DRAFT, confirmed_at=None)
    assert table_rows(dashboard(admin_client, campaign).content, "totals") == before


def test_it_is_in_french_at_its_french_address(admin_client, campaign, made):
    with translation.override("fr"):
        url = reverse("results:dashboard", args=[campaign.slug])
    assert url == f"/fr/equipe/resultats/{campaign.slug}/"
    page = admin_client.get(url).content.decode()
    assert "Lettres envoyées" in page
    assert "Chiffres en date de" in page
    response = export(admin_client, campaign, "totals", language="fr")
    header, _rows = csv_table(response)
    assert header == ["Action", "Nombre"]


def test_it_bounds_the_queries(admin_client, campaign, django_assert_max_num_queries, settings):
    settings.RESULTS_CACHE_SECONDS = 0
    build(campaign, letters=20, calls=5, meetings=5, reports=5, endorsements=5)
    with django_assert_max_num_queries(40) as small:
        dashboard(admin_client, campaign)
    build(campaign, seed=3, letters=200, calls=80, meetings=40, reports=60, endorsements=40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        dashboard(admin_client, campaign)
