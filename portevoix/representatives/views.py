from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portevoix.intake.limits import count_in_window, seconds_left_in_window
from portevoix.lib.hashing import network_address_hash
from portevoix.lib.pagecache import public_page
from portevoix.lib.urls import own_page

from .forms import DistrictSearchForm, PostalCodeForm
from .lookup import find_representatives, search_districts
from .models import District


def safe_next(request):
    """Where a flow that borrowed this step wants the person sent back, if it is our own page."""
    return own_page(request.GET.get("next", ""))


def choice_url(next_url, district):
    separator = "&" if "?" in next_url else "?"
    return f"{next_url}{separator}{urlencode({'district': district.pk})}"


def cards(districts, next_url):
    return [
        {
            "district": district,
            "person": district.current_representative(),
            "choose_url": choice_url(next_url, district) if next_url else "",
        }
        for district in districts
    ]


def next_query(next_url):
    return urlencode({"next": next_url}) if next_url else ""


# Postal code lookups allowed per network address in each window, unless settings say otherwise.
LOOKUPS_PER_NETWORK = 60
LOOKUP_WINDOW_SECONDS = 600


def lookup_limits():
    return (
        getattr(settings, "FIND_MP_LOOKUPS_PER_NETWORK", LOOKUPS_PER_NETWORK),
        getattr(settings, "FIND_MP_LOOKUP_WINDOW_SECONDS", LOOKUP_WINDOW_SECONDS),
    )


def lookup_allowed(request):
    """Count one postal code lookup for the visitor's network; False once over the limit.

    Without it, anyone could walk the whole postal code table (and our Represent quota)
    from one machine. The network address is kept only as a keyed hash, for one window.
    Other flows that look up a postal code for a visitor call this too.
    """
    limit, window = lookup_limits()
    return count_in_window("find-mp", network_address_hash(request), window) <= limit


def seconds_until_next_window():
    _limit, window = lookup_limits()
    return seconds_left_in_window(window)


TOO_MANY_LOOKUPS = _(
    "Many searches have come from your connection in the last few minutes. "
    "Please wait a few minutes and try again, or find your riding in the list."
)


def too_many_lookups(form):
    form.add_error(None, TOO_MANY_LOOKUPS)


@require_safe
@public_page
def find_mp(request):
    """The page without a postal code is the same for all and cached; a lookup never is."""
    next_url = safe_next(request)
    form = PostalCodeForm(request.GET if "postal_code" in request.GET else None)
    result, status = None, 200
    if form.is_valid():
        if lookup_allowed(request):
            result = find_representatives(form.cleaned_data["postal_code"])
        else:
            too_many_lookups(form)
            status = 429
    context = {
        "form": form,
        "result": result,
        "cards": cards(result.districts, next_url) if result else [],
        "next_url": next_url,
        "next_query": next_query(next_url),
    }
    response = render(request, "representatives/find_mp.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(seconds_until_next_window())
    return response


@require_safe
@public_page
def districts(request):
    next_url = safe_next(request)
    form = DistrictSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "representatives/districts.html",
        {
            "form": form,
            "query": query,
            "districts": search_districts(query),
            "next_url": next_url,
            "next_query": next_query(next_url),
        },
    )


@require_safe
@public_page
def district_detail(request, number):
    district = get_object_or_404(District.objects.federal(), number=number)
    next_url = safe_next(request)
    return render(
        request,
        "representatives/district.html",
        {
            "district": district,
            "cards": cards([district], next_url),
            "next_url": next_url,
            "next_query": next_query(next_url),
        },
    )
