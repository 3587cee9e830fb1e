"""One letter, one source: the HTML preview, the email, the PDF and the DOCX all come from
`LetterDocument`, built once from the letter row, so what the writer previews is what is sent.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt
from fpdf import FPDF

HOUSE_OF_COMMONS_POSTAL_CODE = "K1A 0A6"


@dataclass
class LetterDocument:
    language: str
    date: str
    sender_lines: list
    recipient_lines: list
    subject: str
    paragraphs: list
    signature_lines: list
    copy_line: str = ""
    helper_line: str = ""
    envelope_lines: list = field(default_factory=list)
    postage_free: bool = False

    def body_text(self):
        """The letter as an email body: what the recipient reads, nothing else."""
        return render_to_string("letters/letter.txt", {"document": self}).strip() + "\n"


def paragraphs_of(text):
    """Blank lines separate paragraphs; single line breaks inside one are kept."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def letter_date(letter, language):
    moment = letter.confirmed_at or letter.created_at or timezone.now()
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def build_document(letter):
    language = letter.language
    with translation.override(language):
        return LetterDocument(
            language=language,
            date=letter_date(letter, language),
            sender_lines=sender_lines(letter),
            recipient_lines=recipient_lines(letter),
            subject=letter.subject,
            paragraphs=paragraphs_of(letter.body),
            signature_lines=signature_lines(letter),
            copy_line=copy_line(letter),
            helper_line=helper_line(letter),
            envelope_lines=recipient_lines(letter),
            postage_free=HOUSE_OF_COMMONS_POSTAL_CODE.replace(" ", "")
            in letter.to_address.upper().replace(" ", ""),
        )


def sender_lines(letter):
    lines = [letter.signer_name()]
    if letter.sender_organization:
        lines.append(letter.sender_organization)
    if letter.postal_code:
        lines.append(letter.postal_code)
    if letter.sender_email:
        lines.append(letter.sender_email)
    return [line for line in lines if line]


def recipient_lines(letter):
    lines = [letter.to_name, letter.to_title]
    lines += [line.strip() for line in letter.to_address.splitlines()]
    return [line for line in lines if line]


def signature_lines(letter):
    lines = [letter.signer_name()]
    if letter.sender_organization:
        lines.append(letter.sender_organization)
    if letter.riding_name and letter.template.target == "mp":
        lines.append(_("Riding: %(riding)s") % {"riding": letter.riding_name})
    if letter.postal_code:
        lines.append(_("Postal code: %(code)s") % {"code": letter.postal_code})
    return [line for line in lines if line]


def copy_line(letter):
    if not (letter.copy_mp and letter.cc_name):
        return ""
    return _("Copy: %(name)s, %(title)s") % {"name": letter.cc_name, "title": letter.cc_title}


def helper_line(letter):
    if not letter.on_behalf_of:
        return ""
    return _("Written and sent by %(helper)s on behalf of %(person)s, with their agreement.") % {
        "helper": letter.sender_name,
        "person": letter.on_behalf_of,
    }


# --- HTML and text ----------------------------------------------------------------------------


def render_html(letter, document=None):
    document = document or build_document(letter)
    with translation.override(letter.language):
        return render_to_string("letters/_letter.html", {"document": document})


# --- PDF ----------------------------------------------------------------------------------------


def font_path(name):
    return Path(settings.LETTER_FONT_DIR) / name


def shaping_available():
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def new_pdf(*, title, language, margins, bottom_margin):
    """A Letter-size PDF with its first page, in DejaVu fonts (regular "" and bold "B")."""
    pdf = FPDF(format="Letter")
    pdf.set_margins(*margins)
    pdf.set_auto_page_break(True, margin=bottom_margin)
    pdf.add_font("DejaVu", "", str(font_path("DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(font_path("DejaVuSans-Bold.ttf")))
    if shaping_available():
        # Joins Arabic letters and lays right-to-left names out the right way round.
        pdf.set_text_shaping(True)
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.add_page()
    return pdf


def render_pdf(letter):
    document = build_document(letter)
    pdf = new_pdf(
        title=document.subject, language=document.language, margins=(25, 22, 25), bottom_margin=22
    )
    write_pdf_letter(pdf, document)
    write_pdf_envelope(pdf, document)
    return bytes(pdf.output())


def write_pdf_lines(pdf, lines, style="", size=11):
    pdf.set_font("DejaVu", style, size)
    for line in lines:
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")


def write_pdf_letter(pdf, document):
    write_pdf_lines(pdf, document.sender_lines)
    pdf.ln(6)
    write_pdf_lines(pdf, [document.date])
    pdf.ln(6)
    write_pdf_lines(pdf, document.recipient_lines)
    pdf.ln(6)
    write_pdf_lines(pdf, [subject_line(document)], style="B")
    pdf.ln(4)
    for paragraph in document.paragraphs:
        write_pdf_lines(pdf, [paragraph])
        pdf.ln(3)
    pdf.ln(4)
    write_pdf_lines(pdf, document.signature_lines)
    extra = [line for line in (document.copy_line, document.helper_line) if line]
    if extra:
        pdf.ln(6)
        write_pdf_lines(pdf, extra, size=9)


def write_pdf_envelope(pdf, document):
    pdf.add_page()
    with translation.override(document.language):
        write_pdf_lines(pdf, [_("For the envelope")], style="B", size=13)
        pdf.ln(4)
        write_pdf_lines(pdf, document.envelope_lines, size=13)
        pdf.ln(6)
        write_pdf_lines(pdf, [postage_note(document)], size=10)


def subject_line(document):
    with translation.override(document.language):
        return _("Subject: %(subject)s") % {"subject": document.subject}


def postage_note(document):
    with translation.override(document.language):
        if document.postage_free:
            return _(
                "No stamp needed: mail to a Member of Parliament at the House of Commons "
                "is free of postage in Canada."
            )
        return _("Put a stamp on the envelope, or hand the letter in at the office.")


# --- DOCX ---------------------------------------------------------------------------------------


def render_docx(letter):
    document = build_document(letter)
    docx = Document()
    docx.styles["Normal"].font.size = Pt(11)
    docx.core_properties.title = document.subject
    docx.core_properties.language = document.language
    add_docx_lines(docx, document.sender_lines)
    docx.add_paragraph(document.date)
    add_docx_lines(docx, document.recipient_lines)
    docx.add_paragraph().add_run(subject_line(document)).bold = True
    for paragraph in document.paragraphs:
        docx.add_paragraph(paragraph)
    add_docx_lines(docx, document.signature_lines)
    for line in (document.copy_line, document.helper_line):
        if line:
            docx.add_paragraph(line)
    docx.add_page_break()
    with translation.override(document.language):
        docx.add_paragraph().add_run(_("For the envelope")).bold = True
    add_docx_lines(docx, document.envelope_lines)
    docx.add_paragraph(postage_note(document))
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def add_docx_lines(docx, lines):
    """Address blocks stay one paragraph with line breaks, as a letter prints them."""
    paragraph = docx.add_paragraph()
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()
