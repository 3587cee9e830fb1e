"""Every number the results pages show, computed in one place so the pages and exports agree.

Each figure is one aggregate query (`values().annotate(Count())`): the number of queries
does not grow with the number of actions. The figures are plain data with no translated
text (codes, ids, numbers, both languages of a name) so one cached copy serves both
languages; `tables.py` turns them into labelled tables.

What counts as an action (the same on every page):
- a letter: a letter sent by Porte-voix or by the writer themselves (`Letter.objects.sent()`),
  dated when it was sent;
- a call: a call with a recorded outcome other than "no answer";
- a meeting request: any request past its draft;
- a meeting held: a meeting marked held, dated when it took place;
- a report-back: any report staff did not reject;
- an endorsement: one that is confirmed and still stands (`Endorsement.objects.counted()`).
"""

import time
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr, TruncWeek
from django.utils import timezone

from portevoix.endorsements.models import Endorsement
from portevoix.letters.models import Letter
from portevoix.meetings.models import Call, MeetingRequest
from portevoix.reports.models import FollowUp, MpPosition, Position, PositionChange, ReportBack
from portevoix.representatives.models import District, Representative
from portevoix.spread.referrals import referred_actions

# A response rate is shown only over at least this many letters: an office is not judged on two.
MIN_LETTERS_FOR_RATE = 5
# Quotes on the public page: the most recent ones.
MAX_PUBLIC_QUOTES = 12
NATIONAL = "CA"

ACTION_TYPES = [
    "letters",
    "calls",
    "meeting_requests",
    "meetings_held",
    "report_backs",
    "endorsements",
]
PUBLIC_ACTION_TYPES = ["letters", "calls", "meetings_held", "endorsements", "report_backs"]
# Actions that can be placed in a riding (endorsements come from organizations, by region).
RIDING_ACTION_TYPES = ["letters", "calls", "meeting_requests", "meetings_held", "report_backs"]
POSITIONS = [Position.SUPPORTS, Position.UNDECIDED, Position.OPPOSED, Position.UNKNOWN]


def letters(campaign):
    return Letter.objects.filter(campaign=campaign).sent()


def calls(campaign):
    return Call.objects.filter(campaign=campaign).completed().exclude(outcome="")


def meeting_requests(campaign):
    return MeetingRequest.objects.filter(campaign=campaign).exclude(
        status=MeetingRequest.Status.DRAFT
    )


def meetings_held(campaign):
    return MeetingRequest.objects.filter(campaign=campaign, status=MeetingRequest.Status.HELD)


def report_backs(campaign):
    return ReportBack.objects.filter(campaign=campaign).exclude(
        moderation=ReportBack.Moderation.REJECTED
    )


def endorsements(campaign):
    return Endorsement.objects.filter(campaign=campaign).counted()


ACTIONS = {
    "letters": letters,
    "calls": calls,
    "meeting_requests": meeting_requests,
    "meetings_held": meetings_held,
    "report_backs": report_backs,
    "endorsements": endorsements,
}
# When each kind of action happened, and where (province field) it comes from.
ACTION_DATE = {
    "letters": F("sent_at"),
    "calls": F("created_at"),
    "meeting_requests": F("created_at"),
    "meetings_held": Coalesce("meeting_at", "created_at"),
    "report_backs": F("created_at"),
    "endorsements": Coalesce("confirmed_at", "created_at"),
}
ACTION_PROVINCE = {name: "province" for name in RIDING_ACTION_TYPES} | {
    "endorsements": "organization__region"
}


def grouped_counts(queryset, field):
    rows = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in rows}


# --- Figures for the staff dashboard -------------------------------------------------------


def totals(campaign, kinds=ACTION_TYPES):
    return {kind: ACTIONS[kind](campaign).count() for kind in kinds}


def weekly(campaign):
    """[{"week": date, kind: count, ...}] for every week that saw an action, oldest first."""
    weeks = {}
    for kind in ACTION_TYPES:
        for week, count in week_counts(ACTIONS[kind](campaign), ACTION_DATE[kind]).items():
            weeks.setdefault(week, dict.fromkeys(ACTION_TYPES, 0))[kind] += count
    return [{"week": week, **counts} for week, counts in sorted(weeks.items())]


def week_counts(queryset, moment):
    """{Monday of the local week: count} of the rows, by the time `moment`."""
    if connection.vendor != "sqlite":
        rows = grouped_counts(queryset.annotate(week=TruncWeek(moment)), "week")
        return {week.date(): count for week, count in rows.items() if week is not None}
    # SQLite truncates dates in Python, row by row: a million rows would take a minute.
    # Count by UTC hour in SQL instead (dates are stored as UTC text), then place each
    # hour in its local week here: a few thousand groups at most, whatever the rows.
    weeks = Counter()
    local = timezone.get_current_timezone()
    hours = grouped_counts(queryset.annotate(hour=Substr(moment, 1, 13)), "hour")
    for hour, count in hours.items():
        if hour:
            day = datetime.fromisoformat(f"{hour}:00+00:00").astimezone(local).date()
            weeks[day - timedelta(days=day.weekday())] += count
    return weeks


