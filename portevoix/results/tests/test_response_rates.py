"""Offices' response rates: from writers' answers, never judged on a handful of letters."""

from datetime import UTC, datetime

from django.urls import reverse
from django.utils import translation

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import (
    LetterTemplateFactory,
    MinisterFactory,
    RepresentativeFactory,
)
from portevoix.reports.models import FollowUp
from portevoix.results import figures
from portevoix.results.tests.generated import csv_table, table_rows

SENT = datetime(2025, 5, 1, 12, tzinfo=UTC)


def letters_with_answers(campaign, answers, representative=None, office_holder=None):
    template = LetterTemplateFactory(campaign=campaign)
    start = Letter.objects.count()
    for number, answer in enumerate(answers, start=start):
        letter = Letter.objects.create(
            campaign=campaign,
            template=template,
            language="fr",
            status=Letter.Status.SENT,
            sender_email=f"w{number}@example.org",
            to_email=f"o{number}@example.org",
            representative=representative,
            office_holder=office_holder,
            district=representative.district if representative else None,
            confirmed_at=SENT,
            sent_at=SENT,
        )
        FollowUp.objects.create(letter=letter, due_at=SENT, answer=answer)


def rates(client, campaign):
    with translation.override("en"):
        page = client.get(reverse("results:dashboard", args=[campaign.slug]))
    return {row[0]: row[1:] for row in table_rows(page.content, "response-rates")}


def test_it_rates_an_office_over_the_letters_whose_writers_told_us(admin_client, campaign):
    minister = MinisterFactory()
    letters_with_answers(
        campaign,
        ["useful", "useful", "not_useful", "not_yet", "not_yet", "not_yet", "not_expected", ""],
        office_holder=minister,
    )
    (row,) = rates(admin_client, campaign).values()
    # Six letters count (the "not expected" and the unanswered follow-up do not); three answered.
    assert row == ["6", "3", "2", "50"]


def test_it_hides_the_rate_of_an_office_with_few_letters(admin_client, campaign):
    small = RepresentativeFactory(name="Petite Équipe")
    letters_with_answers(campaign, ["useful"] * (figures.MIN_LETTERS_FOR_RATE - 1), small)
    row = rates(admin_client, campaign)[f"Petite Équipe ({small.district.name_en})"]
    assert row == ["4", "4", "4", "too few letters"]
    with translation.override("en"):
        url = reverse("results:export", args=[campaign.slug, "response-rates"])
    response = admin_client.get(url)
    _header, exported = csv_table(response)
    assert exported == [
        [f"Petite Équipe ({small.district.name_en})", "4", "4", "4", "too few letters"]
    ]


def test_it_shows_the_rate_from_the_minimum_on(admin_client, campaign):
    mp = RepresentativeFactory(name="Grande Équipe")
    letters_with_answers(campaign, ["not_useful", "not_yet", "not_yet", "not_yet", "not_yet"], mp)
    row = rates(admin_client, campaign)[f"Grande Équipe ({mp.district.name_en})"]
    assert row == ["5", "1", "0", "20"]


def test_it_counts_only_this_campaigns_letters(admin_client, campaign):
    from portevoix.campaigns.factories import CampaignFactory

    mp = RepresentativeFactory()
    letters_with_answers(CampaignFactory(), ["useful"] * 6, mp)
    assert rates(admin_client, campaign) == {"Nothing yet.": []}
