from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

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


@require_safe
@public_page
def find_mp(request):
    next_url = safe_next(request)
    form = PostalCodeForm(request.GET if "postal_code" in request.GET else None)
    result = find_representatives(form.cleaned_data["postal_code"]) if form.is_valid() else None
    context = {
        "form": form,
        "result": result,
        "cards": cards(result.districts, next_url) if result else [],
        "next_url": next_url,
        "next_query": next_query(next_url),
    }
    return render(request, "representatives/find_mp.html", context)


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
