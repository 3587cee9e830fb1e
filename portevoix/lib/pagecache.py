"""Whole-page caching for public pages, correct the moment staff edit content.

A public page depends only on its address, its language and the site's public
content. Each process keeps the pages it rendered, keyed by a *content version*;
saving or deleting public content bumps that version, so the next request renders
afresh in every process. The version is the modification time of a small file, which
every process on the host can read for the cost of one `stat`.

Visitors who carry a session (staff previewing a draft, someone signed in) always get
a freshly rendered page, never one from the cache; so does any request with a query string
(a search, a postal code), which is someone's own answer.

Responses carry an ETag for conditional GET and `Cache-Control: no-cache`, so browsers
and proxies may keep a copy but must ask before using it: an edit shows at once.
"""

import gzip
import hashlib
import os
import threading
import time
from collections import OrderedDict
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

MAX_PAGES_PER_PROCESS = 2000
PUBLIC_CACHE_CONTROL = "public, no-cache"
PRIVATE_CACHE_CONTROL = "private, no-store"


def version_file():
    return Path(settings.CONTENT_VERSION_FILE)


def content_version():
    try:
        return os.stat(version_file()).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump_content_version(**_signal_arguments):
    """Mark every cached public page as stale, in every process on this host."""
    path = version_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new version must differ from the last even when two edits share a clock tick.
    newer = max(time.time_ns(), content_version() + 1)
    path.touch()
    os.utime(path, ns=(newer, newer))


def register_public_content(*models, shown=None):
    """Saving or deleting any row of these models changes public pages.

    `shown(instance, created, update_fields)`, when given, tells which saves can change a
    page: for rows that appear only once they reach some state (an approved endorsement).
    """
    on_save = bump_content_version if shown is None else bump_when_shown(shown)
    for model in models:
        post_save.connect(on_save, sender=model, weak=False)
        post_delete.connect(bump_content_version, sender=model, weak=False)


def bump_when_shown(shown):
    def on_save(instance, created=False, update_fields=None, **_signal_arguments):
        if shown(instance, created, update_fields):
            bump_content_version()

    return on_save


class CachedPage:
    __slots__ = (
        "status",
        "content_type",
        "body",
        "gzipped",
        "etag",
        "location",
        "language",
        "expires_at",
    )

    def __init__(self, response, language, fresh_for=None):
        self.expires_at = None if fresh_for is None else time.time() + fresh_for
        self.status = response.status_code
        self.content_type = response["Content-Type"]
        self.location = response.get("Location")
        self.language = language
        self.body = response.content
        self.gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        self.etag = '"' + hashlib.blake2b(self.body, digest_size=12).hexdigest() + '"'

    def response_for(self, request):
        if request.headers.get("If-None-Match") == self.etag:
            response = HttpResponseNotModified()
        else:
            wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
            response = HttpResponse(
                self.gzipped if wants_gzip else self.body,
                status=self.status,
                content_type=self.content_type,
            )
            if wants_gzip:
                response["Content-Encoding"] = "gzip"
            if self.location:
                response["Location"] = self.location
        response["ETag"] = self.etag
        response["Content-Language"] = self.language
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    def is_fresh(self):
        return self.expires_at is None or time.time() < self.expires_at


class PageStore:
    """A bounded, thread-safe map of rendered pages (or other things kept per process), the
    least recently used dropped first."""

    def __init__(self, capacity=MAX_PAGES_PER_PROCESS):
        self.capacity = capacity
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        with self.lock:
            self.pages[key] = page
            while len(self.pages) > self.capacity:
                self.pages.popitem(last=False)

    def get_or_make(self, key, make, keep=lambda value: value is not None):
        """The value kept under `key`; if there is none, `make()`'s, kept if `keep(value)`."""
        value = self.get(key)
        if value is None:
            value = make()
            if keep(value):
                self.put(key, value)
        return value

    def clear(self):
        with self.lock:
            self.pages.clear()

    def __len__(self):
        return len(self.pages)


store = PageStore()
# Rows public pages and forms read on every request (a campaign by its address), kept the same way.
rows = PageStore(capacity=500)


def kept_until_content_changes(key, load):
    """`load()`, kept in this process until public content changes; None is never kept.

    For rows read by every request to a campaign, including form posts, which the page
    cache never answers. Treat what it returns as read-only: other requests share it.
    """
    return rows.get_or_make((content_version(), key), load)


def carries_a_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cacheable(response):
    return response.status_code in (200, 301, 302, 404) and not response.streaming


def may_use_cache(request):
    """GET or HEAD, no session, no query: a request every visitor makes alike."""
    return (
        request.method in ("GET", "HEAD")
        and not carries_a_session(request)
        and not request.META.get("QUERY_STRING")
    )


class PageCacheMiddleware:
    """Answer from the cache before the rest of the stack runs, when the page is already there.

    It sits inside the middleware that adds security headers, so cached answers carry them
    too; anything else (sessions, language, views) is skipped. Pages get into the cache only
    through views marked `public_page`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_ENABLED and may_use_cache(request):
            page = store.get((content_version(), request.path))
            if page is not None and page.is_fresh():
                return page.response_for(request)
        return self.get_response(request)


def public_page(view=None, *, fresh_for=None):
    """Keep this view's pages in the per-process cache; PageCacheMiddleware serves them.

    `@public_page` keeps a page until public content changes. `@public_page(fresh_for=60)`
    also renders it again after 60 seconds, for pages showing counts that change with every
    action (results), which do not bump the content version.
    """
    if view is None:
        return lambda view: public_page(view, fresh_for=fresh_for)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Read before rendering: an edit during the render must not be hidden under the new key.
        version = content_version()
        response = view(request, *args, **kwargs)
        if not (settings.PAGE_CACHE_ENABLED and may_use_cache(request) and cacheable(response)):
            # With a query (a search, a postal code), the page is someone's own answer.
            return response
        page = CachedPage(response, get_language(), fresh_for=fresh_for)
        store.put((version, request.path), page)
        return page.response_for(request)

    return wrapper


def private_page(view):
    """A personal page (a letter's status, a private link): never kept by any cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response

    return wrapper
