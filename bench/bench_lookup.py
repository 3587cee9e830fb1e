"""Measure the postal code lookup: codes a second and latency for the local table and the cache.

Runs on its own throwaway SQLite database under var/, with the real districts and MPs when
the reference data folder is found (REPRESENTATIVES_DATA, or ../shared/data), and prints
figures. It never fails on a timing: compare runs on the same machine.

    .venv/bin/python bench/bench_lookup.py [--codes 20000] [--lookups 5000]
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench-lookup.sqlite3"
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "portevoix.settings.base"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["REPRESENT_ENABLED"] = "0"

LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
FIRST_LETTERS = "ABCEGHJKLMNPRSTVXY"


def random_codes(count, rng):
    codes = set()
    while len(codes) < count:
        codes.add(
            rng.choice(FIRST_LETTERS)
            + str(rng.randrange(10))
            + rng.choice(LETTERS)
            + str(rng.randrange(10))
            + rng.choice(LETTERS)
            + str(rng.randrange(10))
        )
    return sorted(codes)


def prepare(code_count, rng):
    import django
    from django.core.management import call_command

    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    django.setup()
    call_command("migrate", verbosity=0)
    from django.conf import settings

    from portevoix.representatives import setup

    folder = os.environ.get("REPRESENTATIVES_DATA") or str(ROOT.parent / "shared" / "data")
    if not Path(folder).is_dir():
        sys.exit(f"reference data not found at {folder}: set REPRESENTATIVES_DATA")
    settings.REPRESENTATIVES_DATA = folder
    setup.load_from_files(folder)
    return fill_tables(random_codes(code_count * 2, rng), rng)


def fill_tables(codes, rng):
    from django.utils import timezone

    from portevoix.representatives.models import CachedAnswer, District, PostalCode

    districts = list(District.objects.federal())
    half = len(codes) // 2
    local, cached = codes[:half], codes[half:]
    today = timezone.localdate()
    PostalCode.objects.bulk_create(
        PostalCode(
            code=c, level="federal", district=rng.choice(districts), source="bench", as_of=today
        )
        for c in local
    )
    answers = CachedAnswer.objects.bulk_create(CachedAnswer(postal_code=c) for c in cached)
    through = CachedAnswer.districts.through
    through.objects.bulk_create(
        through(cachedanswer_id=a.pk, district_id=rng.choice(districts).pk) for a in answers
    )
    return local, cached


def measure(label, codes, lookups, rng, expected_step):
    from django.db import reset_queries

    from portevoix.representatives.lookup import find_representatives

    sample = [rng.choice(codes) for _ in range(lookups)]
    for code in sample[:200]:  # warm the connection and caches
        find_representatives(code)
    timings = []
    started = time.perf_counter()
    for code in sample:
        before = time.perf_counter()
        result = find_representatives(code)
        timings.append(time.perf_counter() - before)
        assert result.step == expected_step, (code, result.step)
    elapsed = time.perf_counter() - started
    # Memory is measured on a separate pass: tracing allocations slows every lookup down.
    tracemalloc.start()
    for code in sample[:1000]:
        find_representatives(code)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    reset_queries()
    timings.sort()
    print(f"{label}: {lookups} lookups over {len(codes)} codes")
    print(f"  throughput   {lookups / elapsed:8.0f} codes/s (one process)")
    for name, fraction in (("p50", 0.50), ("p90", 0.90), ("p99", 0.99)):
        print(f"  {name}          {timings[int(fraction * (len(timings) - 1))] * 1000:8.3f} ms")
    print(f"  max          {timings[-1] * 1000:8.3f} ms")
    print(f"  mean         {statistics.fmean(timings) * 1000:8.3f} ms")
    print(f"  peak memory allocated by 1,000 lookups: {peak / 1024:.0f} KiB")


def measure_district_memory():
    from portevoix.representatives.lookup import district_memory

    tracemalloc.start()
    district_memory.load()
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    count = len(district_memory.by_pk)
    print(f"districts held in memory per process: {count}, {held / 1024:.0f} KiB with their people")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=20000, help="postal codes in each table")
    parser.add_argument("--lookups", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    started = time.perf_counter()
    local, cached = prepare(options.codes, rng)
    print(
        f"setup: {time.perf_counter() - started:.1f} s (districts, MPs, {len(local)} + "
        f"{len(cached)} postal codes) in {DATABASE.relative_to(ROOT)}"
    )
    measure_district_memory()
    measure("local table", local, options.lookups, rng, "local")
    measure("cache of online answers", cached, options.lookups, rng, "cache")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process maximum resident memory: {rss / 1024:.1f} MiB")
    DATABASE.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
