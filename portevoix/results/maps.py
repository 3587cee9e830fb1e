"""A province's federal ridings as an SVG map, each filled by where its MP stands.

Drawn only from what boundary imports stored (`District.outline`, already simplified and
projected on one plane for the whole country, see representatives/geo.py): no outline, no map.
Positions come from `figures.mp_positions`, i.e. staff-set `MpPosition` rows only. As in
charts.py, fills are SVG presentation attributes (the strict CSP allows them), each position
has its own pattern as well as its colour, the map is an image with a title and a
description, and each riding names itself, its MP and the position in its own `<title>`.
"""

from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portevoix.reports.models import Position
from portevoix.representatives.models import District, Representative
from portevoix.results import charts, figures, tables

MAP_ID = "map"
UNKNOWN = Position.UNKNOWN
# The largest a map is shown, in CSS pixels (see .map in site-additions.css): patterns and
# lines are scaled so that they look the same whatever the province's size.
SHOWN_WIDTH, SHOWN_HEIGHT = 640, 576
# A map larger than this is left out rather than push the page past its weight budget;
# real outlines (about 100 bytes a riding) keep the map of Ontario (122 ridings) near 24 KB.
MAP_BUDGET = 30 * 1024


def ridings_with_outlines(province):
    """The province's federal ridings that have an outline, each with its serving MP.

    Two queries, whatever the number of ridings.
    """
    serving = Representative.objects.serving().only("name", "district").order_by("pk")
    return list(
        District.objects.federal()
        .filter(province=province)
        .exclude(outline="")
        .only("name_fr", "name_en", "outline", "outline_box")
        .prefetch_related(Prefetch("representatives", queryset=serving, to_attr="serving"))
    )


def province_map(province_name, ridings, positions):
    """The map as safe SVG, or "" when there is nothing to draw or it would weigh too much."""
    if not ridings:
        return ""
    stands = {mp.get("district"): mp["position"] for mp in positions}
    xmin, ymin, xmax, ymax = bounds(ridings)
    scale = max((xmax - xmin) / SHOWN_WIDTH, (ymax - ymin) / SHOWN_HEIGHT, 0.01)
    margin = round(2 * scale, 2)
    counts = dict.fromkeys(figures.POSITIONS, 0)
    paths = []
    # Largest first, so a riding drawn inside another stays on top of it.
    for riding in sorted(ridings, key=box_area, reverse=True):
        position = stands.get(riding.pk, UNKNOWN)
        counts[position] += 1
        paths.append(riding_path(riding, position))
    drawn = format_html(
        '<svg class="chart map" role="img" aria-labelledby="{id}-t {id}-d" '
        'viewBox="{x} {y} {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{patterns}'
        '<g fill="{blank}" stroke="{ink}" stroke-width="{stroke}" stroke-linejoin="round" '
        'fill-rule="evenodd">'
        "{paths}</g></svg>",
        id=MAP_ID,
        x=round(xmin - margin, 2),
        y=round(ymin - margin, 2),
        w=round(xmax - xmin + 2 * margin, 2),
        h=round(ymax - ymin + 2 * margin, 2),
        title=_("Map of the federal ridings of %(province)s by their MP’s position")
        % {"province": province_name},
        desc=describe(counts),
        patterns=charts.position_patterns(MAP_ID, round(scale, 2)),
        blank=charts.POSITION_FILLS[UNKNOWN],
        ink=charts.INK,
        stroke=round(0.75 * scale, 2),
        paths=charts.joined(paths),
    )
    return drawn if len(drawn.encode()) <= MAP_BUDGET else ""


def riding_path(riding, position):
    mp = riding.serving[0].name if riding.serving else _("no sitting MP")
    label = _("%(riding)s — %(mp)s: %(position)s") % {
        "riding": riding.name,
        "mp": mp,
        "position": tables.position_label(position),
    }
    # Unknown ridings take the map's own white fill: a few bytes less for each.
    fill = (
        ""
        if position == UNKNOWN
        else format_html(' fill="{}"', charts.position_fill(position, MAP_ID))
    )
    return format_html('<path d="{}"{}><title>{}</title></path>', riding.outline, fill, label)


def describe(counts):
    parts = [
        _(
            "Each riding is filled by where its MP stands: solid green for supports, stripes "
            "for undecided, dots for opposed, white for unknown."
        )
    ]
    parts += [
        _("%(position)s: %(count)s.")
        % {"position": tables.position_label(position), "count": count}
        for position, count in counts.items()
    ]
    return " ".join(str(part) for part in parts)


def bounds(ridings):
    boxes = [riding.outline_box for riding in ridings]
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )


def box_area(riding):
    xmin, ymin, xmax, ymax = riding.outline_box
    return (xmax - xmin) * (ymax - ymin)


def legend():
    """The positions' colours and patterns, each with its name, as a list."""
    swatches = [
        format_html(
            '<li><svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" '
            'focusable="false">{}<rect width="14" height="14" fill="{}" stroke="{}"/></svg> '
            "{}</li>",
            charts.position_patterns("legend") if index == 0 else "",
            charts.position_fill(position, "legend"),
            charts.MUTED,
            tables.position_label(position),
        )
        for index, position in enumerate(figures.POSITIONS)
    ]
    return format_html('<ul class="map-legend">{}</ul>', charts.joined(swatches))
