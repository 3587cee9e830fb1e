from datetime import timedelta

from django.conf import settings
from django_tasks import task

from portevoix.health.periodic import register_periodic


@task()
def drain_intake():
    """Carry out the form submissions waiting; asked for by each busy process, and every
    minute in case an ask was lost with a worker."""
    from portevoix.intake.actions import drain

    return drain(leave_room=settings.WORKER_GIVES_WAY_TO_BURSTS)


register_periodic("drain_intake", timedelta(minutes=1), drain_intake)
