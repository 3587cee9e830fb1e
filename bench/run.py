"""`make bench`: how fast the public pages and forms are, beside a bare Django view.

Starts a production-like site (gunicorn with the production settings, a task worker, a
local SMTP server; PostgreSQL when DATABASE_URL is given, SQLite otherwise), loads the
demo campaign, then for each public page in both languages alternates rounds on the page
and on a bare Django view served by the same processes, so machine noise touches both
alike, and prints the median of the rounds (the ratio: the median of each page round over
the bare rounds just before and after it). Then form submissions, then the figures of
every other bench/bench_*.py. Writes everything to bench/results/latest.json.

Environment: BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (default 3),
BENCH_CONNECTIONS (default 50), BENCH_FORM_CONNECTIONS (concurrent form posts, default 10),
BENCH_LETTER_DRAFTS (default 30000), WEB_WORKERS / WEB_THREADS (gunicorn, as when serving:
gunicorn.conf.py), BENCH_ONLY (comma-separated parts to run: pages, forms, others; default all).
It never fails on a number: it measures.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import forms, harness  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
WORKERS, THREADS = harness.gunicorn_settings()
# Which parts to run, e.g. BENCH_ONLY=forms: pages, forms, others (the other bench_*.py).
PARTS = set(os.environ.get("BENCH_ONLY", "pages,forms,others").split(","))
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"

# Public pages by URL name; those whose app is not installed yet are skipped.
PUBLIC_PAGES = [
    ("home", "campaigns:detail"),
    ("organizations", "campaigns:organizations"),
    ("individuals", "campaigns:individuals"),
    ("resources", "campaigns:resources"),
    ("find your MP", "representatives:find_mp"),
    ("endorsers", "endorsements:list"),
    ("public results", "results:public"),
]
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"')


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


def page_urls(slug):
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    for label, name in PUBLIC_PAGES:
        for language in ("fr", "en"):
            with translation.override(language):
                try:
                    yield label, language, reverse(name, args=[slug])
                except NoReverseMatch:
                    try:
                        yield label, language, reverse(name)
                    except NoReverseMatch:
                        break


def weight_and_queries(url):
    """Bytes of the page with its assets, gzipped page bytes, and queries of a fresh render."""
    from django.db import connection
    from django.test import Client, override_settings

    from portevoix.lib.pagecache import store

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    store.clear()
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_ENABLED=False), connection.execute_wrapper(count):
        html = client.get(url).content
    total = len(html)
    for asset in set(ASSET.findall(html.decode())):
        total += len(b"".join(client.get(asset).streaming_content))
    gzipped = len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content)
    return total, gzipped, len(executed)


def interleaved(yardstick_url, measure):
    """Yardstick rounds (wrk on `yardstick_url`) and `measure(round_number)` rounds in turn,
    starting and ending with the yardstick, so every measured round has a yardstick round
    just before and just after it. Returns (measured, yardsticks)."""
    measured, yardsticks = [], [harness.load(yardstick_url, SECONDS, CONNECTIONS)]
    for round_number in range(ROUNDS):
        measured.append(measure(round_number))
        yardsticks.append(harness.load(yardstick_url, SECONDS, CONNECTIONS))
    return measured, yardsticks


def ratio_to_neighbours(measured, yardsticks):
    """The median, over measured rounds, of each one's rate over the yardstick rounds around
    it (a page against the bare view, a form against the campaign page).

    The machine's speed drifts (other work on the host); a round compared with the yardstick
    rounds on either side of it feels the same drift.
    """
    ratios = [
        run["rps"] / ((before["rps"] + after["rps"]) / 2)
        for run, before, after in zip(measured, yardsticks, yardsticks[1:], strict=False)
    ]
    return statistics.median(ratios)


def warm_up(base, slug):
    """A second of load on each page: each process's first requests load code, build its URL
    tables and render the page once. A running site has done that already."""
    for _label, _language, url in page_urls(slug):
        harness.load(base + url, 1, CONNECTIONS)
    harness.load(base + "/bench/bare", 1, CONNECTIONS)


def measure_pages(base, slug):
    rows = []
    for label, language, url in page_urls(slug):
        pages, bares = interleaved(base + "/bench/bare", partial(page_round, base + url))
        weight, gzipped, queries = weight_and_queries(url)
        page_rps, bare_rps = harness.median_of(pages, "rps"), harness.median_of(bares, "rps")
        rows.append(
            {
                "page": f"{label} ({language})",
                "url": url,
                "rps": round(page_rps, 1),
                "bare_rps": round(bare_rps, 1),
                "ratio_to_bare": round(ratio_to_neighbours(pages, bares), 3),
                "p50_ms": round(harness.median_of(pages, "p50_ms"), 2),
                "p99_ms": round(harness.median_of(pages, "p99_ms"), 2),
                "bare_p99_ms": round(harness.median_of(bares, "p99_ms"), 2),
                "weight_bytes": weight,
                "gzipped_html_bytes": gzipped,
                "queries_uncached": queries,
                "bad_responses": sum(run["bad_responses"] for run in pages),
            }
        )
        print_row(rows[-1])
    return rows


def print_row(row):
    print(
        f"{row['page']:<26} {row['rps']:>8.0f} {row['bare_rps']:>8.0f} {row['ratio_to_bare']:>6.0%}"
        f" {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} {row['bare_p99_ms']:>8.1f}"
        f" {row['weight_bytes'] / 1024:>7.1f}"
        f" {row['queries_uncached']:>4}",
        flush=True,
    )


FORM_CONNECTIONS = int(os.environ.get("BENCH_FORM_CONNECTIONS", "10"))
LETTER_DRAFTS = int(os.environ.get("BENCH_LETTER_DRAFTS", "30000"))


def form_body(token, **fields):
    """A urlencoded body; wrk replaces NUMBER with a number unique to each request."""
    return urlencode({"csrfmiddlewaretoken": token, **fields})


def form_specs(base, slug):
    """(label, paths, body, cookie) for each form measured, after the bare POST."""
    token, cookie = forms.csrf_pair(base, f"/en/campaigns/{slug}/contact/")
    contact = form_body(
        token,
        name="Bench",
        email="bench.NUMBER@example.org",
        message="Measuring the contact form.",
        consent_to_reply="on",
    )
    endorsement = form_body(token, **ENDORSEMENT_FIELDS)
    letter = form_body(token, send_letter="on", follow_up="on")
    return [
        # The least a form post can cost here: every middleware, the CSRF check, a redirect.
        ("bare POST (yardstick)", ["/bench/bare-post"], form_body(token), cookie),
        ("contact", [f"/en/campaigns/{slug}/contact/"], contact, cookie),
        ("endorsement", [f"/en/campaigns/{slug}/endorse/"], endorsement, cookie),
        ("letter (confirm and queue)", forms.letter_drafts(slug, LETTER_DRAFTS), letter, cookie),
    ]


# An organization endorsing; NUMBER keeps every one distinct.
ENDORSEMENT_FIELDS = {
    "organization_name": "Bench organization NUMBER",
    "sector": "settlement",
    "region": "QC",
    "contact_name": "Bench",
    "contact_email": "endorse.NUMBER@example.org",
    "consent_contact": "on",
    "consent_listing": "on",
}


def measure_forms(base, slug):
    rows = []
    if not harness.wrk_available():
        print("(form submissions need wrk: apt-get install wrk)")
        return rows
    for label, paths, body, cookie in form_specs(base, slug):
        backlogs = []
        # Campaign page and form rounds in turn: a form round is compared with the page
        # rounds around it.
        wait_for_worker()
        post = partial(post_round, base, paths, body, cookie, backlogs)
        runs, pages = interleaved(f"{base}/en/campaigns/{slug}/", post)
        rows.append(form_row(label, runs, pages, backlogs))
        print_form_row(rows[-1])
    return rows


def page_round(url, _round_number):
    return harness.load(url, SECONDS, CONNECTIONS)


def post_round(base, paths, body, cookie, backlogs, round_number):
    if len(paths) == 1:
        run = forms.post_load(base, paths, body, cookie, SECONDS, FORM_CONNECTIONS)
    else:
        run = letter_round(base, paths[round_number::ROUNDS], body, cookie)
    # The next round, page or form, meets a quiet site, as before a burst.
    backlogs.append(wait_for_worker())
    return run


def letter_round(base, drafts, body, cookie):
    """Posts to this round's own share of the drafts: a confirmed one is not reused."""
    sent_before = letters_sent()
    run = forms.post_load(base, drafts, body, cookie, SECONDS, FORM_CONNECTIONS)
    # Once the drafts are used up, wrk posts to letters already sent: a cheaper second
    # click, not the form's work. Counted so the table can say so.
    run["repeated"] = max(run["requests"] - (letters_sent() - sent_before), 0)
    return run


