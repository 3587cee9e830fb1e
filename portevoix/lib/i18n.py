"""Campaign content is stored in paired `<name>_fr` / `<name>_en` fields."""

from django.utils.translation import get_language

FALLBACK = {"fr": "en", "en": "fr"}


def current_language():
    return (get_language() or "fr")[:2]


class Bilingual:
    """A read-only attribute that returns the paired field for the active language.

    `title = Bilingual()` on a model with `title_fr` and `title_en` gives `obj.title`
    in the visitor's language, falling back to the other language when that one is empty.
    """

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self.in_language(instance, current_language())

    def in_language(self, instance, language):
        value = getattr(instance, f"{self.name}_{language}", "")
        if value:
            return value
        return getattr(instance, f"{self.name}_{FALLBACK.get(language, 'fr')}", "")
