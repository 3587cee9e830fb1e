"""A web process sets aside what it loaded at startup from Python's cycle collector."""

import json
import subprocess
import sys

from django.conf import settings

WHAT_A_WEB_PROCESS_HOLDS = """
import gc, json, sys
frozen_before = gc.get_freeze_count()
from portevoix.wsgi import application
print(json.dumps({
    "frozen_before": frozen_before,
    "frozen": gc.get_freeze_count(),
    "still_watched": len(gc.get_objects()),
    "views_loaded": "portevoix.letters.views" in sys.modules,
}))
"""


def test_loading_the_web_application_loads_the_views_and_freezes_what_it_made():
    completed = subprocess.run(
        [sys.executable, "-c", WHAT_A_WEB_PROCESS_HOLDS],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    held = json.loads(completed.stdout)
    assert held["frozen_before"] == 0
    assert held["views_loaded"]  # the address patterns were loaded before the freeze
    # Tens of thousands of objects set aside; only what came after (a handful) still watched.
    assert held["frozen"] > 50_000
    assert held["still_watched"] < held["frozen"] / 100