def form_row(label, runs, pages, backlogs):
    return {
        "form": label,
        "rps": round(harness.median_of(runs, "rps"), 1),
        "p50_ms": round(harness.median_of(runs, "p50_ms"), 2),
        "p99_ms": round(harness.median_of(runs, "p99_ms"), 2),
        "campaign_page_rps": round(harness.median_of(pages, "rps"), 1),
        "ratio_to_campaign_page": round(ratio_to_neighbours(runs, pages), 3),
        "refused_or_failed": sum(run["bad_responses"] for run in runs),
        "repeated_posts": sum(run.get("repeated", 0) for run in runs),
        # After SECONDS of posting: what the worker still had to do, and how long it took.
        "worker_backlog_at_end": max(waiting for waiting, _seconds in backlogs),
        "worker_catch_up_seconds": max(seconds for _waiting, seconds in backlogs),
    }


def print_form_row(row):
    print(
        f"{row['form']:<28} {row['rps']:>8.0f} {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f}"
        f" {row['ratio_to_campaign_page']:>6.0%} {row['refused_or_failed']:>8}"
        f" {row['worker_backlog_at_end']:>8} {row['worker_catch_up_seconds']:>9.1f}",
        flush=True,
    )
    if row["repeated_posts"]:
        print(
            f"  ({row['repeated_posts']} posts met a letter already sent, once the drafts"
            " were used up: raise BENCH_LETTER_DRAFTS)",
            flush=True,
        )


