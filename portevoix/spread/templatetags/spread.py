from django import template

from portevoix.spread import posts
from portevoix.spread.models import Channel

register = template.Library()


@register.simple_tag
def share_posts(campaign):
    """The prepared posts of a campaign, with anonymous tracked links (no database query)."""
    return posts.social_posts(campaign)


@register.simple_tag
def shared_link(campaign):
    return posts.tracked_link(campaign, Channel.LINK)
