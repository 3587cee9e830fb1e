"""Referral codes on shared links, and the credit they give to the action that follows.

A shared link looks like `/fr/r/<campaign>/<channel>/` or `/fr/r/<campaign>/<channel>.<code>/`.
The visit view counts it and keeps the channel and code in a signed first-party cookie;
a form that records an action asks `referral_from_request(request, campaign)` who brought
the person. Nothing follows anyone to other sites; the public pages stay cacheable
because only the redirect sets the cookie.
"""

from dataclasses import dataclass

from django.conf import settings

from portevoix.spread.models import Channel, Referrer

COOKIE_NAME = "pv_ref"
COOKIE_SALT = "spread.referral-cookie"
SEPARATOR = "."
DEFAULT_COOKIE_MAX_AGE = 30 * 24 * 3600

_REFERRED_ACTIONS = []


@dataclass(frozen=True)
class Referral:
    channel: str
    referrer: Referrer | None = None


def cookie_max_age():
    return getattr(settings, "REFERRAL_COOKIE_MAX_AGE", DEFAULT_COOKIE_MAX_AGE)


def link_code(channel, referrer=None):
    """The last part of a shared link: the channel, then the referrer's code if any."""
    return f"{channel}{SEPARATOR}{referrer.code}" if referrer else channel


def parse_link_code(link):
    """(channel, referrer code) from a link's last part; (None, "") for an unknown channel."""
    channel, separator, code = (link or "").partition(SEPARATOR)
    if channel not in Channel.values or (separator and not code):
        return None, ""
    return channel, code


def resolve(campaign, channel, code):
    """The referral a code stands for in this campaign, or None for a forged or unknown one."""
    if channel not in Channel.values:
        return None
    if not code:
        return Referral(channel)
    referrer = Referrer.objects.filter(campaign=campaign, code=code).first()
    return Referral(channel, referrer) if referrer else None


def remember(response, campaign, referral):
    value = f"{campaign.pk}:{link_code(referral.channel, referral.referrer)}"
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=COOKIE_SALT,
        max_age=cookie_max_age(),
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )


def referral_from_request(request, campaign):
    """Who brought this visitor to `campaign`, from the shared link they followed, or None.

    A missing, tampered, expired or unknown code, or one for another campaign, gives None.
    """
    return referral_from_link(campaign, referral_link_from_request(request, campaign))


def referral_link_from_request(request, campaign):
    """The shared link's last part this visitor followed to `campaign`, or "": no query.

    Kept as it is with a form accepted for later, and read with `referral_from_link`.
    """
    value = request.get_signed_cookie(
        COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=cookie_max_age()
    )
    campaign_id, _sep, link = (value or "").partition(":")
    return link if campaign_id == str(campaign.pk) else ""


def referral_from_link(campaign, link):
    if not link:
        return None
    channel, code = parse_link_code(link)
    return resolve(campaign, channel, code)


def register_referred_action(label, queryset_for_campaign):
    """Count an app's recorded actions in the referral report.

    `queryset_for_campaign(campaign)` returns the rows that count as done; they carry a
    `referral_channel` field and a `referrer` foreign key.
    """
    _REFERRED_ACTIONS.append((label, queryset_for_campaign))


def referred_actions():
    return list(_REFERRED_ACTIONS)
