"""One source, four renderings: the preview, the email, the PDF and the DOCX say the same."""

import io
import shutil
import subprocess

import pytest
from docx import Document

from portevoix.letters.delivery import build_message
from portevoix.letters.rendering import build_document, render_docx, render_html, render_pdf
from portevoix.letters.tests.factories import LetterFactory

ARABIC_NAME = "ليلى حداد"
BODY = (
    "Madame la Députée,\n\n"
    "Ma sœur attend depuis trois ans : « assez » ! L'œuvre d'une vie, séparée.\n\n"
    "Veuillez agréer mes salutations distinguées."
)


def pdf_text(content, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("!! pdftotext is missing (apt-get install poppler-utils)")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext marks right-to-left runs with embedding characters; the letters are what count.
    return text.replace("\u202b", "").replace("\u202c", "")


def docx_text(content):
    document = Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


@pytest.fixture
def letter(db):
    return LetterFactory(sender_name=ARABIC_NAME, body=BODY)


def test_it_writes_accents_oe_guillemets_and_an_arabic_name_into_the_pdf(letter, tmp_path):
    text = pdf_text(render_pdf(letter), tmp_path)
    assert "Ma sœur attend depuis trois ans : « assez » !" in text
    assert "L'œuvre d'une vie" in text
    assert "Objet : Réunir les familles : « maintenant »" in text
    # In reading order, so the letters were shaped and laid out right to left, not dropped.
    assert ARABIC_NAME in text


def test_it_addresses_and_dates_the_pdf_and_says_no_stamp_is_needed_for_an_mp(letter, tmp_path):
    text = pdf_text(render_pdf(letter), tmp_path)
    assert "Chambre des communes" in text
    assert "K1A 0A6" in text
    assert build_document(letter).date in text
    assert "Pas besoin de timbre" in text


def test_it_writes_the_same_text_into_the_docx(letter):
    text = docx_text(render_docx(letter))
    assert "Ma sœur attend depuis trois ans : « assez » !" in text
    assert ARABIC_NAME in text
    assert "Objet : Réunir les familles : « maintenant »" in text
    assert "Pas besoin de timbre" in text


def test_it_writes_english_letters_in_english(db, tmp_path):
    letter = LetterFactory(
        language="en",
        subject="Families together",
        body="Dear Ms. Smith,\n\nPlease act.",
        to_address="House of Commons\nOttawa ON  K1A 0A6",
    )
    text = pdf_text(render_pdf(letter), tmp_path)
    assert "Subject: Families together" in text
    assert "No stamp needed" in text
    assert "Objet" not in text


def test_it_asks_for_a_stamp_when_the_letter_does_not_go_to_the_house_of_commons(db):
    letter = LetterFactory(to_address="835, boulevard René-Lévesque Est\nQuébec (Québec)  G1A 1B4")
    assert "Pas besoin de timbre" not in docx_text(render_docx(letter))
    assert "Affranchissez l’enveloppe" in docx_text(render_docx(letter))


def test_the_preview_and_the_email_carry_the_same_paragraphs(letter):
    html = render_html(letter)
    email_body = build_message(letter).body
    for paragraph in build_document(letter).paragraphs:
        assert paragraph in email_body
        assert paragraph.replace("'", "&#x27;") in html
