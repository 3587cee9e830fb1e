"""What a person types as a postal code, and what the lookup makes of it."""

import pytest
from django.utils import translation

from portevoix.representatives.lookup import InvalidPostalCode, normalize_postal_code


@pytest.mark.parametrize(
    "typed",
    ["K1A 0A6", "k1a0a6", " k1a  0a6 ", "K1A-0A6", "k1A 0a6\n", "K1A\u00a00A6", "Ｋ１Ａ ０Ａ６"],
)
def test_it_accepts_any_case_spacing_and_full_width_characters(typed):
    assert normalize_postal_code(typed) == "K1A0A6"


def test_it_reads_a_letter_o_typed_for_a_zero():
    assert normalize_postal_code("K1A OA6") == "K1A0A6"
    assert normalize_postal_code("h2x oy4") == "H2X0Y4"


def test_it_refuses_a_letter_o_where_a_letter_goes():
    # Where a letter goes, O is never used, and a zero cannot stand there either.
    with pytest.raises(InvalidPostalCode):
        normalize_postal_code("H2O 1Y4")


@pytest.mark.parametrize("letter", list("DFIOQUWZ"))
def test_it_refuses_a_first_letter_no_postal_code_uses(letter):
    with translation.override("en"), pytest.raises(InvalidPostalCode) as refused:
        normalize_postal_code(f"{letter}1A 0A6")
    assert f"starts with the letter {letter}" in refused.value.message


def test_it_refuses_d_f_i_o_q_u_in_later_letters():
    with pytest.raises(InvalidPostalCode) as refused:
        normalize_postal_code("K1D 0A6")
    assert "K1D 0A6" in refused.value.message


@pytest.mark.parametrize("typed", ["", "   ", "K1A", "K1A 0A6 7", "11A 0A6", "KKA 0A6", "K1A_0A6"])
def test_it_refuses_what_is_not_letter_digit_letter_digit_letter_digit(typed):
    with pytest.raises(InvalidPostalCode) as refused:
        normalize_postal_code(typed)
    assert refused.value.message


@pytest.mark.parametrize("typed", ["К1А 0А6", "Κ1Α 0Α6", "K1A 0A６é"])
def test_it_names_the_non_latin_look_alike_instead_of_guessing(typed):
    # Cyrillic and Greek capitals look like K and A; we say so rather than guess.
    with translation.override("en"), pytest.raises(InvalidPostalCode) as refused:
        normalize_postal_code(typed)
    assert "Latin alphabet" in refused.value.message


def test_the_message_is_in_french_for_a_french_page():
    with translation.override("fr"), pytest.raises(InvalidPostalCode) as refused:
        normalize_postal_code("D1A 0A6")
    assert "lettre D" in refused.value.message


def test_the_error_is_a_value_error():
    assert issubclass(InvalidPostalCode, ValueError)
