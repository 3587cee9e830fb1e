"""The block an organization pastes into its own website: a link and an image, no script."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portevoix.lib.i18n import current_language
from portevoix.spread.models import Channel
from portevoix.spread.posts import tracked_link

# Served under their plain names (not the hashed ones): a pasted block lives for years.
EMBED_IMAGE = "img/embed-{language}.png"
CARD_IMAGE = "img/campaign-card.png"
EMBED_SIZE = (300, 150)
CARD_SIZE = (1200, 630)


def absolute_static(path):
    return f"{settings.SITE_URL}{settings.STATIC_URL}{path}"


def embed_image_path(language=None):
    return EMBED_IMAGE.format(language=language or current_language())


def embed_snippet(campaign, referrer=None):
    language = current_language()
    return render_to_string(
        "spread/embed_snippet.html",
        {
            "link": tracked_link(campaign, Channel.EMBED, referrer),
            "image": absolute_static(embed_image_path(language)),
            "width": EMBED_SIZE[0],
            "height": EMBED_SIZE[1],
            "alt": _("%(title)s: take action") % {"title": campaign.title},
            "language": language,
        },
    ).strip()
