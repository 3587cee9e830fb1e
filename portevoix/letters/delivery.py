"""Delivering one letter: claim it, pace it, hand it to the mail server, record what happened.

The guarantees (the README of this app explains them at length):
- a letter is claimed with a conditional update, so two workers never send it;
- every attempt is recorded *before* anything reaches the server, and the moment the end of
  the message (the final ".") is about to go is recorded too: a letter interrupted before that
  point is sent again, one interrupted after it is counted as sent and never sent twice;
- a temporary failure is retried after growing delays, then the letter is marked failed.
"""

import re
import smtplib
from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends import smtp
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from portevoix.letters.models import DeliveryAttempt, Letter, PacingSlot
from portevoix.letters.rendering import build_document


def speaks_smtp(backend_path):
    """Whether mail goes to an SMTP server (Django's backend, or one built on it)."""
    return issubclass(import_string(backend_path), smtp.EmailBackend)


class TemporaryFailure(Exception):
    """The server or the network said "not now": try again later."""


class PermanentFailure(Exception):
    """The server refused the letter for good (a 5xx answer): trying again would not help."""


class UncertainDelivery(Exception):
    """The end of the message was sent but no answer came back: the server may have it."""


# --- The message ---------------------------------------------------------------------------------


def platform_address():
    return parseaddr(settings.LETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL)[1]


def from_header(letter):
    with override(letter.language):
        display = _("%(name)s via Porte-voix") % {"name": letter.sender_name}
    return formataddr((display, platform_address()))


def build_message(letter, connection=None):
    document = build_document(letter)
    return EmailMessage(
        subject=letter.subject,
        body=document.body_text(),
        from_email=from_header(letter),
        to=letter.to_addresses(),
        cc=letter.cc_addresses(),
        reply_to=[formataddr((letter.sender_name, letter.sender_email))],
        headers={"Message-ID": letter.message_id, "Content-Language": letter.language},
        connection=connection,
    )


# --- Handing it over -------------------------------------------------------------------------


def hand_over(message, before_final_dot):
    """Send one message; call `before_final_dot` just before the server can accept it."""
    if speaks_smtp(settings.EMAIL_BACKEND):
        return hand_over_by_smtp(message, before_final_dot)
    # Other backends (files in development, memory in tests, an HTTP API) have no such
    # moment: the hand-over is one call.
    before_final_dot()
    try:
        get_connection(fail_silently=False).send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        raise TemporaryFailure(describe(error)) from error
    return None


def hand_over_by_smtp(message, before_final_dot):
    data = dot_stuffed(message.message().as_bytes(linesep="\r\n"))
    try:
        conn = open_smtp()
    except (smtplib.SMTPException, OSError) as error:
        raise TemporaryFailure(describe(error)) from error
    try:
        accepted = start_transaction(conn, platform_address(), message.recipients())
        code, reply = conn.docmd("DATA")
        if code != 354:
            raise_for(code, reply)
        conn.send(data)
    except (TemporaryFailure, PermanentFailure):
        close_quietly(conn)
        raise
    except (smtplib.SMTPException, OSError) as error:
        close_quietly(conn)
        raise TemporaryFailure(describe(error)) from error
    before_final_dot()
    try:
        conn.send(b".\r\n")
        code, reply = conn.getreply()
    except (smtplib.SMTPException, OSError) as error:
        close_quietly(conn)
        raise UncertainDelivery(describe(error)) from error
    close_quietly(conn, polite=True)
    if code != 250:
        raise_for(code, reply)
    return accepted


def open_smtp():
    conn = smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=settings.EMAIL_TIMEOUT)
    conn.ehlo_or_helo_if_needed()
    if settings.EMAIL_USE_TLS:
        conn.starttls()
        conn.ehlo()
    if settings.EMAIL_HOST_USER:
        conn.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
    return conn


def start_transaction(conn, envelope_from, recipients):
    code, reply = conn.mail(envelope_from)
    if code != 250:
        raise_for(code, reply)
    accepted, refused = [], []
    for address in recipients:
        code, reply = conn.rcpt(address)
        (accepted if code in (250, 251) else refused).append((address, code, reply))
    if not accepted:
        # Try again later if any refusal was temporary; give up if all were permanent.
        worst = min(code for _address, code, _reply in refused)
        raise_for(worst, refused[0][2])
    return [address for address, _code, _reply in accepted]


def raise_for(code, reply):
    text = f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
    if 500 <= code < 600:
        raise PermanentFailure(text)
    raise TemporaryFailure(text)


def dot_stuffed(data):
    """RFC 5321: a line starting with "." gets another; the message ends with CRLF."""
    data = re.sub(rb"(?m)^\.", b"..", data)
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def close_quietly(conn, polite=False):
    try:
        if polite:
            conn.quit()
        else:
            conn.close()
    except (smtplib.SMTPException, OSError):
        conn.close()


def describe(error):
    return f"{type(error).__name__}: {error}"[:1000]


# --- The letter's side ---------------------------------------------------------------------------


def claim(letter_id, now):
    """Take a due, queued letter for this worker; False if it is not due or someone has it.

    It has no next attempt any more: one is set again if it goes back to the queue. So the
    queue's index (`letters_due`) holds queued letters only.
    """
    return bool(
        Letter.objects.due(now)
        .filter(pk=letter_id)
        .update(status=Letter.Status.SENDING, claimed_at=now, next_attempt_at=None)
    )


