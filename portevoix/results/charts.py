"""Charts drawn on the server as inline SVG: readable with no JavaScript and no outside file.

Colours come from SVG presentation attributes (`fill="..."`), which the strict CSP allows,
and every bar carries its label and number as text, so nothing is told by colour alone.
Each chart is an image with a title and a description; the same numbers follow as a table.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 320
ROW = 40
BAR = 14
BAR_SPACE = 250
INK = "#1b1b1f"
ACCENT = "#8a1538"
MUTED = "#4a4a55"

# Position colours: each at least 3:1 against white; each also has its own pattern and label.
POSITION_FILLS = {
    "supports": "#1a5e20",
    "undecided": "url(#{id}-undecided)",
    "opposed": "url(#{id}-opposed)",
    "unknown": "#ffffff",
}


def position_patterns(chart_id, scale=1):
    """The undecided (stripes) and opposed (dots) patterns, `scale` times their 6-unit size."""
    scaled = "" if scale == 1 else f" scale({scale:g})"
    return format_html(
        '<defs><pattern id="{}-undecided" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45){}"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="3" height="6" fill="#7a4f00"/></pattern>'
        '<pattern id="{}-opposed" width="6" height="6" patternUnits="userSpaceOnUse"{}>'
        '<rect width="6" height="6" fill="#8a1538"/><circle cx="3" cy="3" r="1.3" fill="#ffffff"/>'
        "</pattern></defs>",
        chart_id,
        scaled,
        chart_id,
        format_html(' patternTransform="{}"', scaled.strip()) if scaled else "",
    )


def position_fill(kind, chart_id):
    return POSITION_FILLS.get(kind, ACCENT).format(id=chart_id)


def svg_open(chart_id, height, title, description, css_class):
    return format_html(
        '<svg class="chart {}" role="img" aria-labelledby="{}-t {}-d" viewBox="0 0 {} {}" '
        'width="100%" xmlns="http://www.w3.org/2000/svg"><title id="{}-t">{}</title>'
        '<desc id="{}-d">{}</desc>',
        css_class,
        chart_id,
        chart_id,
        WIDTH,
        height,
        chart_id,
        title,
        chart_id,
        description,
    )


def joined(parts):
    """Pieces already escaped by format_html, as one safe string."""
    return format_html_join("", "{}", ((part,) for part in parts))


def describe(items):
    return "; ".join(f"{label}: {value}" for label, value, _kind in items)


def bar_chart(chart_id, title, items, positions=False):
    """Horizontal bars, one per (label, value, kind), each with its label above and number after.

    With `positions`, `kind` is an MP position and picks the bar's colour and pattern.
    """
    largest = max([value for _label, value, _kind in items] + [1])
    height = ROW * len(items) + 4
    parts = [svg_open(chart_id, height, title, describe(items), "bar-chart")]
    if positions:
        parts.append(position_patterns(chart_id))
    for index, (label, value, kind) in enumerate(items):
        top = index * ROW
        width = round(BAR_SPACE * value / largest, 1)
        fill = position_fill(kind, chart_id) if positions else ACCENT
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" fill="{}">{}</text>'
                '<rect class="bar bar-{}" x="0" y="{}" width="{}" height="{}" fill="{}" '
                'stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="13" font-weight="700" fill="{}">{}</text>',
                top + 14,
                INK,
                label,
                kind or "count",
                top + 20,
                max(width, 1),
                BAR,
                fill,
                MUTED if positions else ACCENT,
                max(width, 1) + 6,
                top + 32,
                INK,
                value,
            )
        )
    parts.append(mark_safe("</svg>"))
    return joined(parts)


def column_chart(chart_id, title, points, first_label="", last_label=""):
    """Vertical bars over time, (label, value) each, with the first and last dates and the top."""
    height, base, left = 170, 140, 30
    largest = max([value for _label, value in points] + [1])
    step = (WIDTH - left) / max(len(points), 1)
    items = [(label, value, "") for label, value in points]
    parts = [svg_open(chart_id, height, title, describe(items), "column-chart")]
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>'
            '<text x="0" y="12" font-size="12" fill="{}">{}</text>'
            '<text x="0" y="{}" font-size="12" fill="{}">0</text>',
            left,
            base,
            WIDTH,
            base,
            MUTED,
            INK,
            largest,
            base,
            INK,
        )
    )
    for index, (_label, value) in enumerate(points):
        bar_height = round((base - 10) * value / largest, 1)
        parts.append(
            format_html(
                '<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                round(left + index * step + step * 0.1, 1),
                base - bar_height,
                round(max(step * 0.8, 1), 1),
                bar_height,
                ACCENT,
            )
        )
    parts.append(
        format_html(
            '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>'
            '<text x="{}" y="{}" font-size="12" fill="{}" text-anchor="end">{}</text></svg>',
            left,
            base + 20,
            INK,
            first_label,
            WIDTH,
            base + 20,
            INK,
            last_label,
        )
    )
    return joined(parts)
