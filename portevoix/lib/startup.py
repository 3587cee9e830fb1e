"""Settling a long-running process (a web process, the worker) once it has loaded the site.

Python's cycle collector now and then goes through every object the process holds, to find
groups that refer only to each other. Almost all of them are made at startup (modules,
classes, functions, address patterns) and live as long as the process: about 120,000 in a
web process. Going through them took about 60 ms each time, once every few thousand form
posts, with the request that set it off waiting. Set aside once loaded (`gc.freeze`), they
are no longer gone through; what requests make is collected as before.
"""

import gc

from django.urls import get_resolver


def settle_for_serving():
    """Load what every request uses and Django loads only on the first one (the address
    patterns, and with them every view, form and model), then set all of it aside from the
    cycle collector."""
    get_resolver().url_patterns  # noqa: B018 - read for what it loads
    gc.collect()  # what is already garbage is freed now, not kept for good
    gc.freeze()
