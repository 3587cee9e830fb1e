import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portevoix.settings.base")
application = get_wsgi_application()

from portevoix.lib.startup import settle_for_serving  # noqa: E402 - needs Django set up

settle_for_serving()
