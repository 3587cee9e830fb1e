"""The public list's filters: by province or territory and by sector, each with its count."""

from dataclasses import dataclass
from urllib.parse import urlencode

from portevoix.endorsements.models import REGIONS, Sector

FILTERS = {"region": dict(REGIONS), "sector": dict(Sector.choices)}


@dataclass
class Option:
    value: str
    label: str
    count: int
    query: str
    selected: bool


class EndorserFilter:
    """What the visitor chose; an unknown value is ignored rather than refused."""

    def __init__(self, query):
        self.chosen = {
            name: query.get(name, "")
            for name, allowed in FILTERS.items()
            if query.get(name, "") in allowed
        }

    def apply(self, endorsements):
        wanted = {f"organization__{name}": value for name, value in self.chosen.items()}
        return endorsements.filter(**wanted)

    def is_active(self):
        return bool(self.chosen)

    def description(self):
        """The chosen filters in words, e.g. "Ontario, Health"."""
        labels = [str(FILTERS[name][value]) for name, value in self.chosen.items()]
        return ", ".join(labels)

    def query_with(self, name, value):
        choice = {**self.chosen, name: value}
        kept = {key: val for key, val in choice.items() if val}
        return "?" + urlencode(kept) if kept else "?"

    def options(self, name, choices, counts):
        """Every choice with endorsers, plus "all", as links that keep the other filter."""
        everything = Option("", "", sum(counts.values()), self.query_with(name, ""), False)
        everything.selected = name not in self.chosen
        listed = [
            Option(
                value,
                str(label),
                counts[value],
                self.query_with(name, value),
                self.chosen.get(name) == value,
            )
            for value, label in choices
            if counts.get(value)
        ]
        return [everything, *listed]
