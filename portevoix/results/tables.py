"""The figures as labelled tables, in the active language: the pages and the CSV files use these.

A table's first column names its rows (shown as row headers); the other cells are numbers
or short text. The page and the export of a table come from the same `Table`, so they agree.
"""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portevoix.endorsements.models import Sector
from portevoix.letters.models import Letter
from portevoix.lib.i18n import current_language
from portevoix.reports.models import Position
from portevoix.representatives.models import PROVINCES
from portevoix.results import figures
from portevoix.spread.models import Channel
from portevoix.spread.referrals import referred_actions

ACTION_LABELS = {
    "letters": _("Letters sent"),
    "calls": _("Calls"),
    "meeting_requests": _("Meeting requests"),
    "meetings_held": _("Meetings held"),
    "report_backs": _("Report-backs"),
    "endorsements": pgettext_lazy("count", "Endorsements"),
}
PROVINCE_NAMES = dict(PROVINCES) | {
    figures.NATIONAL: _("National (across Canada)"),
    "": _("Not known"),
}
TOTAL = _("Total")


@dataclass
class Table:
    key: str
    caption: str
    header: list
    rows: list = field(default_factory=list)
    note: str = ""

    def as_html(self):
        """The table, built here rather than in a template: a dashboard table may have
        hundreds of rows, and the template engine takes a second over them all."""
        head = format_html_join("", '<th scope="col">{}</th>', ((label,) for label in self.header))
        if self.rows:
            body = format_html_join("", "<tr>{}</tr>", ((table_row(row),) for row in self.rows))
        else:
            body = format_html(
                '<tr><td colspan="{}">{}</td></tr>', len(self.header), _("Nothing yet.")
            )
        return format_html(
            '<table id="table-{}"><caption>{}</caption><thead><tr>{}</tr></thead>'
            "<tbody>{}</tbody></table>",
            self.key,
            self.caption,
            head,
            body,
        )

    def csv_rows(self):
        return [[cell if isinstance(cell, int) else str(cell) for cell in row] for row in self.rows]


def table_row(row):
    first, *rest = row
    cells = format_html_join("", "<td>{}</td>", ((cell,) for cell in rest))
    return format_html('<th scope="row">{}</th>{}', first, cells)


def named(row, prefix="name"):
    """The French or English name in a row of figures, in the visitor's language."""
    language = current_language()
    other = "en" if language == "fr" else "fr"
    return row.get(f"{prefix}_{language}") or row.get(f"{prefix}_{other}") or ""


def province_name(code):
    return PROVINCE_NAMES.get(code, code)


def province_order(code):
    """Provinces in alphabetical order of their code, then national, then unknown."""
    return (code == "", code == figures.NATIONAL, code)


def position_label(value):
    return Position(value).label


# --- Dashboard -------------------------------------------------------------------------------


def totals_table(data, kinds):
    return Table(
        "totals",
        _("Actions so far"),
        [_("Action"), _("Number")],
        [[ACTION_LABELS[kind], data["totals"][kind]] for kind in kinds],
    )


def weekly_table(data):
    kinds = figures.ACTION_TYPES
    return Table(
        "weekly",
        _("Actions by week (weeks start on Monday)"),
        [_("Week of"), *[ACTION_LABELS[kind] for kind in kinds], TOTAL],
        [
            [week["week"].isoformat(), *[week[k] for k in kinds], sum(week[k] for k in kinds)]
            for week in data["weekly"]
        ],
    )


def letter_status_table(data):
    return choice_count_table(
        "letter-status",
        _("Letters by status"),
        [_("Status"), _("Letters")],
        data["letter_status"],
        Letter.Status.choices,
    )


def province_table(data):
    kinds = figures.ACTION_TYPES
    return Table(
        "provinces",
        _("Actions by province or territory"),
        [_("Province or territory"), *[ACTION_LABELS[k] for k in kinds], TOTAL],
        rows_by_province(data["by_province"], kinds),
    )


def rows_by_province(rows, columns):
    """One row per province, in `province_order`: its name, a count per column, the total."""
    return [
        [province_name(code), *[rows[code][c] for c in columns], sum(rows[code].values())]
        for code in sorted(rows, key=province_order)
    ]


