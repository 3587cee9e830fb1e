"""Prepared posts and share links, built on our side: no third-party script on any page.

Every share address is a plain link to the network's own "share" page with the text and
the campaign's tracked address in its query string, encoded here.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from portevoix.spread.models import Channel
from portevoix.spread.referrals import link_code

# X counts any link as 23 characters; Mastodon does the same; Bluesky counts it in full.
LINK_WEIGHT = {Channel.X: 23, Channel.MASTODON: 23}
POST_LIMIT = {Channel.X: 280, Channel.BLUESKY: 300, Channel.MASTODON: 500}
SOCIAL_CHANNELS = [
    Channel.X,
    Channel.FACEBOOK,
    Channel.LINKEDIN,
    Channel.BLUESKY,
    Channel.MASTODON,
    Channel.WHATSAPP,
    Channel.EMAIL,
]
HOSTNAME = re.compile(
    r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$"
)


@dataclass
class Post:
    channel: str
    label: str
    text: str
    link: str
    share_url: str
    button: str

    def full_text(self):
        return f"{self.text}\n\n{self.link}"


def tracked_link(campaign, channel, referrer=None):
    """The campaign's address as shared through `channel`, counted when followed."""
    path = reverse("spread:visit", args=[campaign.slug, link_code(channel, referrer)])
    return settings.SITE_URL + path


def shortened(text, limit):
    """Cut at a word boundary so the text fits `limit` characters, ellipsis included."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def base_text(campaign):
    return campaign.share_text or campaign.ask


def post_text(campaign, channel, link):
    limit = POST_LIMIT.get(channel)
    if limit is None:
        return base_text(campaign)
    link_weight = LINK_WEIGHT.get(channel, len(link))
    return shortened(base_text(campaign), limit - link_weight - 2)


def encode(params):
    # quote, not quote_plus: some share pages show "+" literally instead of a space.
    return urlencode(params, quote_via=quote)


def share_address(campaign, channel, text, link):
    both = f"{text}\n\n{link}"
    if channel == Channel.X:
        return "https://x.com/intent/post?" + encode({"text": text, "url": link})
    if channel == Channel.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?" + encode({"u": link})
    if channel == Channel.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?" + encode({"url": link})
    if channel == Channel.BLUESKY:
        return "https://bsky.app/intent/compose?" + encode({"text": both})
    if channel == Channel.WHATSAPP:
        return "https://wa.me/?" + encode({"text": both})
    if channel == Channel.EMAIL:
        return "mailto:?" + encode({"subject": campaign.title, "body": both})
    return ""  # Mastodon: the person names their server first (mastodon_share_address).


def mastodon_share_address(instance, text):
    return f"https://{instance}/share?" + encode({"text": text})


def clean_instance(value):
    """A Mastodon server's host name from what a person typed, or "" if it is not one."""
    host = (value or "").strip().lower()
    host = re.sub(r"^https?://", "", host).split("/", 1)[0].lstrip("@")
    if "@" in host:  # "@name@server.social" names an account: keep the server.
        host = host.rsplit("@", 1)[1]
    return host if HOSTNAME.match(host) else ""


def make_post(campaign, channel, referrer=None):
    link = tracked_link(campaign, channel, referrer)
    text = post_text(campaign, channel, link)
    label = str(Channel(channel).label)
    address = share_address(campaign, channel, text, link)
    return Post(channel, label, text, link, address, share_button(channel, label))


def share_button(channel, label):
    if channel == Channel.EMAIL:
        return _("Write an email")
    return _("Share on %(network)s") % {"network": label}


def social_posts(campaign, referrer=None):
    return [make_post(campaign, channel, referrer) for channel in SOCIAL_CHANNELS]


def first_paragraph(text):
    return (text or "").strip().split("\n\n", 1)[0]


def newsletter_paragraph(campaign, referrer=None):
    link = tracked_link(campaign, Channel.NEWSLETTER, referrer)
    parts = [campaign.title, campaign.ask, first_paragraph(campaign.background)]
    parts.append(_("Find out how you can help, in a few minutes: %(link)s") % {"link": link})
    return "\n\n".join(part for part in parts if part)


def circle_message(campaign, referrer=None):
    """A short note for staff, board, members and donors."""
    link = tracked_link(campaign, Channel.EMAIL, referrer)
    return _(
        "We support the campaign “%(title)s”, led by %(organization)s. %(ask)s\n\n"
        "You can act too, as a person: write to your MP or to the Minister, or share the "
        "campaign. It takes a few minutes: %(link)s"
    ) % {
        "title": campaign.title,
        "organization": campaign.organization_name,
        "ask": campaign.ask,
        "link": link,
    }
