"""The tools a suggested action can link to, found by name.

A tool's address depends on the visitor's language (`/fr/.../nous-joindre/`,
`/en/.../contact/`), so actions store the tool's name and the address is worked out
when the page is shown. Apps register their tools in their AppConfig.ready().
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

_TOOLS = {}


def register_tool(name, label, url_for):
    """`url_for(campaign, argument)` returns the tool's address in the active language."""
    _TOOLS[name] = (label, url_for)


def tool_choices():
    return sorted((name, label) for name, (label, _url_for) in _TOOLS.items())


def tool_url(campaign, tool):
    """The address of `tool` ("name" or "name:argument") for this campaign, or "" if unknown."""
    name, _sep, argument = tool.partition(":")
    if name not in _TOOLS:
        return ""
    try:
        return _TOOLS[name][1](campaign, argument)
    except NoReverseMatch:
        return ""


register_tool(
    "contact",
    _("Contact form"),
    lambda campaign, _arg: reverse("campaigns:contact", args=[campaign.slug]),
)
