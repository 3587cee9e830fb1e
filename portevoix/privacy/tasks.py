import io
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portevoix.health.periodic import register_periodic
from portevoix.lib.emails import send_templated_email
from portevoix.privacy.links import make_token


@task()
def send_personal_data_link(email, language):
    with translation.override(language):
        path = reverse("privacy:my_data", args=[make_token(email)])
    send_templated_email(
        "personal_data_link",
        to=[email],
        context={
            "link": settings.SITE_URL + path,
            "hours": settings.PERSONAL_DATA_LINK_MAX_AGE // 3600,
        },
        language=language,
    )


@task()
def purge_expired():
    # The counts go to the log; the worker's terminal needs no second copy.
    call_command("purge_expired", stdout=io.StringIO())


register_periodic("purge_expired", timedelta(days=1), purge_expired)
