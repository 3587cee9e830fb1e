"""Emails render from templates by name, one set per language.

`emails/<name>.subject.txt`, `emails/<name>.body.txt` and, when present,
`emails/<name>.body.html`, each rendered with the given language active.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


def render_email(name, context, language):
    with translation.override(language):
        subject = render_to_string(f"emails/{name}.subject.txt", context)
        body = render_to_string(f"emails/{name}.body.txt", context)
        try:
            html = render_to_string(f"emails/{name}.body.html", context)
        except TemplateDoesNotExist:
            html = None
    # A subject is one line: newlines in it would start new headers.
    subject = " ".join(subject.split())
    return subject, body, html


def send_templated_email(name, to, context, language, reply_to=None, headers=None):
    subject, body, html = render_email(name, context, language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to or []),
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    return message