def letters_sent():
    """Letters that have left the draft state (asked to be sent, or further on)."""
    from portevoix.letters.models import Letter

    return Letter.objects.exclude(status=Letter.Status.DRAFT).count()


def worker_backlog():
    """Work the worker still has: form posts to carry out, tasks (emails) due to run."""
    from portevoix.health.views import waiting_task_count
    from portevoix.intake.models import Submission

    return Submission.objects.count() + waiting_task_count()


def wait_for_worker(timeout=600):
    """(backlog now, seconds until the worker had none left)."""
    waiting = worker_backlog()
    started = time.monotonic()
    while worker_backlog() and time.monotonic() - started < timeout:
        time.sleep(0.5)
    return waiting, round(time.monotonic() - started, 1)


def other_benchmarks():
    results = {}
    for script in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        print(f"\n== {script.stem} ==", flush=True)
        started = time.monotonic()
        completed = subprocess.run(
            [sys.executable, str(script)],
            cwd=harness.ROOT,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        )
        print(completed.stdout + completed.stderr[-2000:], flush=True)
        results[script.stem] = {
            "exit_code": completed.returncode,
            "seconds": round(time.monotonic() - started, 1),
            "output": completed.stdout,
        }
    return results


def main():
    database_url = os.environ.get("DATABASE_URL") or None
    tool = "wrk" if harness.wrk_available() else "python threads (install wrk for better figures)"
    print(
        f"Load: {tool}, {CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS}s, "
        f"gunicorn {WORKERS} workers x {THREADS} threads, "
        f"{'PostgreSQL' if database_url else 'SQLite'}\n"
    )
    pages, form_rows, others = [], [], {}
    with harness.site(database_url=database_url) as running_site:
        setup_django(running_site["env"])
        from portevoix.campaigns.demo_content import CAMPAIGN

        slug, base = CAMPAIGN["slug"], running_site["base"]
        warm_up(base, slug)
        if "pages" in PARTS:
            print(
                f"{'page':<26} {'req/s':>8} {'bare':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7}"
                f" {'bare p99':>8} {'KB':>7} {'qry':>4}"
            )
            pages = measure_pages(base, slug)
            print()
        if "forms" in PARTS:
            print(
                f"{'form (POST, stored and queued)':<28} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7}"
                f" {'ratio':>6} {'refused':>8} {'backlog':>8} {'catch-up s':>9}"
            )
            form_rows = measure_forms(base, slug)
    if "others" in PARTS:
        others = other_benchmarks()
    harness.write_json(
        RESULTS,
        {
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "settings": {
                "seconds": SECONDS,
                "rounds": ROUNDS,
                "connections": CONNECTIONS,
                "form_connections": FORM_CONNECTIONS,
                "workers": WORKERS,
                "threads": THREADS,
                "load_tool": tool,
                "database": "postgresql" if database_url else "sqlite",
            },
            "pages": pages,
            "forms": form_rows,
            "other_benchmarks": others,
        },
    )
    print(f"\nWritten to {RESULTS.relative_to(harness.ROOT)}")


if __name__ == "__main__":
    main()
