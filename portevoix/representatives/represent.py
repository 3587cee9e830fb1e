"""A thin client for Open North's Represent API, with typed errors, timeouts and a shared limit.

Quirks it absorbs (see the API's documentation): a `representatives_*` key is absent, not
empty, when nothing matches; concordance matches are better than centroid matches; the plain
`federal-electoral-districts` boundary set is the old 338-riding order; a 404 is an HTML page.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import FEDERAL_BOUNDARY_SET, RateWindow

USER_AGENT = "Porte-voix (advocacy platform; representatives lookup)"
FEDERAL_BOUNDARY_PATH = f"/boundaries/{FEDERAL_BOUNDARY_SET}/"


class RepresentError(Exception):
    """Represent could not give an answer."""


class RepresentUnavailable(RepresentError):
    """The service is down, unreachable or answered with a server error."""


class RepresentTimeout(RepresentUnavailable):
    """The service took longer than REPRESENT_TIMEOUT seconds."""


class RepresentNotFound(RepresentError):
    """The service does not know this postal code or set."""


class RepresentRateLimited(RepresentError):
    """Our share of the public rate is used up for this minute, or the service said 429."""


class RepresentBadAnswer(RepresentError):
    """The answer was not the JSON we expect."""


@dataclass
class PostcodeAnswer:
    code: str
    city: str = ""
    province: str = ""
    federal: list = field(default_factory=list)
    other: list = field(default_factory=list)


class RepresentClient:
    def __init__(self, base_url=None, timeout=None, per_minute=None):
        self.base_url = (base_url or settings.REPRESENT_API_URL).rstrip("/")
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"REPRESENT_API_URL must be an http(s) address: {self.base_url!r}")
        self.timeout = timeout if timeout is not None else settings.REPRESENT_TIMEOUT
        self.per_minute = per_minute or settings.REPRESENT_REQUESTS_PER_MINUTE

    def postcode(self, code):
        data = self.get(f"/postcodes/{code}/")
        federal, other = split_representatives(data)
        return PostcodeAnswer(
            code=data.get("code", code),
            city=data.get("city") or "",
            province=data.get("province") or "",
            federal=federal,
            other=other,
        )

    def representatives(self, set_name):
        """Every representative of a set, following the API's pages."""
        path = f"/representatives/{set_name}/?limit=100"
        while path:
            data = self.get(path)
            yield from data.get("objects", [])
            path = (data.get("meta") or {}).get("next") or ""

    def get(self, path):
        take_rate_slot("represent", self.per_minute)
        # The scheme is checked in __init__: only http(s) addresses reach urlopen.
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as error:
            raise _error_for_status(error.code, path) from error
        except TimeoutError as error:
            raise RepresentTimeout(f"no answer within {self.timeout}s for {path}") from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise RepresentTimeout(f"no answer within {self.timeout}s for {path}") from error
            raise RepresentUnavailable(f"{path}: {error.reason}") from error
        except OSError as error:
            raise RepresentUnavailable(f"{path}: {error}") from error
        try:
            return json.loads(body)
        except ValueError as error:
            raise RepresentBadAnswer(f"{path}: not JSON") from error


def _error_for_status(status, path):
    if status == 404:
        return RepresentNotFound(path)
    if status == 429:
        return RepresentRateLimited(f"{path}: the service asked us to slow down")
    if status >= 500:
        return RepresentUnavailable(f"{path}: HTTP {status}")
    return RepresentBadAnswer(f"{path}: HTTP {status}")


def split_representatives(data):
    """Federal 2023-order people (concordance first, no duplicates) and everyone else."""
    federal, other, seen = [], [], set()
    for key in ("representatives_concordance", "representatives_centroid"):
        for person in data.get(key) or []:
            identity = (person.get("name"), person.get("district_name"))
            if identity in seen:
                continue
            seen.add(identity)
            boundary_url = (person.get("related") or {}).get("boundary_url", "")
            (federal if FEDERAL_BOUNDARY_PATH in boundary_url else other).append(person)
    return federal, other


def take_rate_slot(service, per_minute):
    """Count one request in this minute's window, shared by every process through the database.

    The conditional update only succeeds while the window is under the limit, so two
    processes can never both take the last slot.
    """
    minute = timezone.now().replace(second=0, microsecond=0)
    windows = RateWindow.objects.filter(service=service, minute=minute, count__lt=per_minute)
    if windows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            RateWindow.objects.create(service=service, minute=minute, count=1)
            RateWindow.objects.filter(service=service, minute__lt=minute).delete()
            return
    except IntegrityError:
        pass
    if not windows.update(count=F("count") + 1):
        raise RepresentRateLimited(f"{per_minute} requests a minute already made")
