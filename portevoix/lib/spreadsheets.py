"""CSV exports that a spreadsheet opens safely.

A cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) is read as a formula by
Excel and LibreOffice; text people typed must never run as one. Such cells get a leading
apostrophe, which spreadsheets show as plain text. Numbers we computed stay numbers.
"""

import csv
from numbers import Number

from django.http import StreamingHttpResponse
from django.utils.text import slugify

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Number):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def csv_rows(header, rows):
    """Encoded lines of a CSV file: a byte-order mark so Excel reads UTF-8, then the rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(filename, header, rows):
    """A download of `rows` (any iterable, consumed lazily) as `<filename>.csv`."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_rows(header, rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
