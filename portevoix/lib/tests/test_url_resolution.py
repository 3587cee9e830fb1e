"""Addresses under /fr/ and /en/ are resolved once, then found again, per language."""

import re

import pytest
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from portevoix.endorsements import views as endorsement_views
from portevoix.lib import urls
from portevoix.lib.urls import (
    TOKEN_STAND_IN,
    RemembersResolutions,
    private_url,
    redirect_to_shared,
    shared_url,
)


def remembering_resolver():
    (found,) = [p for p in get_resolver().url_patterns if isinstance(p, RemembersResolutions)]
    return found


def remembered_count():
    return len(remembering_resolver()._remembered)


def forget_everything():
    remembering_resolver()._remembered.clear()


def address_of(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def resolve_in(language, path):
    # As the locale middleware does: the address's language is active while it is resolved.
    with translation.override(language):
        return resolve(path)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_resolves_an_address_again_to_the_same_view_and_arguments(language):
    path = address_of("endorsements:endorse", language, "family-reunification")
    first, again = resolve_in(language, path), resolve_in(language, path)
    assert first.func is again.func is endorsement_views.endorse
    assert first.kwargs == again.kwargs == {"slug": "family-reunification"}
    assert first.view_name == again.view_name == "endorsements:endorse"
    assert first.route == again.route
    # Each request gets its own match, whatever another did with theirs.
    assert first is not again
    first.kwargs["slug"] = "changed"
    assert resolve_in(language, path).kwargs == {"slug": "family-reunification"}


def test_each_language_resolves_its_own_addresses_only():
    french = address_of("endorsements:endorse", "fr", "family-reunification")
    english = address_of("endorsements:endorse", "en", "family-reunification")
    assert french != english
    resolve_in("fr", french)
    resolve_in("en", english)
    # What was found in one language is not found with the other language active.
    with pytest.raises(Resolver404):
        resolve_in("en", french)
    with pytest.raises(Resolver404):
        resolve_in("fr", english)


def test_unknown_addresses_are_refused_each_time_and_never_remembered():
    forget_everything()
    for attempt in range(3):
        with pytest.raises(Resolver404):
            resolve_in("en", f"/en/no-such-page-{attempt}/")
    assert remembered_count() == 0
    resolve_in("en", address_of("endorsements:endorse", "en", "family-reunification"))
    assert remembered_count() == 1


def test_it_remembers_a_bounded_number_of_addresses(monkeypatch):
    monkeypatch.setattr(RemembersResolutions, "REMEMBERED", 2)
    own = RemembersResolutions(remembering_resolver().pattern, remembering_resolver().url_patterns)
    with translation.override("en"):
        for slug in ("first", "second", "third"):
            path = address_of("endorsements:endorse", "en", slug).lstrip("/")
            assert own.resolve(path).kwargs == {"slug": slug}
    assert len(own._remembered) == 2


def test_pages_are_served_in_both_languages_through_it(client, campaign):
    for language in ("fr", "en"):
        response = client.get(address_of("endorsements:endorse", language, campaign.slug))
        assert response.status_code == 200
        assert response.headers["Content-Language"] == language
    assert client.get("/en/campagnes/no-such-page/").status_code == 404


def test_addresses_naming_one_persons_letter_or_link_are_never_remembered():
    forget_everything()
    private = address_of("endorsements:allies", "en", "family-reunification", "a-private-token")
    assert resolve_in("en", private).kwargs["token"] == "a-private-token"
    assert remembered_count() == 0
    shared = address_of("endorsements:province", "en", "family-reunification")
    resolve_in("en", shared)
    assert remembered_count() == 1


def test_a_shared_url_is_reversed_once_per_language():
    urls._shared_urls.clear()
    for language in ["fr", "en", "fr", "en"]:
        with translation.override(language):
            assert shared_url("endorsements:sent", slug="family-reunification") == reverse(
                "endorsements:sent", args=["family-reunification"]
            )
    assert len(urls._shared_urls) == 2
    with translation.override("fr"):
        other = shared_url("endorsements:sent", slug="another-campaign")
    assert "another-campaign" in other
    assert len(urls._shared_urls) == 3


def test_a_redirect_to_a_shared_url_goes_there_in_the_active_language():
    with translation.override("fr"):
        response = redirect_to_shared("endorsements:sent", slug="family-reunification")
    assert response.status_code == 302
    assert response["Location"] == address_of("endorsements:sent", "fr", "family-reunification")
    assert response["Location"].startswith("/fr/")


@pytest.mark.parametrize(
    "token",
    [
        "0b3c6f2e-6a53-4a8e-9d7e-2f9c1b7a4e10:4Jq-Wm_tX9",  # a private link as signed
        "with space é?#%~:@",  # characters an address must quote, or may leave as they are
    ],
)
def test_a_private_url_is_the_reversed_address_and_keeps_no_token(token):
    urls._shared_urls.clear()
    for language in ["fr", "en", "fr"]:
        with translation.override(language):
            found = private_url("letters:status", token, slug="family-reunification")
            assert found == reverse("letters:status", args=["family-reunification", token])
            assert found.startswith(f"/{language}/")
    assert len(urls._shared_urls) == 2  # one address per language, with a stand-in
    kept = [str(key) for key in urls._shared_urls.pages] + list(urls._shared_urls.pages.values())
    assert not any(token in text for text in kept)


# --- Addresses with a signed link, resolved by their shape -------------------------------------

SIGNED_LINKS = [
    "0b3c6f2e6a534a8e9d7e2f9c1b7a4e10:4Jq-Wm_tX9aZ",
    "1f2e3d4c5b6a79880a1b2c3d4e5f6a7b:Zz0-_yY",
]


def resolved_by_django(path):
    """What Django's own resolver finds, with nothing remembered."""
    resolver = remembering_resolver()
    return URLResolver.resolve(resolver, path.lstrip("/"))


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "name",
    ["letters:send", "letters:status", "letters:pdf", "letters:write", "endorsements:allies"],
)
def test_an_address_with_a_signed_link_resolves_as_django_resolves_it(language, name):
    for link in SIGNED_LINKS:
        path = address_of(name, language, "family-reunification", link)
        found = resolve_in(language, path)
        with translation.override(language):
            expected = resolved_by_django(path)
        assert found.func is expected.func
        assert found.kwargs == expected.kwargs
        assert found.kwargs["token"] == link
        assert found.view_name == name
        assert found.route.endswith(expected.route)


