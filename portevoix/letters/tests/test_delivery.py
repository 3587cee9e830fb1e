"""Delivering a queued letter to a real SMTP server: once, retried, paced, recovered."""

from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from portevoix.letters.actions import sweep
from portevoix.letters.delivery import deliver
from portevoix.letters.models import DeliveryAttempt, Letter
from portevoix.letters.tests.factories import LetterFactory

pytestmark = pytest.mark.django_db


def queued(**fields):
    now = timezone.now()
    values = {"status": Letter.Status.QUEUED, "confirmed_at": now, "next_attempt_at": now}
    return LetterFactory(**{**values, **fields})


def test_it_sends_one_message_with_the_platform_as_from_and_the_writer_as_reply_to(smtp):
    letter = queued(copy_mp=True, cc_name="Paul Député", cc_email="paul@parl.gc.ca")

    assert deliver(letter.pk) == ("sent", None)

    [received] = smtp.received
    message = received.message
    assert message["From"].addresses[0].addr_spec == "lettres@porte-voix.example"
    assert message["From"].addresses[0].display_name == "Amélie Côté via Porte-voix"
    assert message["Reply-To"].addresses[0].addr_spec == letter.sender_email
    assert message["To"].addresses[0].addr_spec == letter.to_email
    assert message["Cc"].addresses[0].addr_spec == "paul@parl.gc.ca"
    assert message["Subject"] == "Réunir les familles : « maintenant »"
    assert message["Message-ID"] == letter.message_id
    assert "leur cœur aussi" in message.get_content()
    assert sorted(received.rcpt_tos) == sorted([letter.to_email, "paul@parl.gc.ca"])
    assert received.mail_from == "lettres@porte-voix.example"
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    assert letter.attempts == 1
    assert letter.attempt_log.get().outcome == DeliveryAttempt.Outcome.SENT


def test_it_never_sends_a_letter_twice(smtp):
    letter = queued()
    deliver(letter.pk)

    assert deliver(letter.pk) == ("not due", None)
    assert len(smtp.received) == 1


def test_it_does_not_send_a_letter_before_its_next_attempt(smtp):
    letter = queued(next_attempt_at=timezone.now() + timedelta(minutes=5))

    assert deliver(letter.pk) == ("not due", None)
    assert smtp.received == []


def test_it_does_not_send_a_letter_awaiting_confirmation(smtp):
    letter = LetterFactory(status=Letter.Status.AWAITING_CONFIRMATION)

    assert deliver(letter.pk) == ("not due", None)
    assert smtp.received == []


def test_a_temporary_refusal_is_retried_with_growing_delays_then_fails(smtp):
    smtp.refuse = True
    letter = queued()
    start = timezone.now()
    delays = []
    with time_machine.travel(start, tick=False) as clock:
        for _attempt in range(3):
            outcome, when = deliver(letter.pk)
            assert outcome == "retry"
            delays.append((when - timezone.now()).total_seconds())
            clock.move_to(when)
        assert deliver(letter.pk) == ("failed", None)

    assert delays == [60, 300, 1800]
    letter.refresh_from_db()
    assert letter.status == Letter.Status.FAILED
    assert letter.attempts == 4
    assert "451" in letter.last_error
    assert smtp.received == []


def test_a_server_that_is_back_receives_the_retried_letter_once(smtp):
    smtp.refuse = True
    letter = queued()
    _outcome, when = deliver(letter.pk)
    smtp.refuse = False

    with time_machine.travel(when + timedelta(seconds=1)):
        assert deliver(letter.pk) == ("sent", None)
    assert len(smtp.received) == 1
    assert [a.outcome for a in letter.attempt_log.all()] == ["retry", "sent"]


def test_an_unreachable_server_is_a_temporary_failure(smtp, settings):
    settings.EMAIL_PORT = unused_port()
    letter = queued()

    outcome, _when = deliver(letter.pk)

    assert outcome == "retry"
    letter.refresh_from_db()
    assert letter.status == Letter.Status.QUEUED
    assert "Connection refused" in letter.last_error or "Errno" in letter.last_error


class RefusesRecipients:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


def test_a_permanent_refusal_fails_at_once(smtp, settings):
    port = unused_port()
    controller = Controller(RefusesRecipients(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_PORT = port
        letter = queued()
        assert deliver(letter.pk) == ("failed", None)
    finally:
        controller.stop()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.FAILED
    assert "550" in letter.last_error


def test_letters_to_one_domain_are_spread_out(smtp, settings):
    settings.LETTER_DOMAIN_RATE_PER_MINUTE = 6  # one every ten seconds
    first, second = queued(), queued()
    other_domain = queued(to_email="bureau@assnat.example")
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        assert deliver(first.pk)[0] == "sent"
        outcome, when = deliver(second.pk)
        assert deliver(other_domain.pk)[0] == "sent"

    assert outcome == "paced"
    assert when == now + timedelta(seconds=10)
    second.refresh_from_db()
    assert second.status == Letter.Status.QUEUED
    assert second.attempts == 0
    with time_machine.travel(when, tick=False):
        assert deliver(second.pk)[0] == "sent"
    assert len(smtp.received) == 3


def stuck(stage):
    letter = queued()
    long_ago = timezone.now() - timedelta(hours=1)
    # As a claim leaves it: sending, with no next attempt.
    Letter.objects.filter(pk=letter.pk).update(
        status=Letter.Status.SENDING, claimed_at=long_ago, next_attempt_at=None, attempts=1
    )
    DeliveryAttempt.objects.create(letter=letter, number=1, stage=stage, started_at=long_ago)
    return letter


def test_a_letter_left_sending_before_the_hand_over_is_sent_again(smtp):
    letter = stuck(DeliveryAttempt.Stage.CONNECTING)

    assert sweep()["recovered"] == 1

    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT  # tasks run at once in tests
    assert len(smtp.received) == 1
    outcomes = [a.outcome for a in letter.attempt_log.all()]
    assert outcomes == ["interrupted", "sent"]


def test_a_letter_left_sending_after_the_hand_over_is_counted_as_sent_not_sent_again(smtp):
    letter = stuck(DeliveryAttempt.Stage.COMMITTING)

    sweep()

    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    assert smtp.received == []
    assert letter.attempt_log.get().outcome == DeliveryAttempt.Outcome.ASSUMED_SENT


def test_a_letter_sending_right_now_is_left_alone(smtp):
    letter = queued()
    Letter.objects.filter(pk=letter.pk).update(
        status=Letter.Status.SENDING, claimed_at=timezone.now(), next_attempt_at=None
    )

    assert sweep()["recovered"] == 0
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENDING


def test_a_queued_letter_whose_task_was_lost_is_queued_again(smtp):
    long_ago = timezone.now() - timedelta(hours=1)
    letter = queued(next_attempt_at=long_ago, enqueued_at=long_ago)

    assert sweep()["requeued"] == 1
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    assert len(smtp.received) == 1


def unused_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
