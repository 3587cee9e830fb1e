"""The spread kit page, the embeddable block and the Open Graph tags."""

import re

import pytest
from django.core.management import call_command

from portevoix.campaigns.demo_content import CAMPAIGN
from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.factories import ReferrerFactory
from portevoix.endorsements.tests.helpers import url

pytestmark = pytest.mark.django_db
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"')


def kit(client, campaign, language="en", query=""):
    response = client.get(url("spread:kit", campaign.slug, language=language, query=query))
    assert response.status_code == 200
    return response.content.decode()


def test_the_kit_exists_in_both_languages(client, campaign):
    english = kit(client, campaign)
    french = kit(client, campaign, language="fr")
    assert "Prepared posts" in english and "A newsletter paragraph" in english
    assert "Publications prêtes à partager" in french
    assert "/fr/campagnes/" in url("spread:kit", campaign.slug, language="fr")
    assert "faire-passer-le-mot" in url("spread:kit", campaign.slug, language="fr")


def test_every_text_can_be_selected_without_javascript(client, campaign):
    html = kit(client, campaign)
    fields = re.findall(r'<textarea id="([^"]+)" readonly', html)
    assert {"text-x", "text-mastodon", "newsletter", "circle", "plain-link", "embed"} <= set(fields)
    for field in fields:
        assert f'<label for="{field}">' in html
    # Copy buttons appear only when the script that makes them work runs.
    assert re.findall(r"<button[^>]+data-copy=[^>]+hidden>", html)


def test_the_embed_block_is_a_link_and_an_image_and_nothing_else(client, campaign):
    html = kit(client, campaign, language="fr")
    snippet = re.search(r'<textarea id="embed"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "script" not in snippet.lower() and "style" not in snippet.lower()
    assert snippet.startswith(
        f"&lt;a href=&quot;https://porte-voix.example/fr/r/{campaign.slug}/embed/&quot;"
    )
    assert "https://porte-voix.example/static/img/embed-fr.png" in snippet
    assert "passez à l’action" in snippet


def test_the_kit_uses_the_referrers_code_when_given(client, campaign):
    referrer = ReferrerFactory(campaign=campaign)
    html = kit(client, campaign, query=f"?from={referrer.code}")
    assert f"/r/{campaign.slug}/newsletter.{referrer.code}/" in html
    assert "carry your referral code" in html
    forged = kit(client, campaign, query="?from=forged")
    assert "forged" not in forged.replace("?from=forged", "")
    assert "carry your referral code" not in forged


@pytest.mark.parametrize("language, locale", [("fr", "fr_CA"), ("en", "en_CA")])
def test_campaign_pages_carry_open_graph_and_twitter_cards_in_their_language(
    client, campaign, language, locale
):
    html = client.get(url("campaigns:detail", campaign.slug, language=language)).content.decode()
    title = getattr(campaign, f"title_{language}")
    assert f'<meta property="og:title" content="{title}">' in html
    assert f'<meta property="og:locale" content="{locale}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert (
        '<meta property="og:image" content="https://porte-voix.example/static/img/'
        'campaign-card.png">'
    ) in html


def test_the_campaign_home_offers_share_links_with_no_script(client, campaign):
    html = client.get(url("campaigns:detail", campaign.slug)).content.decode()
    assert "https://x.com/intent/post?" in html and "https://bsky.app/intent/compose?" in html
    assert "<script" not in html


def test_the_images_are_real_and_small(client):
    for path in ("img/campaign-card.png", "img/embed-fr.png", "img/embed-en.png"):
        response = client.get(f"/static/{path}")
        body = b"".join(response.streaming_content)
        assert body.startswith(b"\x89PNG") and len(body) < 20 * 1024


def test_queries_do_not_depend_on_the_campaign(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    campaign = CampaignFactory()
    with django_assert_max_num_queries(2):  # the campaign, the referrer's code
        kit(client, campaign, query="?from=abc")


def weight(client, path):
    html = client.get(path).content
    total = len(html)
    for asset in sorted(set(ASSET.findall(html.decode()))):
        total += len(b"".join(client.get(asset).streaming_content))
    return total


def test_outreach_pages_of_the_demo_weigh_under_60_kb(client):
    call_command("load_demo", "--no-staff", verbosity=0)
    slug = CAMPAIGN["slug"]
    for language in ("fr", "en"):
        for name in (
            "spread:kit",
            "endorsements:list",
            "endorsements:endorse",
            "endorsements:province",
            "endorsements:invite_start",
        ):
            assert weight(client, url(name, slug, language=language)) < 60 * 1024, name
