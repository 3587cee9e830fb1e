"""Each public page: a bounded number of queries whatever the data, and under 60 KB in all."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from e2e.public_pages import public_urls
from portevoix.campaigns.demo_content import CAMPAIGN
from portevoix.campaigns.factories import CampaignFactory, ResourceFactory, SuggestedActionFactory
from portevoix.campaigns.models import Audience, Campaign
from portevoix.endorsements.factories import EndorsementFactory
from portevoix.letters.tests.factories import RepresentativeFactory
from portevoix.reports.models import ActionType, MpPosition, Outcome, ReportBack

pytestmark = pytest.mark.django_db

PAGE_WEIGHT_LIMIT = 60 * 1024
# Public pages and the most queries each may make when rendered without the cache.
PUBLIC_PAGES = {
    "campaigns:detail": 3,
    "campaigns:organizations": 2,
    "campaigns:individuals": 2,
    "campaigns:resources": 2,
}
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"')


def urls_for(slug):
    for language in ("fr", "en"):
        with translation.override(language):
            for name in PUBLIC_PAGES:
                yield name, reverse(name, args=[slug])


def fill(campaign, count):
    for audience in Audience.values:
        for _ in range(count):
            SuggestedActionFactory(campaign=campaign, audience=audience)
    for language in ("fr", "en"):
        for _ in range(count):
            ResourceFactory(campaign=campaign, language=language)


def queries_for(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_queries_do_not_grow_with_the_data(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    small, large = CampaignFactory(), CampaignFactory()
    fill(small, 1)
    fill(large, 25)
    for (name, small_url), (_, large_url) in zip(
        urls_for(small.slug), urls_for(large.slug), strict=True
    ):
        limit = PUBLIC_PAGES[name]
        few = queries_for(client, small_url, django_assert_max_num_queries, limit)
        many = queries_for(client, large_url, django_assert_max_num_queries, limit)
        assert few == many, f"{name}: {few} queries with little data, {many} with more"


def page_weight(client, url):
    html = client.get(url).content
    total = len(html)
    for asset in sorted(set(ASSET.findall(html.decode()))):
        response = client.get(asset)
        assert response.status_code == 200, asset
        total += len(b"".join(response.streaming_content))
    return total


def every_public_url():
    return [url for language in ("fr", "en") for url in public_urls(language)]


def add_lots_of_public_data(campaign, count=30):
    """What grows on a live campaign: actions, resources, endorsers, positions, quotes."""
    fill(campaign, count)
    for _ in range(count):
        EndorsementFactory(campaign=campaign)
        mp = RepresentativeFactory()
        MpPosition.objects.create(
            campaign=campaign, representative=mp, position="supports", since="2026-01-05"
        )
        ReportBack.objects.create(
            campaign=campaign,
            language="fr",
            action_type=ActionType.LETTER,
            outcome=Outcome.ANSWERED,
            representative=mp,
            quote_permission="anonymous",
            moderation="approved",
            published_quote="Les familles doivent attendre ensemble.",
        )


def test_no_public_page_makes_more_queries_as_the_data_grows(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    settings.RESULTS_CACHE_SECONDS = 0
    call_command("load_demo", "--no-staff", verbosity=0)
    campaign = Campaign.objects.get(slug=CAMPAIGN["slug"])
    add_lots_of_public_data(campaign, count=1)
    before = {
        url: queries_for(client, url, django_assert_max_num_queries, 15)
        for url in every_public_url()
    }
    add_lots_of_public_data(campaign, count=30)
    after = {
        url: queries_for(client, url, django_assert_max_num_queries, 15)
        for url in every_public_url()
    }
    grown = {url: (before[url], after[url]) for url in before if after[url] > before[url]}
    assert grown == {}


def test_every_public_page_of_the_demo_weighs_under_60_kb(client):
    call_command("load_demo", "--no-staff", verbosity=0)
    weights = {url: page_weight(client, url) for url in every_public_url()}
    too_heavy = {url: weight for url, weight in weights.items() if weight > PAGE_WEIGHT_LIMIT}
    assert too_heavy == {}
    assert min(weights.values()) > 1000  # the pages and their stylesheet were really fetched
