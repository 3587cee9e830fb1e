from datetime import timedelta

from django.db import connection
from django_tasks import task

from portevoix.health.periodic import register_periodic


@task()
def drain_intake():
    """Carry out the form submissions waiting; asked for by each busy process, and every
    minute in case an ask was lost with a worker."""
    from portevoix.intake.actions import drain

    # On SQLite one process writes at a time: the worker leaves the web processes room.
    return drain(leave_room=connection.vendor == "sqlite")


register_periodic("drain_intake", timedelta(minutes=1), drain_intake)
