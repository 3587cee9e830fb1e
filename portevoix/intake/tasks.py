from datetime import timedelta

from django.conf import settings
from django_tasks import task

from portevoix.health.periodic import register_periodic


@task()
def drain_intake():
    """Carry out the form submissions waiting; asked for by each busy process, and every
    minute in case an ask was lost with a worker. Then asks for a last look moments later."""
    from portevoix.intake.actions import drain, look_again_shortly

    done = drain(leave_room=settings.WORKER_GIVES_WAY_TO_BURSTS)
    look_again_shortly()
    return done


@task()
def last_look_for_posts():
    """A drain's last look, moments after it ended (`actions.look_again_shortly`)."""
    from portevoix.intake.actions import drain

    return drain(leave_room=settings.WORKER_GIVES_WAY_TO_BURSTS)


register_periodic("drain_intake", timedelta(minutes=1), drain_intake)
