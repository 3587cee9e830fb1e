"""How gunicorn serves Porte-voix. gunicorn reads this file when started from this folder.

`WEB_WORKERS` (default: two per CPU core) and `WEB_THREADS` (default: 1) tune it; options
given on gunicorn's command line win over both.
"""

import os

# Processes with one thread each. The threads of one process take turns on Python's lock, so
# a thread holding the database's write lock holds up the others in its process; processes
# run side by side. Two per core keep every core busy while one process waits. Measured on
# two cores: endorsements were accepted about 1.7 times as fast at 4 processes x 1 thread as
# at 2 x 4, and pages were served as fast or faster.
workers = int(os.environ.get("WEB_WORKERS") or 2 * (os.cpu_count() or 1))
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
