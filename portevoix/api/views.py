import datetime

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from portevoix.api.models import ApiToken, hash_token
from portevoix.api.openapi import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, describe
from portevoix.api.registry import collections
from portevoix.lib.pagecache import PRIVATE_CACHE_CONTROL

KNOWN_PARAMETERS = {"page", "page_size", "since"}


class BadParameter(ValueError):
    pass


def error(message, status, **headers):
    response = JsonResponse({"error": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response


def token_from(request):
    scheme, _space, plain = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not plain:
        return None
    return ApiToken.objects.usable().filter(token_hash=hash_token(plain.strip())).first()


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadParameter(f"{name} must be a whole number of at least 1")
    if maximum and int(raw) > maximum:
        raise BadParameter(f"{name} must be at most {maximum}")
    return int(raw)


def since_moment(request):
    raw = request.GET.get("since")
    if raw is None:
        return None
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None or timezone.is_naive(moment):
        raise BadParameter("since must be an ISO 8601 date and time with a time zone")
    try:
        # In UTC: some databases refuse unusual offsets such as +20:07.
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise BadParameter("since is out of range") from None


def refuse_unknown_parameters(request):
    """A misspelt parameter is an error, not a silently ignored filter."""
    unknown = sorted(set(request.GET) - KNOWN_PARAMETERS)
    if unknown:
        raise BadParameter(f"unknown parameter: {', '.join(repr(name) for name in unknown)}")


def page_link(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


# Read only: no cookie-authenticated state change to protect, so any other method gets a 405.
@csrf_exempt
@require_safe
def collection_list(request, name):
    collection = collections().get(name)
    if collection is None:
        raise Http404
    token = token_from(request)
    if token is None:
        return error("a valid token is required", 401, WWW_Authenticate='Bearer realm="api"')
    if not token.allows(collection.scope):
        return error(f"this token may not read {name}", 403)
    try:
        refuse_unknown_parameters(request)
        page_number = positive_int(request, "page", 1)
        page_size = positive_int(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        since = since_moment(request)
    except BadParameter as problem:
        return error(str(problem), 400)
    paginator = Paginator(collection.rows(since), page_size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        page = None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    response = JsonResponse(
        {
            "count": paginator.count,
            "page": page_number,
            "page_size": page_size,
            "next": page_link(request, page_number + 1) if page and page.has_next() else None,
            "previous": page_link(request, page_number - 1) if page_number > 1 else None,
            "results": [collection.serialize(row) for row in page] if page else [],
        }
    )
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response


@csrf_exempt
@require_safe
def openapi(request):
    return JsonResponse(describe())
