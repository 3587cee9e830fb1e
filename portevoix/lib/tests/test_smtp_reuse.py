"""Emails go over one kept connection to the mail server, opened again when it is gone."""

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import send_mail

from conftest import SmtpSink, free_port, send_mail_to
from portevoix.lib import smtp as kept_smtp


@pytest.fixture(autouse=True)
def nothing_kept_after():
    yield
    kept_smtp.let_go()


def smtp_kept():
    return kept_smtp.kept_connection_as_is()


def send(number):
    return send_mail(f"Message {number}", "Bonjour", "noreply@example.org", ["awa@example.org"])


def peers(server):
    return [item.peer for item in server.received]


def test_messages_share_one_connection(smtp):
    assert [send(n) for n in range(3)] == [1, 1, 1]
    first, second, third = peers(smtp)
    assert first == second == third


def test_a_connection_idle_too_long_is_not_used_again(smtp):
    send(1)
    kept_smtp._kept.last_used -= kept_smtp.KEEP_IDLE_SECONDS + 1
    send(2)
    first, second = peers(smtp)
    assert first != second


def test_a_connection_the_server_closed_is_opened_again(settings):
    server = SmtpSink(port=free_port())
    send_mail_to(server, settings)
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    try:
        send(1)
        controller.stop()  # the server goes away, closing every connection
        controller = Controller(server, hostname=server.host, port=server.port)
        controller.start()
        assert send(2) == 1
    finally:
        controller.stop()
    assert [message["Subject"] for message in server.messages] == ["Message 1", "Message 2"]
    first, second = peers(server)
    assert first != second


def test_a_refused_message_lets_go_of_the_connection(smtp):
    send(1)
    smtp.refuse = True
    with pytest.raises(Exception, match="451"):
        send(2)
    assert smtp_kept() is None
    smtp.refuse = False
    assert send(3) == 1
    first, third = peers(smtp)
    assert first != third