def by_province(campaign):
    """{province code ("" when unknown, "CA" national): {kind: count}}."""
    table = {}
    for kind in ACTION_TYPES:
        counts = grouped_counts(ACTIONS[kind](campaign), ACTION_PROVINCE[kind])
        for province, count in counts.items():
            table.setdefault(province or "", dict.fromkeys(ACTION_TYPES, 0))[kind] += count
    return table


def by_riding(campaign):
    """Federal ridings with at least one action: [{district, names, province, counts}]."""
    table = {}
    for kind in RIDING_ACTION_TYPES:
        queryset = ACTIONS[kind](campaign).filter(district__in=District.objects.federal())
        for district_id, count in grouped_counts(queryset, "district").items():
            table.setdefault(district_id, dict.fromkeys(RIDING_ACTION_TYPES, 0))[kind] += count
    districts = District.objects.filter(pk__in=table).values("pk", "name_fr", "name_en", "province")
    rows = [{**district, **table[district["pk"]]} for district in districts]
    return sorted(rows, key=lambda row: (row["province"], row["name_en"]))


def uncontacted_ridings(campaign):
    """Federal ridings whose MP got no letter (sent or copied), no call, no meeting request."""
    written = letters(campaign).filter(Q(representative__isnull=False) | Q(copy_mp=True))
    contacted = [
        written.values("district"),
        calls(campaign).values("district"),
        meeting_requests(campaign).values("district"),
    ]
    districts = District.objects.federal()
    for queryset in contacted:
        districts = districts.exclude(pk__in=queryset.exclude(district__isnull=True))
    rows = districts.order_by("province", "name_en").values("pk", "name_fr", "name_en", "province")
    return list(rows)


def response_rates(campaign):
    """Per recipient office: letters asked about, and how many of those got an answer.

    Counted over follow-ups whose writer said "useful", "not useful" or "not yet": "I did not
    expect one" and unanswered follow-ups say nothing about the office.
    """
    answered = [FollowUp.Answer.USEFUL, FollowUp.Answer.NOT_USEFUL]
    counted = [*answered, FollowUp.Answer.NOT_YET]
    rows = (
        FollowUp.objects.filter(letter__campaign=campaign, answer__in=counted)
        .order_by()
        .values(
            "letter__office_holder",
            "letter__office_holder__title_fr",
            "letter__office_holder__title_en",
            "letter__office_holder__name",
            "letter__representative",
            "letter__representative__name",
            "letter__representative__district__name_fr",
            "letter__representative__district__name_en",
        )
        .annotate(
            letters=Count("pk"),
            answered=Count("pk", filter=Q(answer__in=answered)),
            useful=Count("pk", filter=Q(answer=FollowUp.Answer.USEFUL)),
        )
    )
    offices = [office_row(row) for row in rows]
    return sorted(offices, key=lambda row: (-row["letters"], row["name_en"]))


def office_row(row):
    """The office a letter went to: the office holder it was addressed to, else the MP."""
    if row["letter__office_holder"]:
        name = row["letter__office_holder__name"]
        fr = f"{row['letter__office_holder__title_fr']}" + (f" ({name})" if name else "")
        en = f"{row['letter__office_holder__title_en']}" + (f" ({name})" if name else "")
    elif row["letter__representative"]:
        name = row["letter__representative__name"]
        fr = f"{name} ({row['letter__representative__district__name_fr']})"
        en = f"{name} ({row['letter__representative__district__name_en']})"
    else:
        fr = en = ""
    letters_count, answered = row["letters"], row["answered"]
    shown = letters_count >= MIN_LETTERS_FOR_RATE
    return {
        "name_fr": fr,
        "name_en": en,
        "letters": letters_count,
        "answered": answered,
        "useful": row["useful"],
        "rate": round(100 * answered / letters_count) if shown else None,
    }


def endorsements_by_sector(campaign):
    return grouped_counts(endorsements(campaign), "organization__sector")


def referrals_by_channel(campaign):
    """{channel ("" = none): {"visits": n, "actions": [count per registered kind]}}."""
    kinds = referred_actions()
    rows = campaign.share_visits.order_by().values("channel").annotate(total=Sum("count"))
    visits = {row["channel"]: row["total"] for row in rows}
    table = {
        channel: {"visits": total, "actions": [0] * len(kinds)} for channel, total in visits.items()
    }
    for index, (_label, queryset_for) in enumerate(kinds):
        for channel, count in grouped_counts(queryset_for(campaign), "referral_channel").items():
            row = table.setdefault(channel or "", {"visits": 0, "actions": [0] * len(kinds)})
            row["actions"][index] += count
    return table


