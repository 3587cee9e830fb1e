"""The shortcuts in the site's middleware: public form posts go past the staff middleware,
and the language is read from the address as Django's own middleware would find it."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware as DjangosSessionMiddleware
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangosLocaleMiddleware
from django.test import RequestFactory
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from portevoix.campaigns.factories import CampaignFactory
from portevoix.campaigns.models import Campaign
from portevoix.endorsements.models import Endorsement
from portevoix.lib.messages import store_was_made
from portevoix.lib.middleware import (
    AuthenticationMiddleware,
    LocaleMiddleware,
    MessageMiddleware,
    SessionMiddleware,
    is_public_post,
)

SESSION_COOKIE = {settings.SESSION_COOKIE_NAME: "a-session-key"}


def post(path="/en/campaigns/c/endorse/", cookies=None):
    request = RequestFactory().post(path, {"field": "value"})
    request.COOKIES.update(cookies or {})
    return request


# --- Which requests are public posts ------------------------------------------------------


def test_a_visitors_form_post_is_a_public_post():
    assert is_public_post(post())
    assert is_public_post(post("/fr/campagnes/c/appuyer/"))


def test_a_post_carrying_a_session_is_not():
    assert not is_public_post(post(cookies=SESSION_COOKIE))


def test_a_post_to_a_staff_page_is_not_even_without_a_session():
    # Signing in is a post without a session: it must reach the session middleware.
    assert not is_public_post(post("/admin/login/"))
    for prefix in settings.STAFF_PATH_PREFIXES:
        assert not is_public_post(post(f"{prefix}anything/"))


def test_other_methods_are_not():
    factory = RequestFactory()
    for request in (factory.get("/en/"), factory.head("/en/"), factory.put("/en/x/")):
        assert not is_public_post(request)


# --- The staff middleware steps aside for them --------------------------------------------


def seen_by_the_view(middleware, request):
    """`request` as the view behind `middleware` (after the session middleware) sees it."""
    seen = []

    def view(request):
        seen.append(request)
        return HttpResponse()

    DjangosSessionMiddleware(lambda request: None).process_request(request)
    middleware(view)(request)
    return seen[0]


def test_a_public_post_gets_no_session():
    request = post()
    SessionMiddleware(lambda request: HttpResponse())(request)
    assert not hasattr(request, "session")


def test_any_other_request_gets_its_session():
    for request in (post(cookies=SESSION_COOKIE), post("/admin/login/"), RequestFactory().get("/")):
        response = SessionMiddleware(lambda request: HttpResponse())(request)
        assert hasattr(request, "session")
        assert response.status_code == 200


def test_a_public_post_is_anonymous(db):
    request = post()
    response = AuthenticationMiddleware(lambda request: HttpResponse())(request)
    assert isinstance(request.user, AnonymousUser)
    assert not request.user.is_authenticated
    assert response.status_code == 200


def test_any_other_request_gets_the_account_middlewares_user(db):
    request = seen_by_the_view(AuthenticationMiddleware, post(cookies=SESSION_COOKIE))
    # Django's lazy user: worked out from the session when read (no one is signed in here).
    assert isinstance(request.user, SimpleLazyObject)
    assert not request.user.is_authenticated


def test_a_public_post_gets_no_message_store_and_other_requests_do():
    assert not hasattr(seen_by_the_view(MessageMiddleware, post()), "_messages")
    request = seen_by_the_view(MessageMiddleware, post(cookies=SESSION_COOKIE))
    assert hasattr(request, "_messages")
    assert not store_was_made(request)  # still made only when used


@pytest.mark.django_db
def test_a_public_post_to_a_draft_campaign_is_not_found(client):
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    response = client.post(f"/en/campaigns/{draft.slug}/endorse/", {"organization_name": "X"})
    assert response.status_code == 404
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_staff_signed_in_can_still_try_a_draft_campaigns_form(client, cast):
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    client.force_login(cast["sophie"])
    response = client.post(f"/en/campaigns/{draft.slug}/endorse/", {"organization_name": ""})
    # Seen (not 404): the form is shown again with its errors.
    assert response.status_code == 400
    assert response.wsgi_request.user == cast["sophie"]


@pytest.mark.django_db
def test_signing_in_still_starts_a_session(client, admin_user):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": admin_user.username, "password": "password"}
    )
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME in response.cookies


# --- The language, read from the address ----------------------------------------------------

PATHS = [
    "/en/",
    "/fr/",
    "/en/campaigns/c/endorse/",
    "/fr/campagnes/c/appuyer/",
    "/en",
    "/",
    "/admin/",
    "/api/v1/campaigns/",
    "/de/campaigns/",
    "/en-us/campaigns/",
    "/campaigns/",
    "/campagnes/inconnue/",
]
BROWSERS = [None, "en-CA,en;q=0.9", "fr-CA,fr;q=0.9"]


def through(middleware_class, path, browser, status):
    """What the view and the response show of the language, behind `middleware_class`."""
    headers = {"HTTP_ACCEPT_LANGUAGE": browser} if browser else {}
    request = RequestFactory().get(path, **headers)
    active = []

    def view(request):
        active.append(translation.get_language())
        return HttpResponse(status=status)

    with translation.override(None):
        response = middleware_class(view)(request)
    return {
        "request": request.LANGUAGE_CODE,
        "view": active[0] if active else None,
        "status": response.status_code,
        "location": response.get("Location"),
        "content-language": response.get("Content-Language"),
        "vary": response.get("Vary"),
    }


@pytest.mark.parametrize("status", [200, 404])
@pytest.mark.parametrize("browser", BROWSERS)
@pytest.mark.parametrize("path", PATHS)
def test_the_language_is_the_one_djangos_middleware_finds(path, browser, status):
    assert through(LocaleMiddleware, path, browser, status) == through(
        DjangosLocaleMiddleware, path, browser, status
    )


def test_an_address_in_a_language_is_served_in_it_whatever_the_browser_says():
    found = through(LocaleMiddleware, "/fr/campagnes/c/", "en-CA,en;q=0.9", 200)
    assert found["view"] == found["content-language"] == "fr"
    assert found["vary"] is None  # the address alone decides: nothing to vary on


def test_the_root_still_varies_with_the_browser():
    found = through(LocaleMiddleware, "/", "en-CA,en;q=0.9", 200)
    assert found["view"] == "en"
    assert "Accept-Language" in found["vary"]
