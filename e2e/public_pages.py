"""Every public page, by URL name, for the checks that must hold on all of them."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portevoix.campaigns.demo_content import CAMPAIGN

# (URL name, takes the campaign slug[, further arguments])
PUBLIC_PAGES = [
    ("campaigns:detail", True),
    ("campaigns:organizations", True),
    ("campaigns:individuals", True),
    ("campaigns:resources", True),
    ("campaigns:contact", True),
    ("campaigns:contact_thanks", True),
    ("letters:choose", True),
    ("endorsements:endorse", True),
    ("endorsements:sent", True),
    ("endorsements:list", True),
    ("endorsements:invite_start", True),
    ("endorsements:province", True),
    ("spread:kit", True),
    ("meetings:call", True),
    ("meetings:meeting", True),
    ("meetings:kit", True),
    ("meetings:log_request", True),
    ("reports:report_back", True),
    ("reports:thanks", True),
    ("results:public", True),
    ("results:province", True, "qc"),
    ("representatives:find_mp", False),
    ("representatives:districts", False),
    ("privacy:policy", False),
    ("privacy:request_link", False),
    ("privacy:link_sent", False),
    ("privacy:erased", False),
]


def public_urls(language):
    urls = []
    with translation.override(language):
        for name, with_slug, *more in PUBLIC_PAGES:
            try:
                arguments = ([CAMPAIGN["slug"]] if with_slug else []) + more
                urls.append(reverse(name, args=arguments))
            except NoReverseMatch as missing:
                raise AssertionError(f"public page {name} has no address") from missing
    return urls
