import re
from urllib.parse import quote

from django.http import HttpResponseRedirect
from django.urls import (
    LocalePrefixPattern,
    ResolverMatch,
    URLResolver,
    get_script_prefix,
    reverse,
)
from django.utils.http import RFC3986_SUBDELIMS, url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from portevoix.lib.pagecache import PageStore


def own_page(target, default=""):
    """`target` when it is a page of this site (a path), else `default`: never another site."""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return target
    return default


# --- Addresses resolved once ----------------------------------------------------------------


class RemembersResolutions(URLResolver):
    """A resolver that remembers where each address it resolved leads, per language.

    Django finds a request's view by trying the site's patterns one after another, and every
    translated pattern asks for the active language as it is tried: about 70 µs for the
    endorsement form, which is listed third, more for the campaign pages, listed last. A
    form post pays that on each request. Here an address resolved once is found again in one
    look-up.

    Only addresses everyone shares are remembered: those whose only variable parts are slugs
    (a campaign, a province). One with a token, a code or a number names one person's letter
    or link, and is never kept, so no private link stays in memory. An address with a signed
    link (its one part holding a ":", which no slug does) is resolved by its shape instead:
    the same address with a stand-in where the link goes, which every pattern treats as it
    treats the link (both match `str` and `path`, neither `slug`, `int` nor `uuid`). The
    shape is kept, and each request's match gets its own link back. Any other private part
    (a code, a number) is resolved each time, so a burst of them never pushes out the shared
    ones. An unknown address is refused each time. At most `REMEMBERED` addresses and shapes
    are kept, the least recently used forgotten first.

    The caller (Django's root resolver) builds a new match from the one returned here, so
    one request never sees what another did with its match.
    """

    REMEMBERED = 2048

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._remembered = PageStore(capacity=self.REMEMBERED)

    def resolve(self, path):
        path = str(path)
        shape, link = shape_of(path)
        if link is not None:
            match = self._remembered.get_or_make(
                ("shape", shape, get_language()),
                lambda: URLResolver.resolve(self, shape),
                keep=lambda match: shared_by_everyone(match, but_for=TOKEN_STAND_IN),
            )
            if holds_the_stand_in_once(match):
                return with_link(match, link)
        # Translated patterns differ by language, so the language is part of the key.
        return self._remembered.get_or_make(
            (path, get_language()),
            lambda: URLResolver.resolve(self, path),
            keep=shared_by_everyone,
        )


def shared_by_everyone(match, but_for=None):
    """Whether every variable part of the match's route is a slug (`<slug:...>`), or, with
    `but_for`, holds exactly that stand-in."""
    return all(
        part.startswith("slug:") or (but_for and match.captured_kwargs.get(name) == but_for)
        for part, name in variable_parts(match.route)
    )


def variable_parts(route):
    """(part, name) for each `<converter:name>` or `<name>` in a route."""
    return [(part, part.rpartition(":")[2]) for part in VARIABLE_PART.findall(route)]


def shape_of(path):
    """(the path with its signed link replaced by the stand-in, the link), or (path, None)
    when the path has no such link, several, or a "~" of its own (the stand-in must be
    found only where it was put)."""
    parts = path.split("/")
    links = [index for index, part in enumerate(parts) if ":" in part]
    if len(links) != 1 or "~" in path:
        return path, None
    (index,) = links
    link, parts[index] = parts[index], TOKEN_STAND_IN
    return "/".join(parts), link


def holds_the_stand_in_once(match):
    """Whether the stand-in came out as one argument of its own, as the link will."""
    values = [value for value in match.captured_kwargs.values() if isinstance(value, str)]
    return [value for value in values if TOKEN_STAND_IN in value] == [TOKEN_STAND_IN]


def with_link(match, link):
    """A new match like `match`, with the link where its shape had the stand-in."""

    def put_back(arguments):
        return {
            name: link if value == TOKEN_STAND_IN else value for name, value in arguments.items()
        }

    return ResolverMatch(
        match.func,
        match.args,
        put_back(match.kwargs),
        match.url_name,
        match.app_names,
        match.namespaces,
        match.route,
        match.tried,
        captured_kwargs=put_back(match.captured_kwargs),
        extra_kwargs=match.extra_kwargs,
    )


VARIABLE_PART = re.compile(r"<([^>]+)>")


def i18n_patterns_remembered(*urls):
    """`i18n_patterns` (every address under /fr/ or /en/), resolved by `RemembersResolutions`.

    Django's locale middleware recognizes language-prefixed patterns by their pattern, which
    this keeps, so it still finds the language in the address.
    """
    return [RemembersResolutions(LocalePrefixPattern(prefix_default_language=True), list(urls))]


# --- Addresses reversed once ------------------------------------------------------------------

_shared_urls = PageStore(capacity=RemembersResolutions.REMEMBERED)


def shared_url(viewname, **slugs):
    """`reverse(viewname, kwargs=slugs)`, worked out once per language and kept.

    For the address a busy form redirects to: reversing a translated pattern cost a twentieth
    of an endorsement's post. Only for addresses everyone shares (slugs, like the campaign's):
    a private link's token must never be kept.
    """
    key = (viewname, tuple(sorted(slugs.items())), get_language(), get_script_prefix())
    return _shared_urls.get_or_make(key, lambda: reverse(viewname, kwargs=slugs))


def redirect_to_shared(viewname, **slugs):
    return HttpResponseRedirect(shared_url(viewname, **slugs))


def private_url(viewname, token, **slugs):
    """`reverse(viewname, kwargs={"token": token, **slugs})` for an address with a private
    link: the address is worked out once per language with a stand-in where the token goes
    (`shared_url`), then the token takes its place. The token itself is never kept.
    """
    address = shared_url(viewname, token=TOKEN_STAND_IN, **slugs)
    # Quoted as `reverse` quotes what it puts in an address.
    return address.replace(TOKEN_STAND_IN, quote(token, safe=RFC3986_SUBDELIMS + "/~:@"))


# No slug (letters, digits, - and _) holds a "~", so the stand-in is found only where it was put.
TOKEN_STAND_IN = "~token~"  # noqa: S105 - a placeholder in an address, not a secret
