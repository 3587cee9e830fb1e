"""A steady stream of endorsements: does the worker keep up, and how long do people wait?

`.venv/bin/python bench/bench_stream.py` starts a production-like site (gunicorn, a task
worker, a local SMTP server; SQLite in a throwaway folder, or PostgreSQL when DATABASE_URL
points to one), posts endorsements at a steady rate, like a campaign shared all afternoon
rather than a burst, and prints every few seconds how many were posted and how much work
the worker still had waiting (posts to carry out, emails due). Then how long it took to
clear the rest once the stream stopped. A worker that keeps up holds the wait steady; one
that falls behind lets it grow with every second. It never fails on a number.

Environment: BENCH_STREAM_RATE (posts a second, default 100), BENCH_STREAM_SECONDS
(default 30).
"""

import os
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import forms, harness  # noqa: E402 - after the project is on the path
from bench import run as bench_run  # noqa: E402

RATE = float(os.environ.get("BENCH_STREAM_RATE", "100"))
SECONDS = float(os.environ.get("BENCH_STREAM_SECONDS", "30"))
POSTERS = 8  # threads, each posting its share of the stream on time
REPORT_EVERY = 5


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the thank-you page is not part of the post


class Stream:
    """Endorsements posted at RATE a second for SECONDS, spread over POSTERS threads."""

    def __init__(self, base, slug):
        token, cookie = forms.csrf_pair(base, f"/en/campaigns/{slug}/contact/")
        self.url = f"{base}/en/campaigns/{slug}/endorse/"
        self.body = bench_run.form_body(token, **bench_run.ENDORSEMENT_FIELDS)
        self.headers = {
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        self.opener = urllib.request.build_opener(NoRedirect)
        self.first_number = forms.fresh_numbers(int(RATE * SECONDS))
        self.posted = self.refused = 0
        self.counting = threading.Lock()
        self.started = time.monotonic()

    def post(self, number):
        number += self.first_number
        body = self.body.replace("NUMBER", str(number)).encode()
        headers = {**self.headers, "X-Forwarded-For": forms.visitor(number)}
        request = urllib.request.Request(self.url, data=body, headers=headers)
        try:
            self.opener.open(request).read()
            accepted = False  # a 200 is the form shown again: refused
        except urllib.error.HTTPError as answer:
            accepted = answer.code == 302
        with self.counting:
            self.posted += accepted
            self.refused += not accepted

    def poster(self, first):
        for number in range(first, int(RATE * SECONDS), POSTERS):
            due = self.started + number / RATE
            time.sleep(max(0.0, due - time.monotonic()))
            self.post(number)

    def run(self):
        threads = [threading.Thread(target=self.poster, args=(k,)) for k in range(POSTERS)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(REPORT_EVERY)
            print(
                f"{time.monotonic() - self.started:>6.0f} s {self.posted:>8} posted"
                f" {bench_run.worker_backlog():>8} waiting",
                flush=True,
            )
        for thread in threads:
            thread.join()


def main():
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"A steady stream of {RATE:.0f} endorsements a second for {SECONDS:.0f} s, {database}")
    with harness.site(database_url=os.environ.get("DATABASE_URL") or None) as site:
        bench_run.setup_django(site["env"])
        from portevoix.campaigns.demo_content import CAMPAIGN

        stream = Stream(site["base"], CAMPAIGN["slug"])
        stream.run()
        waiting, seconds = bench_run.wait_for_worker()
        print(
            f"stream over: {stream.posted} posted ({stream.refused} refused), {waiting} waiting,"
            f" cleared in {seconds:.1f} s"
        )


if __name__ == "__main__":
    main()
