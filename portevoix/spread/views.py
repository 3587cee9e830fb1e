from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from portevoix.campaigns.models import Campaign
from portevoix.campaigns.views import get_campaign_or_404
from portevoix.lib.pagecache import public_page
from portevoix.spread import posts, referrals
from portevoix.spread.embed import absolute_static, embed_image_path, embed_snippet
from portevoix.spread.models import Channel, Referrer, ShareVisit

# Link previews fetch shared links too: they are not visits by people.
PREVIEW_ROBOTS = (
    "facebookexternalhit",
    "twitterbot",
    "linkedinbot",
    "slackbot",
    "whatsapp",
    "mastodon",
    "bluesky",
    "cardyb",
    "discordbot",
    "telegrambot",
    "googlebot",
    "bingbot",
)


def referrer_from_query(request, campaign):
    """The referrer named by `?from=<code>`, or None: an unknown code is simply ignored."""
    code = request.GET.get("from", "")
    if not code:
        return None
    return Referrer.objects.filter(campaign=campaign, code=code).first()


@require_safe
@public_page
def kit(request, slug):
    campaign = get_campaign_or_404(request, slug)
    referrer = referrer_from_query(request, campaign)
    context = {
        "campaign": campaign,
        "referrer": referrer,
        "posts": posts.social_posts(campaign, referrer),
        "newsletter": posts.newsletter_paragraph(campaign, referrer),
        "circle_message": posts.circle_message(campaign, referrer),
        "plain_link": posts.tracked_link(campaign, Channel.LINK, referrer),
        "embed": embed_snippet(campaign, referrer),
        "embed_preview_image": embed_image_path(),
        "card_image": absolute_static("img/campaign-card.png"),
    }
    return render(request, "spread/kit.html", context)


@require_safe
def mastodon(request, slug):
    """The person named their Mastodon server: off to its share page with the post ready."""
    campaign = get_campaign_or_404(request, slug)
    referrer = referrer_from_query(request, campaign)
    instance = posts.clean_instance(request.GET.get("instance"))
    if not instance:
        context = {"campaign": campaign, "referrer": referrer, "typed": request.GET.get("instance")}
        return render(request, "spread/mastodon_invalid.html", context, status=400)
    post = posts.make_post(campaign, Channel.MASTODON, referrer)
    return redirect(posts.mastodon_share_address(instance, post.full_text()))


def is_link_preview(request):
    agent = request.headers.get("User-Agent", "").lower()
    return any(robot in agent for robot in PREVIEW_ROBOTS)


@require_safe
def visit(request, slug, link):
    """A shared link was followed: count it, remember who shared it, show the campaign."""
    campaign = get_object_or_404(Campaign, slug=slug)
    if not campaign.is_public():
        raise Http404
    response = redirect(campaign)
    channel, code = referrals.parse_link_code(link)
    referral = referrals.resolve(campaign, channel, code)
    if referral is None or request.method != "GET" or is_link_preview(request):
        return response
    ShareVisit.objects.record(
        campaign=campaign, channel=referral.channel, referrer=referral.referrer
    )
    referrals.remember(response, campaign, referral)
    return response
