"""Fixtures for the representatives tests: the real reference files, and a Represent stand-in.

The stand-in is a real HTTP server on loopback that replays answers written in the shape the
Represent API documents (see answers/), so the client is exercised over a real socket.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ANSWERS = Path(__file__).parent / "answers"
NOT_FOUND_PAGE = b"<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    delay: float = 0.0


@dataclass
class ReplayServer:
    routes: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)
    url: str = ""

    def answer(self, path, name=None, *, status=200, body=None, delay=0.0, content_type=None):
        """Serve a recorded answer (answers/<name>.json) or a raw body at `path`."""
        if name is not None:
            body = (ANSWERS / f"{name}.json").read_bytes()
        if isinstance(body, dict):
            body = json.dumps(body).encode()
        content_type = content_type or ("application/json" if status < 400 else "text/html")
        self.routes[path] = Reply(status, body or b"", content_type, delay)


def make_handler(server_state):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server_state.requests.append(self.path)
            reply = server_state.routes.get(self.path) or Reply(404, NOT_FOUND_PAGE, "text/html")
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, which is what a timeout test wants

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def represent_server(settings):
    state = ReplayServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    settings.REPRESENT_API_URL = state.url
    settings.REPRESENT_ENABLED = True
    settings.REPRESENT_TIMEOUT = 1
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def federal_data(db, shared_data):
    """The 343 federal districts and MPs imported from the real reference files."""
    from portevoix.representatives import importers

    federal = shared_data / "federal"
    importers.import_elections_canada_districts(federal / "FED_CA_2023_EN.csv")
    importers.import_representatives_csv(federal / "mps_45th_parliament_joined.csv")
    return shared_data


@pytest.fixture
def postal_data(federal_data):
    from portevoix.representatives import importers

    postal = federal_data / "postal"
    importers.import_geonames_fsa(postal / "geonames_CA_fsa.txt")
    importers.import_fsa_hints(postal / "letter-tool_fsa-to-riding.json")
    return federal_data


@pytest.fixture(autouse=True)
def forget_districts_between_tests():
    """Each test's database is rolled back, so districts held in memory must go with it."""
    from portevoix.representatives.lookup import district_memory

    district_memory.clear()
    yield
    district_memory.clear()