def wait_for_domains(letter, now):
    """Reserve a sending slot at every recipient domain; the time to wait, or None to go."""
    rate = settings.LETTER_DOMAIN_RATE_PER_MINUTE
    if rate <= 0:
        return None
    spacing = timedelta(seconds=60 / rate)
    for domain in letter.recipient_domains():
        free_at = PacingSlot.take(f"domain:{domain}", spacing, now)
        if free_at is not None:
            return free_at
    return None


def release(letter, until):
    """Give a claimed letter back to the queue, untouched, until a domain slot frees."""
    Letter.objects.filter(pk=letter.pk, status=Letter.Status.SENDING).update(
        status=Letter.Status.QUEUED, next_attempt_at=until, claimed_at=None, enqueued_at=until
    )


def start_attempt(letter, now):
    with transaction.atomic():
        Letter.objects.filter(pk=letter.pk).update(attempts=F("attempts") + 1)
        letter.refresh_from_db(fields=["attempts"])
        return DeliveryAttempt.objects.create(letter=letter, number=letter.attempts, started_at=now)


def mark_committing(attempt):
    DeliveryAttempt.objects.filter(pk=attempt.pk).update(stage=DeliveryAttempt.Stage.COMMITTING)


def finish(letter, attempt, outcome, error="", **letter_changes):
    """Close the attempt and move the letter on, only if it is still this attempt's to move."""
    now = timezone.now()
    with transaction.atomic():
        moved = Letter.objects.filter(
            pk=letter.pk, status=Letter.Status.SENDING, attempts=attempt.number
        ).update(last_error=error, **letter_changes)
        DeliveryAttempt.objects.filter(pk=attempt.pk).update(
            stage=DeliveryAttempt.Stage.DONE, outcome=outcome, error=error, finished_at=now
        )
    return bool(moved)


def mark_sent(letter, attempt, outcome=DeliveryAttempt.Outcome.SENT, error=""):
    return finish(
        letter,
        attempt,
        outcome,
        error,
        status=Letter.Status.SENT,
        sent_at=timezone.now(),
        claimed_at=None,
    )


def mark_failed(letter, attempt, error):
    return finish(
        letter,
        attempt,
        DeliveryAttempt.Outcome.FAILED,
        error,
        status=Letter.Status.FAILED,
        failed_at=timezone.now(),
        claimed_at=None,
    )


def schedule_retry(letter, attempt, error):
    """Back to the queue after a growing delay; failed when the delays are used up."""
    delay = letter.retry_delay()
    if delay is None:
        mark_failed(letter, attempt, error)
        return None
    when = timezone.now() + timedelta(seconds=delay)
    finish(
        letter,
        attempt,
        DeliveryAttempt.Outcome.RETRY,
        error,
        status=Letter.Status.QUEUED,
        next_attempt_at=when,
        enqueued_at=when,
        claimed_at=None,
    )
    return when


def deliver(letter_id):
    """Deliver one letter if it is due; return what happened and when to come back, if ever."""
    now = timezone.now()
    if not claim(letter_id, now):
        return "not due", None
    letter = Letter.objects.select_related("template").get(pk=letter_id)
    wait_until = wait_for_domains(letter, now)
    if wait_until is not None:
        release(letter, wait_until)
        return "paced", wait_until
    attempt = start_attempt(letter, now)
    try:
        hand_over(build_message(letter), lambda: mark_committing(attempt))
    except PermanentFailure as error:
        mark_failed(letter, attempt, str(error))
        return "failed", None
    except TemporaryFailure as error:
        when = schedule_retry(letter, attempt, str(error))
        return ("retry", when) if when else ("failed", None)
    except UncertainDelivery as error:
        # Sending again could deliver it twice: we count it as sent and say why.
        mark_sent(letter, attempt, DeliveryAttempt.Outcome.ASSUMED_SENT, str(error))
        return "assumed sent", None
    mark_sent(letter, attempt)
    return "sent", None


# --- Recovery ------------------------------------------------------------------------------------


def recover_stuck_letter(letter):
    """A worker died while this letter was "sending": send again, or count it as sent."""
    attempt = letter.attempt_log.order_by("-number").first()
    still_stuck = Letter.objects.filter(
        pk=letter.pk, status=Letter.Status.SENDING, claimed_at=letter.claimed_at
    )
    now = timezone.now()
    with transaction.atomic():
        if attempt and attempt.stage == DeliveryAttempt.Stage.COMMITTING:
            note = _("The worker stopped after handing the letter over; it is counted as sent.")
            moved = still_stuck.update(
                status=Letter.Status.SENT, sent_at=now, claimed_at=None, last_error=note
            )
            outcome = DeliveryAttempt.Outcome.ASSUMED_SENT
        else:
            note = _("The worker stopped before handing the letter over; it is sent again.")
            moved = still_stuck.update(
                status=Letter.Status.QUEUED,
                next_attempt_at=now,
                enqueued_at=now,
                claimed_at=None,
                last_error=note,
            )
            outcome = DeliveryAttempt.Outcome.INTERRUPTED
        if moved and attempt and attempt.stage != DeliveryAttempt.Stage.DONE:
            DeliveryAttempt.objects.filter(pk=attempt.pk).update(
                stage=DeliveryAttempt.Stage.DONE, outcome=outcome, error=note, finished_at=now
            )
    return outcome if moved else None
