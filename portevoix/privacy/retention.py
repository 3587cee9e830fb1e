"""Each app says how its expired personal data goes; `purge_expired` runs them all.

A purge function takes the current time, removes or anonymizes what has passed its
retention period, and returns how many records it touched. Counts are logged, never content.
"""

import logging

logger = logging.getLogger("portevoix.privacy")

_PURGES = {}


def register_purge(name, purge):
    _PURGES[name] = purge


def purge_everything(now):
    counts = {name: purge(now) for name, purge in _PURGES.items()}
    logger.info("purge_expired: %s", ", ".join(f"{n}={c}" for n, c in counts.items()))
    return counts
