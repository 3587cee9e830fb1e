"""Documents to print or download, built from plain paragraphs."""

import io

from docx import Document
from docx.shared import Pt


def paragraphs_to_docx(title, paragraphs):
    """A simple Word document: a heading, then one paragraph per string."""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
