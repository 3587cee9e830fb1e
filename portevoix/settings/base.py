"""Settings shared by every environment.

With no environment variable at all, Porte-voix runs on SQLite under var/, keeps a
secret key generated once in var/, and writes outgoing mail as files in var/mail/.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portevoix.settings.env import (
    EnvironmentError_,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_secret,
    env_str,
    secret_kept_in,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_secret("SECRET_KEY") or secret_kept_in(VAR_DIR / "secret_key")
# Keys for sensitive text at rest, newest first (see portevoix/lib/encryption.py).
FIELD_ENCRYPTION_KEYS = [
    key.strip() for key in env_secret("FIELD_ENCRYPTION_KEYS").split(",") if key.strip()
] or [secret_kept_in(VAR_DIR / "field_encryption_key")]
DEBUG = env_bool("DEBUG", False)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

INSTALLED_APPS = [
    "portevoix.health",  # before django_tasks_db: its db_worker adds a heartbeat
    "portevoix.campaigns",
    "portevoix.privacy",
    "portevoix.staff",
    "portevoix.api",
    "portevoix.representatives",
    "portevoix.letters",
    "portevoix.endorsements",
    "portevoix.spread",
    "portevoix.meetings",
    "portevoix.reports",
    "portevoix.results",
    "portevoix.intake",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portevoix.lib.security.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached public pages are answered here, with the headers above and nothing below.
    "portevoix.lib.pagecache.PageCacheMiddleware",
    # Django's, with shortcuts for the busiest requests (portevoix/lib/middleware.py): the
    # language read from the address, and public form posts past the staff middleware.
    "portevoix.lib.middleware.SessionMiddleware",
    "portevoix.lib.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "portevoix.lib.middleware.AuthenticationMiddleware",
    "portevoix.staff.middleware.RequireTwoFactorMiddleware",
    "portevoix.lib.middleware.MessageMiddleware",
]

ROOT_URLCONF = "portevoix.urls"
WSGI_APPLICATION = "portevoix.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portevoix.lib.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portevoix.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}


def postgresql_options(prepared_statements):
    """How statements go to PostgreSQL: with `prepared_statements`, their values apart from
    them (server-side binding), so that a statement a connection has run five times is kept
    parsed and planned on the server and only its values are sent after that. Django turns
    this off by default because a pooler in transaction mode (PgBouncer before 1.21, or
    without `max_prepared_statements`) hands each transaction to any server connection, where
    the kept statement is unknown.
    """
    if not prepared_statements:
        return {}
    return {"server_side_binding": True, "prepare_threshold": 5}


if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Every form post is one statement, always the same: planning it again each time cost
    # PostgreSQL's process as much as running it (README, Performance). Those statements run
    # on a cursor kept for each connection (portevoix/lib/db/postgresql).
    DATABASES["default"]["ENGINE"] = "portevoix.lib.db.postgresql"
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        **postgresql_options(env_bool("DATABASE_PREPARED_STATEMENTS", True)),
    }
elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web and worker) share one SQLite file: wait for locks
    # instead of failing, and let readers proceed while one process writes.
    # Connections are kept (DATABASE_CONN_MAX_AGE, 60 s): opening one reads the whole
    # schema again, which costs more than answering most requests. Writers take turns
    # through a lock the kernel hands over at once (portevoix/lib/db/sqlite3).
    DATABASES["default"]["ENGINE"] = "portevoix.lib.db.sqlite3"
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        # PRAGMA optimize (run as each connection closes) reads at most 1,000 rows per index.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=1000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Shared by every process on the host (web workers and the task worker): counters for rate
# limits and the results figures must agree between them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("CACHE_DIR", str(VAR_DIR / "cache")),
    }
}
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded files are never served as pages: views stream them as attachments.
MEDIA_URL = "/media-not-served/"

# Mail: SMTP when EMAIL_HOST is set, otherwise one .eml file per message in var/mail/.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
if EMAIL_HOST:
    # Django's, keeping the connection open from one message to the next (lib/smtp.py).
    EMAIL_BACKEND = "portevoix.lib.smtp.ReusedConnectionBackend"
else:
    EMAIL_BACKEND = "portevoix.lib.mailfiles.EmlFileBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Porte-voix <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where contact messages are announced when a campaign names no address of its own.
STAFF_NOTIFICATION_EMAILS = env_list("STAFF_NOTIFICATION_EMAILS", [])
# Staff read notifications in this language.
STAFF_LANGUAGE = env_str("STAFF_LANGUAGE", "fr")

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Public pages are kept per process until public content changes (portevoix/lib/pagecache.py).
# The version file's modification time is the content version: on several hosts, put it on
# storage they share.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
CONTENT_VERSION_FILE = env_str("CONTENT_VERSION_FILE", str(VAR_DIR / "content-version"))

# `make bench` compares pages with a bare view at /bench/bare, served only when this is on.
BENCHMARK_ENDPOINTS = env_bool("BENCHMARK_ENDPOINTS", False)

# /healthz reports unhealthy when the worker has been silent longer than this.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 120)

# Behind a reverse proxy (nginx, Caddy), requests reach the site from the proxy: the visitor's
# address is then read from X-Forwarded-For (portevoix.lib.hashing), and HTTPS from
# X-Forwarded-Proto (settings.prod). PROXY_ADDRESSES: where the proxy reaches the site from
# (a local socket always counts). PROXY_HOPS: how many proxies in a chain add to
# X-Forwarded-For (a CDN before nginx: 2).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
PROXY_ADDRESSES = env_networks("PROXY_ADDRESSES", ["127.0.0.1", "::1"])
PROXY_HOPS = env_int("PROXY_HOPS", 1)
if PROXY_HOPS < 1:
    # Fewer would bring back one limit shared by every visitor, without a word.
    raise EnvironmentError_(f"PROXY_HOPS must be 1 or more, not {PROXY_HOPS}")

# Contact form limits: messages accepted per hour from one address and from one network address.
CONTACT_LIMIT_PER_EMAIL = env_int("CONTACT_LIMIT_PER_EMAIL", 3)
CONTACT_LIMIT_PER_IP = env_int("CONTACT_LIMIT_PER_IP", 10)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGIN_URL = "admin:login"
# Pages under these paths are for staff who completed the two-step sign-in.
# The admin, and the staff results dashboard in each language.
STAFF_PATH_PREFIXES = ["/admin/", "/fr/equipe/resultats/", "/en/staff/results/"]
# Sign-in attempts: this many failures within the window, per account or per network
# address, and further attempts are refused until the window has passed.
SIGN_IN_THROTTLE_WINDOW = env_int("SIGN_IN_THROTTLE_WINDOW", 15 * 60)
SIGN_IN_FAILURES_PER_ACCOUNT = env_int("SIGN_IN_FAILURES_PER_ACCOUNT", 5)
SIGN_IN_FAILURES_PER_NETWORK = env_int("SIGN_IN_FAILURES_PER_NETWORK", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Representatives: the Represent API (Open North) and local data files.
REPRESENT_ENABLED = env_bool("REPRESENT_ENABLED", False)
REPRESENT_API_URL = env_str("REPRESENT_API_URL", "https://represent.opennorth.ca").rstrip("/")
REPRESENT_TIMEOUT = env_int("REPRESENT_TIMEOUT", 5)
REPRESENT_REQUESTS_PER_MINUTE = env_int("REPRESENT_REQUESTS_PER_MINUTE", 55)
# Online answers older than this many days are fetched again.
REPRESENT_CACHE_DAYS = env_int("REPRESENT_CACHE_DAYS", 30)
# A folder laid out like the public reference data (federal/, postal/, provincial/).
REPRESENTATIVES_DATA = env_str("REPRESENTATIVES_DATA", "")

# Letters: composing, confirming and delivering letters (portevoix/letters/README.md). ---------
# The envelope sender and From address of letters; From shows the writer's name beside it.
LETTER_FROM_EMAIL = env_str("LETTER_FROM_EMAIL", "")
# Message-IDs of letters end in @<this>; by default the host name of SITE_URL.
LETTER_MESSAGE_ID_DOMAIN = env_str("LETTER_MESSAGE_ID_DOMAIN", "")
# A confirmation link works this many seconds (7 days); a reminder goes out after this many (1 day).
LETTER_CONFIRMATION_MAX_AGE = env_int("LETTER_CONFIRMATION_MAX_AGE", 7 * 24 * 3600)
LETTER_REMINDER_AFTER = env_int("LETTER_REMINDER_AFTER", 24 * 3600)
# Seconds to wait before each new attempt after a temporary SMTP failure; then the letter fails.
LETTER_RETRY_DELAYS = [
    int(delay) for delay in env_list("LETTER_RETRY_DELAYS", ["60", "300", "1800", "7200", "21600"])
]
# A letter still "sending" after this many seconds belongs to a worker that died.
LETTER_STUCK_AFTER = env_int("LETTER_STUCK_AFTER", 10 * 60)
# A queued letter due this long ago whose task may have been lost is queued again.
LETTER_LOST_TASK_AFTER = env_int("LETTER_LOST_TASK_AFTER", 10 * 60)
# How often the worker sweeps for stuck letters, lost tasks and due reminders.
LETTER_SWEEP_INTERVAL = env_int("LETTER_SWEEP_INTERVAL", 60)
# Letters a minute to any one recipient domain (parl.gc.ca...); 0 means no limit.
LETTER_DOMAIN_RATE_PER_MINUTE = env_int("LETTER_DOMAIN_RATE_PER_MINUTE", 20)
# Letters never confirmed are deleted this many days after their link stopped working.
UNCONFIRMED_LETTER_RETENTION_DAYS = env_int("UNCONFIRMED_LETTER_RETENTION_DAYS", 30)
# TrueType fonts with French and Arabic glyphs for PDF letters (Debian: fonts-dejavu-core).
LETTER_FONT_DIR = env_str("LETTER_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
# fpdf2 subsets fonts through fontTools, which reports every glyph at INFO level.
LOGGING["loggers"]["fontTools"] = {"level": "WARNING"}

# Form posts (endorsements, letters sent by Porte-voix) are stored as one row and carried out
# by the worker; one that fails this many times waits for staff (admin: "form submissions").
INTAKE_MAX_ATTEMPTS = env_int("INTAKE_MAX_ATTEMPTS", 5)
# ...and is deleted, with what the person typed, this many days after it was sent.
INTAKE_KEEP_FAILED_DAYS = env_int("INTAKE_KEEP_FAILED_DAYS", 30)
# Background tasks (each email sent is one) are deleted this many days after they finished,
# with their arguments and errors (portevoix/health/task_results.py).
TASK_RESULTS_KEEP_DAYS = env_int("TASK_RESULTS_KEEP_DAYS", 14)
# While posts arrive faster than it carries them out, the worker pauses between them, so the
# web processes have the processors (and, on SQLite, the database). Turn off for a worker on
# a machine of its own, where pausing would leave its processors idle.
WORKER_GIVES_WAY_TO_BURSTS = env_bool("WORKER_GIVES_WAY_TO_BURSTS", True)

# Privacy: who answers questions about personal data, and how long data is kept.
PRIVACY_OFFICER_NAME = env_str("PRIVACY_OFFICER_NAME", "")
PRIVACY_OFFICER_EMAIL = env_str("PRIVACY_OFFICER_EMAIL", "")
# A link to see, download or erase one's data works this many seconds.
PERSONAL_DATA_LINK_MAX_AGE = env_int("PERSONAL_DATA_LINK_MAX_AGE", 24 * 3600)
PERSONAL_DATA_REQUESTS_PER_HOUR = env_int("PERSONAL_DATA_REQUESTS_PER_HOUR", 3)
# Contact messages are deleted this many days after they arrive.
CONTACT_MESSAGE_RETENTION_DAYS = env_int("CONTACT_MESSAGE_RETENTION_DAYS", 365)

# Endorsements, invitations and referral codes (see the README).
ENDORSEMENT_CONFIRMATION_MAX_AGE = env_int("ENDORSEMENT_CONFIRMATION_MAX_AGE", 7 * 24 * 3600)
ENDORSEMENTS_PER_HOUR_PER_NETWORK = env_int("ENDORSEMENTS_PER_HOUR_PER_NETWORK", 10)
# Find-your-MP: postal code lookups answered per network address in a sliding window.
FIND_MP_LOOKUPS_PER_NETWORK = env_int("FIND_MP_LOOKUPS_PER_NETWORK", 60)
FIND_MP_LOOKUP_WINDOW_SECONDS = env_int("FIND_MP_LOOKUP_WINDOW_SECONDS", 600)
# Results: figures are computed at most once per this many seconds per campaign (0: always).
RESULTS_CACHE_SECONDS = env_int("RESULTS_CACHE_SECONDS", 60)
# Report-back: reports accepted per hour from one network address and from one email.
REPORTS_PER_HOUR_PER_NETWORK = env_int("REPORTS_PER_HOUR_PER_NETWORK", 20)
REPORTS_PER_HOUR_PER_EMAIL = env_int("REPORTS_PER_HOUR_PER_EMAIL", 5)
INVITATIONS_PER_DAY = env_int("INVITATIONS_PER_DAY", 20)
INVITATION_REPEAT_DAYS = env_int("INVITATION_REPEAT_DAYS", 30)
REFERRAL_COOKIE_MAX_AGE = env_int("REFERRAL_COOKIE_MAX_AGE", 30 * 24 * 3600)
