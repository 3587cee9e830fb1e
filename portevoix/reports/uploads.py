"""Replies people attach to a report: a PDF or a photo, recognized by its first bytes.

A file's name and the type the browser claims are the sender's to choose; its first bytes
are what a program opening it will trust. Files are stored under a random name and never
served as pages: staff download them as attachments.
"""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_REPLY_BYTES = 5 * 1024 * 1024
SIGNATURES = [
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
]


def sniff(head):
    """(extension, content type) from a file's first bytes, or None if not an accepted kind."""
    for signature, extension, content_type in SIGNATURES:
        if head.startswith(signature):
            return extension, content_type
    return None


def read_head(upload, size=16):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def check_reply_file(upload):
    if upload.size > MAX_REPLY_BYTES:
        raise forms.ValidationError(
            _("This file is larger than 5 MB. Please send a smaller file, or a photo of the page."),
            code="too_large",
        )
    if sniff(read_head(upload)) is None:
        raise forms.ValidationError(
            _(
                "This file is not a PDF, JPEG or PNG, whatever its name says. "
                "Please choose a PDF or a photo."
            ),
            code="wrong_type",
        )


def stored_name(upload):
    """A random name: the sender's file name may say who they are."""
    extension, _content_type = sniff(read_head(upload))
    return f"{uuid.uuid4().hex}.{extension}"


def content_type_of(name):
    """The type of a stored reply, from the extension it was given when its bytes were read."""
    extension = name.rsplit(".", 1)[-1]
    for _signature, known, content_type in SIGNATURES:
        if extension == known:
            return content_type
    return "application/octet-stream"
