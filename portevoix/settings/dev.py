"""`make dev`: runserver with debugging on unless DEBUG says otherwise."""

from portevoix.settings.base import *  # noqa: F403
from portevoix.settings.env import env_bool

DEBUG = env_bool("DEBUG", True)
