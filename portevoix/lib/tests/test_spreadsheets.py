import csv
import io

import pytest

from portevoix.lib.spreadsheets import csv_response, safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+33 1", "-2", "@SUM(A1)", "\t=x", "\r=x"])
def test_it_defuses_text_a_spreadsheet_would_run(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Montréal", "a=b", "", "député·e"])
def test_it_keeps_ordinary_text(value):
    assert safe_cell(value) == value


def test_it_keeps_numbers_as_numbers_even_negative():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) == ""
    assert safe_cell(True) == "1"


def test_it_streams_a_utf8_attachment_read_back_by_the_csv_module():
    response = csv_response("Lettres par province", ["Province", "n"], [["=HYPERLINK()", 3]])
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="lettres-par-province.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows == [["Province", "n"], ["'=HYPERLINK()", "3"]]