def riding_table(data):
    kinds = figures.RIDING_ACTION_TYPES
    return Table(
        "ridings",
        _("Actions by federal riding"),
        [_("Riding"), _("Province or territory"), *[ACTION_LABELS[k] for k in kinds], TOTAL],
        [
            [named(row), row["province"], *[row[k] for k in kinds], sum(row[k] for k in kinds)]
            for row in data["by_riding"]
        ],
        note=_("Endorsements are counted by the organization's region, not by riding."),
    )


def uncontacted_table(data):
    return Table(
        "uncontacted",
        _("Federal ridings whose MP no one has contacted yet"),
        [_("Riding"), _("Province or territory")],
        [[named(row), row["province"]] for row in data["uncontacted"]],
        note=_(
            "No letter sent to the MP or copied to them, no completed call and no meeting request."
        ),
    )


def response_rate_table(data):
    minimum = figures.MIN_LETTERS_FOR_RATE
    return Table(
        "response-rates",
        _("Answers from offices, as writers told us"),
        [_("Office"), _("Letters asked about"), _("Answered"), _("Useful answers"), _("Rate (%)")],
        [
            [
                named(row) or _("Other recipient"),
                row["letters"],
                row["answered"],
                row["useful"],
                row["rate"] if row["rate"] is not None else _("too few letters"),
            ]
            for row in data["response_rates"]
        ],
        note=_(
            "Over the letters whose writers answered our follow-up with “yes”, or “not yet”; "
            "“I did not expect one” is left out. A rate is shown only over %(minimum)s letters "
            "or more."
        )
        % {"minimum": minimum},
    )


def sector_table(data):
    return choice_count_table(
        "sectors",
        _("Endorsements by sector"),
        [_("Sector"), _("Endorsements")],
        data["sectors"],
        Sector.choices,
    )


def choice_count_table(key, caption, header, counts, choices):
    """A count for every choice, in the choices' order, zero when none."""
    return Table(key, caption, header, [[label, counts.get(value, 0)] for value, label in choices])


def channel_label(value):
    if value in Channel.values:
        return Channel(value).label
    return _("Direct or unknown")


def referral_table(data):
    labels = [label for label, _queryset in referred_actions()]
    table = data["referrals"]
    order = [*Channel.values, ""]
    return Table(
        "referrals",
        _("Visits and actions by sharing channel"),
        [_("Channel"), _("Visits"), *labels],
        [
            [channel_label(channel), table[channel]["visits"], *table[channel]["actions"]]
            for channel in sorted(table, key=lambda c: order.index(c) if c in order else 99)
        ],
    )


def position_count_table(data):
    counts = position_totals(data)
    return Table(
        "positions",
        _("MPs by position"),
        [_("Position"), _("MPs")],
        [[position_label(value), counts[value]] for value in figures.POSITIONS],
    )


def position_totals(data):
    totals = dict.fromkeys(figures.POSITIONS, 0)
    for row in data["positions_by_province"].values():
        for value, count in row.items():
            totals[value] += count
    return totals


def positions_by_province_table(data):
    return Table(
        "positions-by-province",
        _("MPs by position, by province or territory"),
        [_("Province or territory"), *[position_label(p) for p in figures.POSITIONS], TOTAL],
        rows_by_province(data["positions_by_province"], figures.POSITIONS),
    )


def mp_table(data, province=None):
    mps = [mp for mp in data["positions"] if province is None or mp["province"] == province]
    return Table(
        "mp-positions",
        _("Where each MP stands"),
        [_("Riding"), _("MP"), _("Position"), _("Evidence dated"), _("Summary")],
        [
            [
                named(mp, "riding"),
                mp["mp"],
                position_label(mp["position"]),
                date_format(mp["evidence_date"], "SHORT_DATE_FORMAT")
                if mp["evidence_date"]
                else "",
                named(mp, "summary"),
            ]
            for mp in mps
        ],
    )


def dashboard_tables(data):
    return [
        totals_table(data, figures.ACTION_TYPES),
        weekly_table(data),
        letter_status_table(data),
        province_table(data),
        riding_table(data),
        uncontacted_table(data),
        response_rate_table(data),
        sector_table(data),
        referral_table(data),
        position_count_table(data),
        positions_by_province_table(data),
        mp_table(data),
    ]
