"""Results: how fast the staff dashboard and the public results page answer over a million actions.

`.venv/bin/python bench/bench_results.py [--actions 1000000]` builds, in a throwaway SQLite
database (or PostgreSQL when DATABASE_URL points to one, e.g. under bin/with-postgres), one
campaign with that many actions (half letters sent, the rest calls, meeting requests,
report-backs and endorsements, plus follow-up answers and shared-link visits) over 343 federal
ridings, with bulk inserts and empty encrypted fields. It prints how long building took, then
the p50 and p99 response times of both pages through Django's test client (in this process, no
network), with caching and without. It never fails on a number: compare runs on one machine.

`measure(actions)` returns the figures as a dict for bench/run.py.
Environment: BENCH_RESULTS_ACTIONS (default 1000000), BENCH_RESULTS_REQUESTS (default 20).
"""

import argparse
import os
import random
import secrets
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402 - after the project is on the path

ACTIONS = int(os.environ.get("BENCH_RESULTS_ACTIONS", "1000000"))
REQUESTS = int(os.environ.get("BENCH_RESULTS_REQUESTS", "20"))
BATCH = 5000
# Share of the actions per kind: letters are what people do most.
MIX = {"letters": 0.5, "calls": 0.2, "meetings": 0.1, "reports": 0.1, "endorsements": 0.1}
SEATS = {"ON": 122, "QC": 78, "BC": 43, "AB": 37, "MB": 14, "SK": 14, "NS": 11, "NB": 10,
         "NL": 7, "PE": 4, "NT": 1, "NU": 1, "YT": 1}  # fmt: skip
START = datetime(2025, 1, 6, 14, tzinfo=UTC)