def test_the_shape_is_remembered_once_and_no_link_is_kept():
    forget_everything()
    for link in SIGNED_LINKS:
        for language in ["fr", "en"]:
            resolve_in(language, address_of("letters:send", language, "family-reunification", link))
    assert remembered_count() == 2  # one shape per language
    kept = remembering_resolver()._remembered.pages
    held = [str(key) for key in kept] + [str(match.kwargs) for match in kept.values()]
    assert not any(link in text for link in SIGNED_LINKS for text in held)


def test_each_request_gets_its_own_link_and_arguments():
    first_path, second_path = (
        address_of("letters:send", "en", "family-reunification", link) for link in SIGNED_LINKS
    )
    first = resolve_in("en", first_path)
    first.kwargs["token"] = "changed"
    second = resolve_in("en", second_path)
    assert second.kwargs == {"slug": "family-reunification", "token": SIGNED_LINKS[1]}
    assert resolve_in("en", first_path).kwargs["token"] == SIGNED_LINKS[0]


def test_extra_arguments_of_a_pattern_come_with_the_link():
    path = address_of("letters:docx", "en", "family-reunification", SIGNED_LINKS[0])
    assert resolve_in("en", path).kwargs == {
        "slug": "family-reunification",
        "token": SIGNED_LINKS[0],
        "kind": "docx",
    }


@pytest.mark.parametrize(
    "link",
    [
        "with~tilde:abc",  # a "~" of its own: the stand-in would not be the only one
        "~token~:abc",
        "two:parts/and:more",  # two parts holding a ":"
    ],
)
def test_addresses_a_shape_cannot_stand_for_are_resolved_as_they_are(link):
    forget_everything()
    path = f"/en/campaigns/family-reunification/letters/{link}/"
    with translation.override("en"):
        try:
            expected = resolved_by_django(path)
        except Resolver404:
            with pytest.raises(Resolver404):
                resolve_in("en", path)
        else:
            assert resolve_in("en", path).kwargs == expected.kwargs
    assert remembered_count() == 0


def test_an_unknown_address_with_a_signed_link_is_refused_each_time():
    forget_everything()
    for _ in range(2):
        with pytest.raises(Resolver404):
            resolve_in("en", f"/en/no-such-page/{SIGNED_LINKS[0]}/")


def test_every_pattern_treats_the_stand_in_as_it_treats_a_signed_link():
    # What the shape relies on: no converter tells the two apart.
    def patterns(resolver):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from patterns(pattern)
            else:
                yield pattern

    converters = {
        type(converter)
        for pattern in patterns(remembering_resolver())
        for converter in pattern.pattern.converters.values()
    }
    assert converters  # the site's patterns do use converters
    for converter in converters:
        matches = [re.fullmatch(converter.regex, text) is not None for text in SIGNED_LINKS]
        assert matches == [re.fullmatch(converter.regex, TOKEN_STAND_IN) is not None] * 2
