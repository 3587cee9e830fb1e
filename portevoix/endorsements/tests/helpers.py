import re

from django.urls import resolve, reverse
from django.utils import translation

from portevoix.spread.models import Referrer

LINK = re.compile(r"https://porte-voix\.example(/\S+)")


def url(name, *args, language="en", query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


def links_in(message):
    """The site paths of every link in an email's text."""
    return LINK.findall(message.body)


def referrer_linked_by(path):
    """The referrer whose private page a path opens.

    Its token carries the second it was made, so two links to the same page made a second
    apart differ: compare what they open, not their text.
    """
    match = resolve(path)
    assert match.view_name == "endorsements:allies"
    return Referrer.from_private_token(match.kwargs["token"])


def endorsement_form(**overrides):
    return {
        "organization_name": "Clinique Santé Pour Tous",
        "sector": "health",
        "region": "QC",
        "website": "sante-pour-tous.example",
        "contact_name": "Léa Roy",
        "contact_email": "Lea.Roy@Sante.example",
        "statement": "Les familles vont mieux ensemble.",
        "statement_language": "fr",
        "consent_contact": "on",
        "consent_listing": "on",
        **overrides,
    }