def dashboard_figures(campaign):
    return {
        "computed_at": timezone.now(),
        "totals": totals(campaign),
        "weekly": weekly(campaign),
        "letter_status": grouped_counts(Letter.objects.filter(campaign=campaign), "status"),
        "by_province": by_province(campaign),
        "by_riding": by_riding(campaign),
        "uncontacted": uncontacted_ridings(campaign),
        "response_rates": response_rates(campaign),
        "sectors": endorsements_by_sector(campaign),
        "referrals": referrals_by_channel(campaign),
        **mp_positions(campaign),
    }


# --- Figures for the public page ---------------------------------------------------------


def serving_mps_by_province():
    serving = Representative.objects.serving().filter(district__in=District.objects.federal())
    return grouped_counts(serving, "district__province")


def mp_positions(campaign):
    """Where each serving MP stands, from staff-set `MpPosition` rows only, with evidence."""
    latest = PositionChange.objects.filter(
        campaign=campaign, representative=OuterRef("representative")
    ).order_by("-evidence_date", "-set_at")
    rows = (
        MpPosition.objects.filter(campaign=campaign, representative__retired_at__isnull=True)
        .filter(representative__district__in=District.objects.federal())
        .annotate(
            evidence_date=Subquery(latest.values("evidence_date")[:1]),
            summary_fr=Subquery(latest.values("summary_fr")[:1], output_field=CharField()),
            summary_en=Subquery(latest.values("summary_en")[:1], output_field=CharField()),
        )
        .order_by("representative__district__province", "representative__district__name_en")
        .values(
            "position",
            "since",
            "evidence_date",
            "summary_fr",
            "summary_en",
            mp=F("representative__name"),
            district=F("representative__district"),
            province=F("representative__district__province"),
            riding_fr=F("representative__district__name_fr"),
            riding_en=F("representative__district__name_en"),
        )
    )
    mps = [{**row, "evidence_date": row["evidence_date"] or row["since"]} for row in rows]
    serving = serving_mps_by_province()
    counts = {province: dict.fromkeys(POSITIONS, 0) for province in serving}
    for mp in mps:
        counts.setdefault(mp["province"], dict.fromkeys(POSITIONS, 0))[mp["position"]] += 1
    for province, row in counts.items():
        # Serving MPs with no position recorded yet count as unknown.
        row[Position.UNKNOWN] += max(0, serving.get(province, 0) - sum(row.values()))
    return {"positions": mps, "positions_by_province": counts}


def public_quotes(campaign):
    reports = ReportBack.objects.filter(campaign=campaign).quotes_for_public_display()
    reports = reports.only("published_quote", "quote_permission", "reporter_name", "language")
    return [
        {"quote": report.published_quote, "name": report.quoted_name(), "language": report.language}
        for report in reports.order_by("-moderated_at", "-pk")[:MAX_PUBLIC_QUOTES]
    ]


def public_figures(campaign):
    """Aggregates and what people agreed to publish: nothing else may be added here."""
    return {
        "computed_at": timezone.now(),
        "totals": totals(campaign, PUBLIC_ACTION_TYPES),
        **mp_positions(campaign),
        "quotes": public_quotes(campaign),
    }


# --- Caching ---------------------------------------------------------------------------------


def cache_seconds():
    return getattr(settings, "RESULTS_CACHE_SECONDS", 60)


def cache_key(kind, campaign):
    return f"results:{kind}:{campaign.pk}"


def refresh(kind, campaign, compute):
    """Count again and keep the figures, with when they were counted, for every process."""
    entry = {"at": time.time(), "figures": compute(campaign)}
    cache.set(cache_key(kind, campaign), entry, timeout=None)
    return entry["figures"]


def cached(kind, campaign, compute):
    """The figures counted within the last RESULTS_CACHE_SECONDS (60 s unless configured).

    The worker counts them again every RESULTS_CACHE_SECONDS (`refresh_results`), so a page
    finds them ready; a page counts only when they are missing or the worker fell behind.
    """
    seconds = cache_seconds()
    if seconds <= 0:
        return compute(campaign)
    entry = cache.get(cache_key(kind, campaign))
    # Twice the period: a refresh that is running or just late still counts as fresh.
    if entry is None or entry["at"] < time.time() - 2 * seconds:
        return refresh(kind, campaign, compute)
    return entry["figures"]


def refresh_all(campaigns):
    for campaign in campaigns:
        refresh("dashboard", campaign, dashboard_figures)
        refresh("public", campaign, public_figures)


def cached_dashboard_figures(campaign):
    return cached("dashboard", campaign, dashboard_figures)


def cached_public_figures(campaign):
    return cached("public", campaign, public_figures)
