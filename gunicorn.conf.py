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
# gthread even with one thread: idle keep-alive connections wait in its poller rather than
# each holding a process, as the sync worker class would.
worker_class = "gthread"
# No runtime control socket: nothing here uses it, and it would be one more file to secure.
control_socket_disable = True
