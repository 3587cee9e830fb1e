"""A request's message store is made only when a message is added or read, and messages
still reach the next page."""

from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from portevoix.lib.messages import LazyMessageMiddleware, store_was_made


def through_middleware(view, cookies=None):
    """(request, response) of `view` behind the session and message middleware."""
    request = RequestFactory().get("/")
    request.COOKIES.update(cookies or {})
    SessionMiddleware(lambda request: None).process_request(request)
    response = LazyMessageMiddleware(view)(request)
    return request, response


def test_a_request_that_uses_no_message_makes_no_store_and_sets_no_cookie():
    request, response = through_middleware(lambda request: HttpResponse("page"))
    assert not store_was_made(request)
    assert "messages" not in response.cookies


def test_a_message_added_in_one_request_is_read_in_the_next():
    def add(request):
        messages.success(request, "The MP's position was recorded.")
        return HttpResponse()

    request, response = through_middleware(add)
    assert store_was_made(request)
    assert isinstance(request._messages._wrapped, FallbackStorage)
    cookie = response.cookies["messages"].value

    seen = []

    def show(request):
        seen.extend(str(message) for message in messages.get_messages(request))
        return HttpResponse()

    _, next_response = through_middleware(show, cookies={"messages": cookie})
    assert seen == ["The MP's position was recorded."]
    # Read, so the store clears it: the cookie is deleted.
    assert next_response.cookies["messages"].value == ""


def test_a_message_not_read_stays_for_a_later_request():
    def add(request):
        messages.info(request, "Saved.")
        return HttpResponse()

    _, response = through_middleware(add)
    cookie = response.cookies["messages"].value
    _, untouched = through_middleware(lambda request: HttpResponse(), cookies={"messages": cookie})
    assert "messages" not in untouched.cookies  # left as it was, not deleted

    seen = []

    def show(request):
        seen.extend(str(message) for message in messages.get_messages(request))
        return HttpResponse()

    through_middleware(show, cookies={"messages": cookie})
    assert seen == ["Saved."]


def test_without_the_middleware_there_is_no_store():
    assert not store_was_made(RequestFactory().get("/"))
