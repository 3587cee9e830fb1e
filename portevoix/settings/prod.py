"""Production: secrets must come from the environment, cookies are secure, HTTPS is enforced."""

from django.core.exceptions import ImproperlyConfigured

from portevoix.settings.base import *  # noqa: F403
from portevoix.settings.base import BEHIND_PROXY, SITE_URL
from portevoix.settings.env import env_bool, env_int, env_secret

DEBUG = False
SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) in production.")

if not env_secret("FIELD_ENCRYPTION_KEYS"):
    raise ImproperlyConfigured(
        "Set FIELD_ENCRYPTION_KEYS (or FIELD_ENCRYPTION_KEYS_FILE) in production: "
        "without it, sensitive text could not be read back after a move."
    )

SERVED_OVER_HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = SERVED_OVER_HTTPS
CSRF_COOKIE_SECURE = SERVED_OVER_HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SERVED_OVER_HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SERVED_OVER_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SERVED_OVER_HTTPS
# Joining the browsers' preload list is a lasting commitment each deployment makes for itself.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
