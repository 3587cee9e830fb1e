"""How long durable rows (letters, meeting emails) wait before the mail server is tried again."""

from django.conf import settings


def delay_after(attempts):
    """Seconds to wait after `attempts` failed tries, or None when they are used up."""
    delays = settings.LETTER_RETRY_DELAYS
    return delays[attempts - 1] if 0 < attempts <= len(delays) else None
