"""Django's SMTP backend, keeping its connection to the mail server from one message to the next.

Django opens a connection for every message and closes it after: the TCP handshake (and
TLS's, with AUTH), the server's greeting, EHLO, then QUIT at the end. A worker sends an email
after nearly every form post, so most of that is done again each time. Here each thread
keeps its connection open. Before a kept connection is used again, a NOOP checks that the
server still holds it (servers close idle ones); one idle longer than KEEP_IDLE_SECONDS is
not tried at all, since a connection silently dropped on the way (by a firewall) would only
answer after EMAIL_TIMEOUT. A connection that failed once is closed, so the next message
starts afresh.

Letters do not come through here: their delivery speaks SMTP itself, one connection each,
to know the moment their end is handed over (`letters/delivery.py`).
"""

import smtplib
import threading
import time

from django.core.mail.backends import smtp

KEEP_IDLE_SECONDS = 30

_kept = threading.local()


class ReusedConnectionBackend(smtp.EmailBackend):
    def open(self):
        """Returns False, as Django's does for a connection already open, so that
        `send_messages` leaves it open; None if it could not open one (`fail_silently`)."""
        if self.connection is None:
            self.connection = kept_connection(self.server_key())
        if self.connection is not None:
            return False
        if not super().open():
            return None
        keep(self.server_key(), self.connection)
        return False

    def close(self):
        forget(self.connection)
        super().close()

    def _send(self, email_message):
        if self.connection is None and self.open() is None:
            return False  # an earlier message broke it, and a new one could not be opened
        try:
            sent = super()._send(email_message)
        except BaseException:
            self.drop()
            raise
        if sent:
            _kept.last_used = time.monotonic()
        elif email_message.recipients():
            self.drop()  # it failed silently (`fail_silently`): the connection may be broken
        return sent

    def drop(self):
        """Let go of a connection that failed, without a QUIT it may never answer."""
        forget(self.connection)
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def server_key(self):
        return (self.host, self.port, self.username, self.use_tls, self.use_ssl)


def keep(key, connection):
    _kept.key, _kept.connection, _kept.last_used = key, connection, time.monotonic()


def kept_connection_as_is():
    return getattr(_kept, "connection", None)


def kept_connection(key):
    """This thread's open connection to the server `key` names, if it still answers."""
    connection = kept_connection_as_is()
    if connection is None:
        return None
    stale = time.monotonic() - _kept.last_used > KEEP_IDLE_SECONDS
    if _kept.key != key or stale or not answers(connection):
        let_go()
        return None
    return connection


def forget(connection):
    """Keep `connection` no longer, if it is the one kept."""
    if connection is not None and connection is kept_connection_as_is():
        _kept.connection = None


def let_go():
    """Close this thread's kept connection, if any: the socket only, with no QUIT to a
    server that may not answer."""
    connection = kept_connection_as_is()
    forget(connection)
    if connection is not None:
        connection.close()


def answers(connection):
    try:
        return connection.noop()[0] == 250
    except (smtplib.SMTPException, OSError):
        return False
