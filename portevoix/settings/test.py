"""The test suite: fast hashing, tasks run at once unless a test starts a real worker."""

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

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so a worker started in another process sees the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

# WhiteNoise expects the collected folder to exist; tests serve static files from the sources.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
