"""What the benchmarks share: a private site to measure, its services, and a load generator.

Nothing here passes or fails on a number: it measures and reports.
"""

import json
import os
import re
import runpy
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_environment(var_dir, port, smtp_port=None, extra=None):
    """The environment of a production-like site on loopback, in its own var/ folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portevoix.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "FIELD_ENCRYPTION_KEYS": secrets.token_urlsafe(40),
        "VAR_DIR": str(var_dir),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "BENCHMARK_ENDPOINTS": "1",
        # As deployed behind a proxy: form posts say which visitor each one is from
        # (bench/forms.py), so the limits per network keep their usual values.
        "BEHIND_PROXY": "1",
    }
    if smtp_port:
        env["EMAIL_HOST"], env["EMAIL_PORT"] = "127.0.0.1", str(smtp_port)
    env.update(extra or {})
    return env


def manage(env, *args, quiet=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def ensure_postgres_database(url):
    """When `url` names a PostgreSQL database, make it if it is not there yet: bin/with-postgres
    starts an empty cluster."""
    if not (url or "").startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare_site(env):
    ensure_postgres_database(env.get("DATABASE_URL"))
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo")
    for optional in ("setup_representatives", "load_demo_letters"):
        subprocess.run(
            [PYTHON, "manage.py", optional],
            cwd=ROOT,
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


@contextmanager
def running(command, env):
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def gunicorn_command(port):
    """gunicorn as deployed: the processes and threads of gunicorn.conf.py (WEB_WORKERS...)."""
    return [
        PYTHON,
        "-m",
        "gunicorn",
        "portevoix.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]


def gunicorn_settings():
    """(processes, threads) that gunicorn.conf.py gives in this environment."""
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    return config["workers"], config["threads"]


@contextmanager
def site(with_worker=True, database_url=None):
    """A prepared site served by gunicorn (+ a task worker and a local SMTP server)."""
    var_dir = Path(tempfile.mkdtemp(prefix="portevoix-bench-"))
    port, smtp_port = free_port(), free_port()
    extra = {"DATABASE_URL": database_url} if database_url else {}
    env = site_environment(var_dir, port, smtp_port, extra)
    try:
        prepare_site(env)
        smtp = [
            PYTHON,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{smtp_port}",
            "-c",
            "aiosmtpd.handlers.Sink",
        ]
        worker = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--no-reload"]
        with (
            running(smtp, env),
            running(gunicorn_command(port), env),
            running(worker, env) if with_worker else _nothing(),
        ):
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/healthz")
            yield {"base": base, "env": env, "var_dir": var_dir}
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


@contextmanager
def _nothing():
    yield None


# --- Load -------------------------------------------------------------------------------------

WRK_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, seconds, connections, threads=2, headers=(), script=None):
    """One wrk run; `script` is a Lua file that shapes each request (e.g. form posts)."""
    command = ["wrk", "--latency", "-d", f"{seconds}s", "-c", str(connections), "-t", str(threads)]
    if script:
        command += ["-s", str(script)]
    for header in headers:
        command += ["-H", header]
    completed = subprocess.run(command + [url], capture_output=True, text=True)
    if completed.returncode:
        raise RuntimeError(f"wrk failed: {completed.stderr or completed.stdout}")
    return parse_wrk(completed.stdout)


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {p: float(v) * UNITS_MS[u] for p, v, u in WRK_LINE.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": rps,
        "p50_ms": latencies.get("50"),
        "p99_ms": latencies.get("99"),
        "bad_responses": int(errors.group(1)) if errors else 0,
    }


def run_python_load(url, seconds, connections, headers=()):
    """A fallback when wrk is not installed: threads with keep-alive connections."""
    import http.client
    import threading
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    extra = dict(h.split(": ", 1) for h in headers)
    stop_at = time.monotonic() + seconds
    latencies, bad, lock = [], [0], threading.Lock()

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, my_bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", parts.path, headers=extra)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            my_bad += response.status >= 400
        with lock:
            latencies.extend(mine)
            bad[0] += my_bad

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / seconds,
        "p50_ms": latencies[len(latencies) // 2] if latencies else None,
        "p99_ms": latencies[int(len(latencies) * 0.99)] if latencies else None,
        "bad_responses": bad[0],
    }


def load(url, seconds, connections, headers=()):
    if wrk_available():
        return run_wrk(url, seconds, connections, headers=headers)
    return run_python_load(url, seconds, connections, headers=headers)


def median_of(runs, key):
    values = [run[key] for run in runs if run[key] is not None]
    return statistics.median(values) if values else None


def write_json(path, data):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
