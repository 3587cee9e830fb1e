from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

OTHER_LANGUAGE = {"fr": "en", "en": "fr"}


def site(request):
    """What every page's layout needs: the site address and the other language's URL."""
    current = get_language() or settings.LANGUAGE_CODE
    other = OTHER_LANGUAGE.get(current, "en")
    return {
        "SITE_URL": settings.SITE_URL,
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
    }
