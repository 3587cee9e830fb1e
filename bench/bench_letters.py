"""Letters: how many are accepted a second through the web, and delivered a second by workers.

`.venv/bin/python bench/bench_letters.py` prints, from one run on one database (SQLite in a
throwaway folder, or PostgreSQL when DATABASE_URL points to one, e.g. under bin/with-postgres):
- the campaign page's own requests a second, and letters a second taken from the first step
  to the confirmation email (six requests each), alternating rounds so noise touches both;
- letters a second handed to a local SMTP server by one `db_worker`, then by two.
The web side runs Django's WSGI handler in this process (no network, no gunicorn): compare
the two web figures as a ratio, not with `make bench`'s HTTP figures. It never fails.

Environment: BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (default 3),
BENCH_LETTERS (letters per delivery run, default 200).
"""

import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402 - after the project is on the path

SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LETTERS = int(os.environ.get("BENCH_LETTERS", "200"))


def environment(var_dir):
    env = {
        "DJANGO_SETTINGS_MODULE": "portevoix.settings.base",
        "VAR_DIR": str(var_dir),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "LOG_LEVEL": "WARNING",
        "LETTER_DOMAIN_RATE_PER_MINUTE": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        # Measure throughput, not the per-network limit on postal code lookups.
        "FIND_MP_LOOKUPS_PER_NETWORK": "1000000000",
    }
    os.environ.update(env)
    return {**os.environ}


def setup(var_dir):
    env = environment(var_dir)
    harness.ensure_postgres_database(env.get("DATABASE_URL"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    return env


def demo_data():
    from portevoix.campaigns.factories import CampaignFactory
    from portevoix.letters.tests.factories import (
        LetterTemplateFactory,
        RepresentativeFactory,
        postal_code_for,
    )

    campaign = CampaignFactory(slug="familles-ensemble")
    mp = RepresentativeFactory(district__name_fr="Laurier—Sainte-Marie")
    postal_code_for(mp.district, "H2X1Y4")
    return LetterTemplateFactory(campaign=campaign, key="ind-write-mp"), mp


def write_one_letter(client, template, mp, number):
    response = client.post(template.get_absolute_url(), {"postal_code": "H2X1Y4"})
    steps = response["Location"].rsplit("/", 2)[0]
    client.post(f"{steps}/destinataires/", {"district": mp.district.pk})
    client.post(f"{steps}/vous/", {"name": f"Personne {number}", "email": f"p{number}@example.org"})
    from portevoix.letters.models import Letter

    client.get(f"{steps}/ecrire/")
    body = Letter.objects.latest("pk").body + f"\n\nMes mots, numéro {number}."
    client.post(f"{steps}/ecrire/", {"subject": "Familles", "body": body})
    client.post(f"{steps}/envoyer/", {"send_letter": "on"})


def per_second(action, seconds):
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        action(count)
        count += 1
    return count / (time.perf_counter() - start)


def measure_web(template, mp):
    from django.test import Client

    client = Client()
    campaign_url = f"/fr/campagnes/{template.campaign.slug}/"
    pages, letters = [], []
    counter = iter(range(10**9))
    for _round in range(ROUNDS):
        pages.append(per_second(lambda _n: client.get(campaign_url), SECONDS))
        letters.append(
            per_second(lambda _n: write_one_letter(client, template, mp, next(counter)), SECONDS)
        )
    return statistics.median(pages), statistics.median(letters)


def queue_letters(count):
    from django.utils import timezone

    from portevoix.letters.models import Letter
    from portevoix.letters.tasks import enqueue_delivery
    from portevoix.letters.tests.factories import LetterFactory

    now = timezone.now()
    letters = LetterFactory.create_batch(
        count, status=Letter.Status.QUEUED, confirmed_at=now, next_attempt_at=now
    )
    for letter in letters:
        enqueue_delivery(letter.pk)
    return letters


def measure_delivery(env, workers):
    from aiosmtpd.controller import Controller
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    class Sink:
        received = 0

        async def handle_DATA(self, server, session, envelope):
            Sink.received += 1
            return "250 OK"

    port = harness.free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    try:
        # Only this run's letters: the confirmation emails the web side queued are dropped.
        DBTaskResult.objects.all().delete()
        with override_settings(TASKS=tasks):
            queue_letters(LETTERS)
        command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload"]
        command += ["--no-startup-delay", "--queue-name", "*", "--interval", "0.05", "-v", "0"]
        worker_env = {**env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port)}
        start = time.perf_counter()
        processes = [
            subprocess.Popen(command, cwd=ROOT, env=worker_env, stdout=subprocess.DEVNULL)
            for _worker in range(workers)
        ]
        for process in processes:
            process.wait()
        elapsed = time.perf_counter() - start
    finally:
        controller.stop()
    return Sink.received / elapsed, Sink.received


def main():
    with tempfile.TemporaryDirectory() as var_dir:
        env = setup(Path(var_dir))
        from django.db import connection

        template, mp = demo_data()
        pages, letters = measure_web(template, mp)
        one, sent_one = measure_delivery(env, 1)
        two, sent_two = measure_delivery(env, 2)
        print(f"Letters bench on {connection.vendor} ({ROUNDS} rounds of {SECONDS:g} s)")
        print(f"  campaign page, in-process WSGI:   {pages:8.1f} requests/s")
        print(f"  letters written to confirmation:  {letters:8.1f} letters/s (6 requests each)")
        print(f"  delivered by one worker:          {one:8.1f} letters/s ({sent_one} sent)")
        print(f"  delivered by two workers:         {two:8.1f} letters/s ({sent_two} sent)")


if __name__ == "__main__":
    main()
