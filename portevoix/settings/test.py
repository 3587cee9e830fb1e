"""The test suite: fast hashing, tasks run at once unless a test starts a real worker."""

import os

from portevoix.settings.base import *  # noqa: F403
from portevoix.settings.base import DATABASES, STATIC_ROOT, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
CONTENT_VERSION_FILE = str(VAR_DIR / "test-content-version")

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Each request closes its connection, as the suite has always run on SQLite: a test that
    # flushes the file from one thread never waits on a connection another thread kept.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so a worker started in another process sees the same data;
    # one per test run, so two runs side by side never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

# WhiteNoise expects the collected folder to exist; tests serve static files from the sources.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# One memory cache per test process, cleared before each test (see conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
