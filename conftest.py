"""Fixtures every test can use: the cast, a real SMTP server, a real worker, Chromium."""

import email
import email.policy
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection
from hypothesis import settings as hypothesis_settings

# In CI, generated examples are the same on every run, so a red build can be reproduced;
# locally they vary, to keep exploring.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# live_server runs in a thread while Playwright's sync API drives the page.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent
SHARED_DATA = Path(os.environ.get("PORTEVOIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def fresh_django_cache():
    """Counters and cached figures from one test never reach the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def remove_the_writers_lock_file():
    """The SQLite test database goes at the end of the run; its writers' lock file too."""
    yield
    test_database = django_settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if test_database:
        Path(f"{test_database}.writers").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no cached page, whatever earlier tests rendered."""
    from portevoix.lib.pagecache import rows, store

    store.clear()
    rows.clear()


@pytest.fixture
def cast(db):
    from portevoix.test import make_cast

    return make_cast()


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin client, past the two-step sign-in every staff account goes through."""
    from django.test import Client

    from portevoix.test import sign_in_staff

    return sign_in_staff(Client(), admin_user)


@pytest.fixture
def campaign(db):
    from portevoix.campaigns.factories import CampaignFactory

    return CampaignFactory()


@pytest.fixture(scope="session")
def shared_data():
    """The public reference data folder; tests that need it skip loudly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA} (set PORTEVOIX_SHARED_DATA)")
    return SHARED_DATA


# --- A real SMTP server on loopback ------------------------------------------------------


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list
    message: email.message.EmailMessage
    peer: tuple = ()  # the client's address and port: one per connection


@dataclass
class SmtpSink:
    host: str = "127.0.0.1"
    port: int = 0
    received: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    refuse: bool = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Try again later"
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append(
                ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), parsed, session.peer)
            )
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        with self.lock:
            return [item.message for item in self.received]

    def wait_for(self, count, timeout=10.0):
        """Wait until `count` messages arrived; return them all."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages)}")


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real aiosmtpd server on a free loopback port; `.messages` holds what it received."""
    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


def send_mail_to(sink, settings):
    """Send mail through the SMTP backend production uses, to the loopback server `sink`."""
    settings.EMAIL_BACKEND = "portevoix.lib.smtp.ReusedConnectionBackend"
    settings.EMAIL_HOST = sink.host
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""


@pytest.fixture
def smtp(smtp_server, settings):
    """Send this test's mail through the SMTP backend production uses, to the loopback server."""
    from portevoix.lib.smtp import let_go

    send_mail_to(smtp_server, settings)
    yield smtp_server
    let_go()  # the next test's server is another one


@pytest.fixture
def probe_kind():
    """An intake kind whose posts are carried out by doing nothing."""
    from portevoix.intake import actions

    actions.register("probe", lambda payload: None, email_of=lambda payload: "")
    yield "probe"
    actions._HANDLERS.pop("probe")


# --- A real task worker over the database -------------------------------------------------


def database_url_for_tests():
    """The URL of the database this test run actually uses (the test database)."""
    conf = connection.settings_dict
    if conf["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{conf['NAME']}"
    user = conf["USER"] or ""
    password = f":{conf['PASSWORD']}" if conf["PASSWORD"] else ""
    host = conf["HOST"] or "127.0.0.1"
    port = f":{conf['PORT']}" if conf["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{conf['NAME']}"


@dataclass
class WorkerRunner:
    smtp: SmtpSink | None
    processes: list = field(default_factory=list)

    def environment(self, extra=None):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portevoix.settings.base"}
        env["DATABASE_URL"] = database_url_for_tests()
        env["VAR_DIR"] = str(django_settings.VAR_DIR)
        env["SECRET_KEY"] = django_settings.SECRET_KEY
        env["LOG_LEVEL"] = "WARNING"
        if self.smtp is not None:
            env["EMAIL_HOST"], env["EMAIL_PORT"] = self.smtp.host, str(self.smtp.port)
        env.update(extra or {})
        return env

    def command(self, *args):
        return [
            sys.executable,
            str(ROOT / "manage.py"),
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--queue-name",
            "*",
            "--interval",
            "0.1",
            *args,
        ]

    def run_batch(self, timeout=60, extra_env=None):
        """Run a worker until the queue is empty; return its completed process."""
        return subprocess.run(
            self.command("--batch"),
            env=self.environment(extra_env),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def start(self, extra_env=None):
        """Start a long-running worker; it is stopped when the test ends."""
        process = subprocess.Popen(
            self.command(),
            env=self.environment(extra_env),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture
def database_tasks(settings):
    """Queue tasks in the database, as in production, instead of running them at once."""
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def worker(transactional_db, database_tasks, smtp_server, settings):
    """Start real `manage.py db_worker` processes over this test's database and SMTP server."""
    runner = WorkerRunner(smtp=smtp_server)
    try:
        yield runner
    finally:
        runner.stop_all()


# --- Real Chromium through Playwright --------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def playwright_has_own_browser():
    cache = Path.home() / ".cache" / "ms-playwright"
    return cache.is_dir() and any(cache.glob("chromium*"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if Path(CHROMIUM).exists():
        return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
    if playwright_has_own_browser():
        return {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    pytest.skip(f"!! NO CHROMIUM at {CHROMIUM}: browser test skipped (apt-get install chromium)")


@pytest.fixture
def no_js_page(browser, live_server):
    """A page with JavaScript turned off, in a browser that prefers Canadian French."""
    context = browser.new_context(java_script_enabled=False, locale="fr-CA")
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "page" in item.fixturenames or "no_js_page" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


def pdftotext_available():
    return shutil.which("pdftotext") is not None
