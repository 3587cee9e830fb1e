import re
from urllib.parse import quote

from django.http import HttpResponseRedirect
from django.urls import LocalePrefixPattern, URLResolver, get_script_prefix, reverse
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
    or link; it is resolved each time, so a burst of them never pushes out the shared ones,
    and no private link stays in memory. An unknown address is refused each time. At most
    `REMEMBERED` addresses are kept, the least recently used forgotten first.

    The caller (Django's root resolver) builds a new match from the one returned here, so
    one request never sees what another did with its match.
    """

    REMEMBERED = 2048

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._remembered = PageStore(capacity=self.REMEMBERED)

    def resolve(self, path):
        # Translated patterns differ by language, so the language is part of the key.
        return self._remembered.get_or_make(
            (str(path), get_language()),
            lambda: URLResolver.resolve(self, path),
            keep=lambda match: shared_by_everyone(match.route),
        )


def shared_by_everyone(route):
    """Whether every variable part of `route` is a slug (`<slug:...>`)."""
    return all(part.startswith("slug:") for part in VARIABLE_PART.findall(route))


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
