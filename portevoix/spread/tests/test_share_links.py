"""Every share link opens the right network's share page with the text and address encoded."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from portevoix.endorsements.factories import ReferrerFactory
from portevoix.spread import posts
from portevoix.spread.models import Channel

pytestmark = pytest.mark.django_db

SHARE_PAGES = {
    Channel.X: ("https", "x.com", "/intent/post"),
    Channel.FACEBOOK: ("https", "www.facebook.com", "/sharer/sharer.php"),
    Channel.LINKEDIN: ("https", "www.linkedin.com", "/sharing/share-offsite/"),
    Channel.BLUESKY: ("https", "bsky.app", "/intent/compose"),
    Channel.WHATSAPP: ("https", "wa.me", "/"),
    Channel.EMAIL: ("mailto", "", ""),
}


def shared(campaign, language, referrer=None):
    with translation.override(language):
        return {post.channel: post for post in posts.social_posts(campaign, referrer)}


def query_of(address):
    return {key: values[0] for key, values in parse_qs(urlsplit(address).query).items()}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_network_gets_its_share_page_with_text_and_address(campaign, language):
    campaign.share_text_fr = "Réunir les familles : « ensemble » & vite ? #PST"
    campaign.share_text_en = "Families belong together & now? #TRP"
    text = getattr(campaign, f"share_text_{language}")
    address = f"https://porte-voix.example/{language}/r/{campaign.slug}/"
    for channel, post in shared(campaign, language).items():
        if channel == Channel.MASTODON:
            continue
        parts = urlsplit(post.share_url)
        assert (parts.scheme, parts.netloc, parts.path) == SHARE_PAGES[channel], channel
        assert "+" not in parts.query  # spaces are %20: some share pages show "+" as is
        query = query_of(post.share_url)
        link = f"{address}{channel}/"
        if channel == Channel.X:
            assert query == {"text": text, "url": link}
        elif channel == Channel.FACEBOOK:
            assert query == {"u": link}
        elif channel == Channel.LINKEDIN:
            assert query == {"url": link}
        elif channel == Channel.EMAIL:
            assert query == {
                "subject": getattr(campaign, f"title_{language}"),
                "body": f"{text}\n\n{link}",
            }
        else:
            assert query == {"text": f"{text}\n\n{link}"}


def test_links_carry_the_referrers_code(campaign):
    referrer = ReferrerFactory(campaign=campaign)
    post = shared(campaign, "en", referrer)[Channel.X]
    assert query_of(post.share_url)["url"].endswith(f"/r/{campaign.slug}/x.{referrer.code}/")


def test_a_long_text_is_shortened_to_fit_x_and_bluesky(campaign):
    campaign.share_text_en = "word " * 100
    by_channel = shared(campaign, "en")
    assert len(by_channel[Channel.X].text) + 23 + 2 <= 280
    bluesky = query_of(by_channel[Channel.BLUESKY].share_url)["text"]
    assert len(bluesky) <= 300 and bluesky.endswith(f"/{campaign.slug}/bluesky/")
    assert by_channel[Channel.X].text.endswith("…")


@pytest.mark.parametrize(
    "typed, host",
    [
        ("mastodon.social", "mastodon.social"),
        ("https://Mastodon.Social/@amina", "mastodon.social"),
        ("@amina@eldritch.cafe", "eldritch.cafe"),
        ("evil.example/phish?x=", "evil.example"),
        ("javascript:alert(1)", ""),
        ("localhost", ""),
        ("", ""),
    ],
)
def test_it_reads_a_mastodon_server_name(typed, host):
    assert posts.clean_instance(typed) == host


@pytest.mark.parametrize("language", ["fr", "en"])
def test_mastodon_sends_the_person_to_their_own_server(client, campaign, language):
    with translation.override(language):
        from django.urls import reverse

        path = reverse("spread:mastodon", args=[campaign.slug])
    response = client.get(path, {"instance": "@amina@mastodon.social"})
    assert response.status_code == 302
    parts = urlsplit(response["Location"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "mastodon.social", "/share")
    text = query_of(response["Location"])["text"]
    assert text.startswith(getattr(campaign, f"ask_{language}")[:20])
    assert text.endswith(f"/{language}/r/{campaign.slug}/mastodon/")


def test_an_unreadable_mastodon_server_is_refused_with_an_explanation(client, campaign):
    with translation.override("fr"):
        from django.urls import reverse

        path = reverse("spread:mastodon", args=[campaign.slug])
    response = client.get(path, {"instance": "pas un serveur"})
    assert response.status_code == 400
    assert "Nous n’avons pas reconnu" in response.content.decode()
