"""Background work for letters. Every task gets ids only and re-reads the rows it needs."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from portevoix.health.periodic import register_periodic
from portevoix.letters.delivery import deliver


@task()
def deliver_letter(letter_id):
    outcome, come_back_at = deliver(letter_id)
    if come_back_at is not None:
        enqueue_delivery(letter_id, come_back_at)
    return outcome


def enqueue_delivery(letter_id, run_after=None):
    return enqueue_after(deliver_letter, letter_id, run_after)


def enqueue_after(chosen, row_id, run_after=None):
    """Queue `chosen(row_id)`, not before `run_after`; a backend that cannot wait leaves a
    later try to the sweep."""
    if run_after is not None and run_after > timezone.now():
        if not chosen.get_backend().supports_defer:
            return None
        chosen = chosen.using(run_after=run_after)
    return chosen.enqueue(row_id)


@task()
def send_confirmation_request(letter_id):
    from portevoix.letters.actions import email_confirmation_request

    return email_confirmation_request(letter_id)


@task()
def sweep_letters():
    """Recover stuck letters, queue again letters whose task was lost, send due reminders.

    The worker runs it every LETTER_SWEEP_INTERVAL seconds (a periodic job, claimed once
    however many workers run).
    """
    from portevoix.letters.actions import sweep

    return sweep()


register_periodic("sweep_letters", timedelta(seconds=settings.LETTER_SWEEP_INTERVAL), sweep_letters)
