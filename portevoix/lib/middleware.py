"""Django's middleware, with shortcuts for the requests a busy campaign brings most.

A campaign shared widely brings bursts of form posts: endorsements, letters sent. Each went
through every middleware the site has, including those only signed-in staff need (their
session, their account, Django's messages), and through Django's general way of finding
the language. Measured in a loop on an endorsement's post: the session and account
middleware about 9.5 µs, the messages' 2 to 4, the language's 16, of about 390 µs.

- The staff middleware steps aside for a *public post* (`is_public_post`): a POST that
  carries no session cookie, to an address outside the staff pages. Such a request has no
  session to read and no one signed in, and no public view starts a session (signing in is
  under /admin/, a staff page). It is given an anonymous `request.user`, which is what
  Django's account middleware would have given it.
- The language is read from the address's first part when it is one of the site's
  languages (almost every address: `/fr/...`, `/en/...`), with the same result Django's
  `LocaleMiddleware` gives; any other address goes through Django's own steps.

Everything else (security headers, the CSRF check) runs for every request, as before.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.auth import middleware as auth
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions import middleware as sessions
from django.middleware import locale
from django.utils import translation

from portevoix.lib import messages
from portevoix.lib.pagecache import carries_a_session


def is_public_post(request):
    """A form post by a visitor: no session cookie, and not to a staff page.

    Worked out once per request (three middleware ask)."""
    known = request.__dict__.get("_is_public_post")
    if known is None:
        known = request._is_public_post = (
            request.method == "POST"
            and not carries_a_session(request)
            and not is_staff_path(request.path_info)
        )
    return known


def is_staff_path(path):
    """Whether `path` is one of the staff pages (`STAFF_PATH_PREFIXES`)."""
    return path.startswith(tuple(settings.STAFF_PATH_PREFIXES))


class StepsAsideForPublicPosts:
    """For middleware that serves signed-in staff: a public post goes straight past it,
    given what the middleware would have given it (`stand_in`)."""

    def __call__(self, request):
        if is_public_post(request):
            self.stand_in(request)
            return self.get_response(request)
        return super().__call__(request)

    def stand_in(self, request):
        pass


class SessionMiddleware(StepsAsideForPublicPosts, sessions.SessionMiddleware):
    """Sessions, except for public posts. With no session cookie the session is empty, and
    nothing public writes one: a view that tried would fail loudly, not lose it."""


class AuthenticationMiddleware(StepsAsideForPublicPosts, auth.AuthenticationMiddleware):
    """The signed-in account, or an anonymous one for a public post (no session: no one
    can be signed in)."""

    def stand_in(self, request):
        request.user = AnonymousUser()


class MessageMiddleware(StepsAsideForPublicPosts, messages.LazyMessageMiddleware):
    """Django's messages for staff pages; public pages never show any."""


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's `LocaleMiddleware`, reading the language straight from an address that
    begins with one (`/fr/`, `/en/`).

    For such an address Django's middleware activates that language, names it in
    `Content-Language` and adds no `Vary`; it finds it by matching the path three times and
    reading the browser's languages first. Other addresses (the home page's redirect, the
    admin, the API) and sites without language prefixes are left to it.
    """

    def process_request(self, request):
        # Kept for the response: the address does not change on the way.
        language = request._language_of_address = language_of_address(request)
        if language is None:
            return super().process_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return None

    def process_response(self, request, response):
        if request._language_of_address is None:
            return super().process_response(request, response)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def language_of_address(request):
    """The site's language the address begins with (`/en/...` gives "en"), found as Django
    finds it there, or None when it begins with none, or the site's addresses carry no
    language."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    prefixed, _default_prefixed = is_language_prefix_patterns_used(urlconf)
    return translation.get_language_from_path(request.path_info) if prefixed else None
