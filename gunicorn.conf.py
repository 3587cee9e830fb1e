"""How gunicorn serves Porte-voix. gunicorn reads this file when started from this folder.

`WEB_WORKERS` (default: one per CPU core with the database on this machine, two with a
database server elsewhere) and `WEB_THREADS` (default: 1) tune it; options given on
gunicorn's command line win over both.
"""

import ipaddress
import os
from urllib.parse import parse_qs, unquote, urlsplit


def database_on_this_machine(database_url):
    """Whether the site's database is on this machine: the embedded SQLite file (no
    DATABASE_URL), or a server reached through a local socket or the loopback address."""
    if not database_url or database_url.startswith("sqlite"):
        return True
    address = urlsplit(database_url)
    host = unquote(parse_qs(address.query).get("host", [address.hostname or ""])[0])
    if not host or host.startswith("/"):  # no host, or the folder of a local socket
        return True
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: another machine
        return False


def default_workers(cores, database_url):
    """One process per core when the database is on this machine, two when it is elsewhere.

    With the database on this machine (SQLite, or PostgreSQL beside the site), a request's
    work is done on these processors, the database's included: one process per core keeps
    every core busy, and each process keeps its core (and that core's caches) to itself. More
    processes only add switches between them. Measured on two cores, rounds taking turns:
    - SQLite: endorsements accepted 2,607 a second with two processes against 2,441 with
      four (2,495 with three), letters 2,431 against 2,271, the campaign page at the same
      rate (6,206 and 6,349);
    - PostgreSQL on the same machine: endorsements 2,187 a second against 2,056, letters
      2,088 against 1,663, the bare form post 4,969 against 4,347.
    With a database server on another machine, a process waits for the network on each
    statement: a second process per core uses the core meanwhile.
    """
    per_core = 1 if database_on_this_machine(database_url) else 2
    return per_core * cores


# Processes with one thread each. The threads of one process take turns on Python's lock, so
# a thread holding the database's write lock holds up the others in its process; processes
# run side by side. Measured on two cores: endorsements were accepted about 1.7 times as fast
# at 4 processes x 1 thread as at 2 x 4, and pages were served as fast or faster.
workers = int(
    os.environ.get("WEB_WORKERS")
    or default_workers(os.cpu_count() or 1, os.environ.get("DATABASE_URL", ""))
)
threads = int(os.environ.get("WEB_THREADS") or 1)
# The sync worker class: each process takes the next connection from the one queue the kernel
# keeps for all of them, answers it and closes it, so requests are answered in the order they
# came, whichever process is free. Measured on two cores against gthread with one thread and
# keep-alive (where a busy process keeps the connections it accepted waiting behind it): page
# p99 at 50 connections 31-47 ms against 39-91 ms, at the same or a higher rate. No connection
# stays open between requests, so an idle client never holds a process. As gunicorn advises
# for sync workers, serve it behind a buffering proxy (nginx, Caddy), which keeps browsers'
# connections and TLS. With WEB_THREADS above 1, gunicorn uses gthread instead.
worker_class = "sync"
# No runtime control socket: nothing here uses it, and it would be one more file to secure.
control_socket_disable = True
