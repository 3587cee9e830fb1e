from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portevoix.campaigns.models import Campaign
from portevoix.campaigns.views import get_campaign_or_404
from portevoix.lib.pagecache import private_page, public_page
from portevoix.lib.spreadsheets import csv_response
from portevoix.representatives.models import PROVINCE_CODES
from portevoix.results import charts, figures, maps, tables

# Who may read the dashboard: staff accounts allowed to view MP positions, i.e. the Admin,
# Staff and Moderator roles (and superusers). It shows counts only, never a person's words.
DASHBOARD_PERMISSION = "reports.view_mpposition"


def staff_only(view):
    """Anonymous: to the sign-in page. Signed in without the permission: 403.

    The two-step sign-in is enforced before this runs, by RequireTwoFactorMiddleware, for
    every path in settings.STAFF_PATH_PREFIXES.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not (user.is_active and user.is_staff and user.has_perm(DASHBOARD_PERMISSION)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def dashboard_chart(table):
    """The chart drawn above a dashboard table, when it has one."""
    bars = {"totals", "letter-status", "sectors"}
    if table.key in bars:
        items = [(str(label), value, "") for label, value in table.rows]
        return charts.bar_chart(f"chart-{table.key}", table.caption, items)
    if table.key == "positions":
        return position_chart(table, "chart-positions")
    if table.key == "weekly" and table.rows:
        points = [(row[0], row[-1]) for row in table.rows]
        return charts.column_chart(
            "chart-weekly",
            _("All actions by week"),
            points,
            first_label=table.rows[0][0],
            last_label=table.rows[-1][0],
        )
    if table.key == "provinces" and table.rows:
        items = [(str(row[0]), row[-1], "") for row in table.rows]
        return charts.bar_chart("chart-provinces", _("All actions by province"), items)
    return ""


def position_chart(table, chart_id):
    rows = zip(table.rows, figures.POSITIONS, strict=True)
    items = [(str(label), count, value) for (label, count), value in rows]
    return charts.bar_chart(chart_id, table.caption, items, positions=True)


@require_safe
@private_page
@staff_only
def dashboard(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    data = figures.cached_dashboard_figures(campaign)
    sections = [
        {"table": table, "chart": dashboard_chart(table)} for table in tables.dashboard_tables(data)
    ]
    return render(
        request,
        "results/dashboard.html",
        {"campaign": campaign, "sections": sections, "computed_at": data["computed_at"]},
    )


@require_safe
@private_page
@staff_only
def export(request, slug, table):
    campaign = get_object_or_404(Campaign, slug=slug)
    data = figures.cached_dashboard_figures(campaign)
    chosen = next((t for t in tables.dashboard_tables(data) if t.key == table), None)
    if chosen is None:
        raise Http404
    # Labels are turned into text now: the file is written after the view returns.
    header = [str(label) for label in chosen.header]
    return csv_response(f"{campaign.slug}-{chosen.key}", header, chosen.csv_rows())


@require_safe
@public_page(fresh_for=60)
def public(request, slug):
    campaign = get_campaign_or_404(request, slug)
    data = figures.cached_public_figures(campaign)
    positions = tables.position_count_table(data)
    return render(
        request,
        "results/public.html",
        {
            "campaign": campaign,
            "computed_at": data["computed_at"],
            "totals": tables.totals_table(data, figures.PUBLIC_ACTION_TYPES),
            "positions": positions,
            "position_chart": position_chart(positions, "positions"),
            "by_province": province_rows(data),
            "position_labels": [tables.position_label(p) for p in figures.POSITIONS],
            "known": sum(positions.rows[i][1] for i in range(3)),
            "quotes": data["quotes"],
        },
    )


def province_rows(data):
    rows = data["positions_by_province"]
    return [
        {
            "code": code,
            "name": tables.province_name(code),
            "counts": [rows[code][p] for p in figures.POSITIONS],
            "total": sum(rows[code].values()),
        }
        for code in sorted(rows, key=tables.province_order)
    ]


# Rows of the MP list per page: with every summary at its longest (300 characters), the
# map on the first page and the style sheet, a page of Ontario stays under 60 KB.
ROWS_PER_PAGE = 15


@require_safe
@public_page(fresh_for=60)
def province(request, slug, province):
    return province_results(request, slug, province, 1)


@require_safe
@public_page(fresh_for=60)
def province_page(request, slug, province, page):
    # The first page has one address only: the province's.
    if page < 2:
        raise Http404
    return province_results(request, slug, province, page)


def province_results(request, slug, province, page):
    code = province.upper()
    if code not in PROVINCE_CODES or province != province.lower():
        raise Http404
    campaign = get_campaign_or_404(request, slug)
    data = figures.cached_public_figures(campaign)
    counts = data["positions_by_province"].get(code, dict.fromkeys(figures.POSITIONS, 0))
    mps = tables.mp_table(data, province=code)
    pages = Paginator(mps.rows, ROWS_PER_PAGE)
    if page > pages.num_pages:
        raise Http404
    listed = pages.page(page)
    mps.rows = list(listed.object_list)
    name = tables.province_name(code)
    riding_map = ""
    if page == 1:
        riding_map = maps.province_map(name, maps.ridings_with_outlines(code), data["positions"])
    return render(
        request,
        "results/province.html",
        {
            "campaign": campaign,
            "computed_at": data["computed_at"],
            "province_name": name,
            "province": province,
            "mps": mps,
            "listed": listed,
            "riding_map": riding_map,
            "legend": maps.legend() if riding_map else "",
            "counts": [(tables.position_label(p), counts[p]) for p in figures.POSITIONS],
        },
    )
