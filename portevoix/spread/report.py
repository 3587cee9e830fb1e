"""What staff see: visits and actions per channel and per referrer, as counts."""

from collections import defaultdict

from django.db.models import Count, Sum

from portevoix.spread.models import Channel, Referrer
from portevoix.spread.referrals import referred_actions

NO_CHANNEL = ""


def visits_by(campaign, field):
    rows = campaign.share_visits.values(field).annotate(total=Sum("count"))
    return {row[field]: row["total"] for row in rows}


def actions_by(campaign, field):
    """{value of field: {action label: count}} over every registered kind of action."""
    table = defaultdict(dict)
    for label, queryset_for in referred_actions():
        rows = queryset_for(campaign).values(field).annotate(total=Count("pk"))
        for row in rows:
            table[row[field]][str(label)] = row["total"]
    return table


def referral_report(campaign):
    labels = [str(label) for label, _queryset in referred_actions()]
    channel_visits = visits_by(campaign, "channel")
    channel_actions = actions_by(campaign, "referral_channel")
    channels = [
        {
            "label": Channel(value).label if value in Channel.values else "",
            "visits": channel_visits.get(value, 0),
            "actions": [channel_actions.get(value, {}).get(label, 0) for label in labels],
        }
        for value in [*Channel.values, NO_CHANNEL]
        if value in channel_visits or value in channel_actions
    ]
    referrer_visits = visits_by(campaign, "referrer")
    referrer_actions = actions_by(campaign, "referrer")
    referrers = [
        {
            "referrer": referrer,
            "visits": referrer_visits.get(referrer.pk, 0),
            "actions": [referrer_actions.get(referrer.pk, {}).get(label, 0) for label in labels],
        }
        for referrer in Referrer.objects.filter(campaign=campaign).order_by("kind", "name")
        if referrer.pk in referrer_visits or referrer.pk in referrer_actions
    ]
    return {"action_labels": labels, "channels": channels, "referrers": referrers}