def environment(var_dir):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portevoix.settings.base",
            "VAR_DIR": str(var_dir),
            "SECRET_KEY": secrets.token_urlsafe(40),
            "FIELD_ENCRYPTION_KEYS": secrets.token_urlsafe(40),
            "LOG_LEVEL": "WARNING",
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
        }
    )
    harness.ensure_postgres_database(os.environ.get("DATABASE_URL"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def fast_insert(model, count, vary, **common):
    """Insert `count` rows: `common` values shared by all, `vary(n)` those of row n.

    Plain INSERTs of prepared values, BATCH at a time: building a model object per row costs
    about half a millisecond, which would make a million rows take many minutes.
    """
    from django.db import connection, transaction

    prototype = model(**common)
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    shared = {
        f.attname: f.get_db_prep_save(f.pre_save(prototype, True), connection) for f in fields
    }
    by_name = {field.attname: field for field in fields}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    # Names come from the models and are quoted; every value is a parameter.
    table = connection.ops.quote_name(model._meta.db_table)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608

    adapters = {name: adapter(field, connection) for name, field in by_name.items()}

    def row(n):
        values = dict(shared)
        for name, value in vary(n).items():
            values[name] = adapters[name](value)
        return [values[field.attname] for field in fields]

    for first in range(0, count, BATCH):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, [row(n) for n in range(first, min(first + BATCH, count))])


def adapter(field, connection):
    """A fast stand-in for `field.get_db_prep_save` on the kinds of values the bench varies."""
    kind = field.get_internal_type()
    if kind == "UUIDField" and not connection.features.has_native_uuid_field:
        return lambda value: value.hex
    if kind == "DateTimeField":
        return connection.ops.adapt_datetimefield_value
    return lambda value: value


def when(rng):
    return START + timedelta(minutes=rng.randrange(0, 200 * 24 * 60))


def ridings():
    from portevoix.representatives.models import FEDERAL_BOUNDARY_SET, District, Representative

    as_of = date(2025, 6, 1)
    districts = District.objects.bulk_create(
        District(level="federal", number=f"{province}{n:03d}", province=province,
                 name_fr=f"Circonscription {province} {n}", name_en=f"Riding {province} {n}",
                 boundary_set=FEDERAL_BOUNDARY_SET, source="bench", as_of=as_of)
        for province, seats in SEATS.items()
        for n in range(seats)
    )  # fmt: skip
    return Representative.objects.bulk_create(
        Representative(name=f"MP {d.number}", district=d, source="bench", as_of=as_of)
        for d in districts
    )


def build(actions, seed=2025):
    """One campaign with `actions` actions; returns it and how many rows of each kind."""
    from django.db.models import F

    from portevoix.campaigns.factories import CampaignFactory
    from portevoix.endorsements.models import Endorsement, Organization, Sector
    from portevoix.letters.models import Letter
    from portevoix.letters.tests.factories import LetterTemplateFactory
    from portevoix.meetings.models import Call, MeetingRequest
    from portevoix.reports.models import FollowUp, MpPosition, ReportBack
    from portevoix.spread.models import Channel, ShareVisit

    rng = random.Random(seed)
    campaign = CampaignFactory(slug="familles-ensemble")
    template = LetterTemplateFactory(campaign=campaign)
    mps = ridings()
    # A tenth of the ridings see no action, so "not contacted yet" has something to list.
    active = mps[: len(mps) * 9 // 10]
    counts = {kind: int(actions * share) for kind, share in MIX.items()}

    def placed(mp):
        return {
            "district_id": mp.district_id,
            "province": mp.district.province,
            "representative_id": mp.pk,
        }

    def letter(n):
        mp = rng.choice(active)
        return {
            "public_id": uuid.uuid4(),
            "sender_email": f"w{n}@bench.example",
            "to_email": f"mp{mp.pk}@bench.example",
            "sent_at": (sent_at := when(rng)),
            "confirmed_at": sent_at,  # a letter sent was confirmed first
            "message_id": f"<b{n}@bench>",
            **placed(mp),
        }

    fast_insert(
        Letter, counts["letters"], letter,
        campaign=campaign, template=template, language="fr", status="sent",
    )  # fmt: skip
    # Every fifth letter sent was followed up, with any answer (or none yet).
    asked = Letter.objects.filter(campaign=campaign).annotate(fifth=F("pk") % 5).filter(fifth=0)
    asked = list(asked.values_list("pk", "sent_at"))
    answers = [*FollowUp.Answer.values, ""]
    call_outcomes, meeting_statuses = Call.Outcome.values, MeetingRequest.Status.values
    sectors, channels = Sector.values, ["", *Channel.values]
    fast_insert(
        FollowUp, len(asked),
        lambda n: {"letter_id": asked[n][0], "due_at": asked[n][1], "answer": rng.choice(answers)},
        due_at=START,
    )  # fmt: skip
    fast_insert(
        Call, counts["calls"],
        lambda n: {"public_id": uuid.uuid4(), "outcome": rng.choice(call_outcomes),
                   "created_at": when(rng), **placed(rng.choice(active))},
        campaign=campaign, language="en",
    )  # fmt: skip
    fast_insert(
        MeetingRequest, counts["meetings"],
        lambda n: {"public_id": uuid.uuid4(), "status": rng.choice(meeting_statuses),
                   "meeting_at": when(rng), "created_at": when(rng), **placed(rng.choice(active))},
        campaign=campaign, language="fr", organizer_name="Bench",
        organizer_email="organizer@bench.example",
    )  # fmt: skip
    fast_insert(
        ReportBack, counts["reports"],
        lambda n: {"public_id": uuid.uuid4(), "created_at": when(rng),
                   "district_id": rng.choice(active).district_id},
        campaign=campaign, language="fr", action_type="letter", outcome="answered",
        moderation="approved",
    )  # fmt: skip
    fast_insert(
        Organization, counts["endorsements"],
        lambda n: {"name": f"Org {n}", "sector": rng.choice(sectors),
                   "region": rng.choice(list(SEATS)), "contact_email": f"org{n}@bench.example"},
        contact_name="Bench",
    )  # fmt: skip
    organizations = list(Organization.objects.values_list("pk", flat=True))
    fast_insert(
        Endorsement, len(organizations),
        lambda n: {"public_id": uuid.uuid4(), "organization_id": organizations[n],
                   "status": rng.choice(["pending", "approved"]), "confirmed_at": when(rng),
                   "referral_channel": rng.choice(channels)},
        campaign=campaign, language="fr",
    )  # fmt: skip
    ShareVisit.objects.bulk_create(
        ShareVisit(campaign=campaign, channel=rng.choice(Channel.values),
                   day=when(rng).date(), count=rng.randrange(1, 500))
        for _n in range(2000)
    )  # fmt: skip
    positions = ["supports", "undecided", "opposed", "unknown"]
    MpPosition.objects.bulk_create(
        MpPosition(campaign=campaign, representative=mp, position=rng.choice(positions),
                   since=date(2025, 5, 1))
        for mp in mps[::2]
    )  # fmt: skip
    return campaign, counts


def timings(client, url, requests):
    """p50 and p99 in ms over `requests` GETs (after one warm-up), and the status seen."""
    status = client.get(url).status_code
    spent = []
    for _n in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        spent.append((time.perf_counter() - started) * 1000)
        status = max(status, response.status_code)
    spent.sort()
    return {
        "p50_ms": round(spent[len(spent) // 2], 2),
        "p99_ms": round(spent[min(len(spent) - 1, int(len(spent) * 0.99))], 2),
        "status": status,
    }


def measure_pages(campaign, requests):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client, override_settings
    from django.urls import reverse
    from django.utils import translation

    from portevoix.lib.pagecache import store
    from portevoix.test import sign_in_staff

    user = get_user_model().objects.create_user("bench", "b@bench.example", is_staff=True)
    user.is_superuser = True
    user.save()
    staff, visitor = sign_in_staff(Client(), user), Client()
    with translation.override("fr"):
        dashboard = reverse("results:dashboard", args=[campaign.slug])
        public = reverse("results:public", args=[campaign.slug])
    slow = max(2, requests // 5)  # an uncached dashboard over a million rows takes a while
    results = {}
    with override_settings(RESULTS_CACHE_SECONDS=0, PAGE_CACHE_ENABLED=False):
        results["dashboard, no cache"] = timings(staff, dashboard, slow)
        results["public page, no cache"] = timings(visitor, public, slow)
    cache.clear()
    store.clear()
    with override_settings(RESULTS_CACHE_SECONDS=60, PAGE_CACHE_ENABLED=False):
        results["dashboard, figures cached"] = timings(staff, dashboard, requests)
        results["public page, figures cached"] = timings(visitor, public, requests)
    with override_settings(RESULTS_CACHE_SECONDS=60, PAGE_CACHE_ENABLED=True):
        results["public page, page cached"] = timings(visitor, public, requests)
    return results


def measure(actions=ACTIONS, requests=REQUESTS):
    """Build the campaign, time both pages; a dict of every figure measured."""
    with tempfile.TemporaryDirectory() as var_dir:
        environment(Path(var_dir))
        from django.db import connection

        started = time.perf_counter()
        campaign, counts = build(actions)
        built = time.perf_counter() - started
        return {
            "database": connection.vendor,
            "actions": sum(counts.values()),
            "rows_by_kind": counts,
            "build_seconds": round(built, 1),
            "requests": requests,
            "pages": measure_pages(campaign, requests),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=ACTIONS)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    options = parser.parse_args()
    figures = measure(options.actions, options.requests)
    kinds = ", ".join(f"{n} {kind}" for kind, n in figures["rows_by_kind"].items())
    print(f"Results bench on {figures['database']}: {figures['actions']} actions ({kinds})")
    print(f"  built in {figures['build_seconds']} s (bulk inserts of {BATCH})")
    print(f"  {'page':<30} {'p50 ms':>10} {'p99 ms':>10} {'status':>7}")
    for page, row in figures["pages"].items():
        print(f"  {page:<30} {row['p50_ms']:>10.1f} {row['p99_ms']:>10.1f} {row['status']:>7}")


if __name__ == "__main__":
    main()
