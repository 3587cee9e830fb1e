"""What the API serves: each app registers its collections (a queryset, a scope, a shape).

Several apps may feed one collection: each registers its part under the same name and scope
(letters, calls, meetings and report-backs are all `actions`). The API serves the parts as one
list, oldest first across all of them, each item saying which `kind` it is.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import F, Value


@dataclass(frozen=True)
class Collection:
    name: str
    scope: str
    description: str
    queryset: Callable  # () -> QuerySet, ordered, with a "since" field
    since_field: str
    serialize: Callable  # (obj) -> dict
    item_schema: dict  # JSON Schema of one item


@dataclass(frozen=True)
class Served:
    """One collection as the API serves it: the parts several apps registered under its name."""

    name: str
    scope: str
    parts: tuple

    @property
    def description(self):
        described = " ".join(part.description for part in self.parts)
        if len(self.parts) == 1:
            return described
        return f"Oldest first across all kinds; each item's `kind` says which it is. {described}"

    @property
    def item_schema(self):
        if len(self.parts) == 1:
            return self.parts[0].item_schema
        # Each part's items carry a distinct `kind`, so exactly one schema matches an item.
        return {"oneOf": [part.item_schema for part in self.parts]}

    def rows(self, since=None):
        """The records to list, oldest first: a sliceable, countable sequence of objects."""
        if len(self.parts) == 1:
            return filtered(self.parts[0], since)
        return Combined(self.parts, since)

    def serialize(self, row):
        part, obj = row if isinstance(row, tuple) else (self.parts[0], row)
        return part.serialize(obj)


def filtered(part, since):
    rows = part.queryset()
    if since is not None:
        rows = rows.filter(**{f"{part.since_field}__gte": since})
    return rows


class Combined:
    """Several parts paged as one: the database orders (part, pk, moment) keys of all of them
    in one UNION query; only the page's records are then read, part by part."""

    def __init__(self, parts, since):
        self.parts = parts
        keys = [
            filtered(part, since)
            .order_by()
            .annotate(api_part=Value(index), api_moment=F(part.since_field))
            .values_list("api_moment", "api_part", "pk")
            for index, part in enumerate(parts)
        ]
        self.keys = keys[0].union(*keys[1:], all=True).order_by("api_moment", "api_part", "pk")

    def count(self):
        return self.keys.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        keys = list(self.keys[window])
        wanted = {}
        for _moment, index, pk in keys:
            wanted.setdefault(index, []).append(pk)
        found = {index: self.parts[index].queryset().in_bulk(pks) for index, pks in wanted.items()}
        # A record erased between the two queries is left out rather than served half-read.
        return [
            (self.parts[index], found[index][pk])
            for _moment, index, pk in keys
            if pk in found[index]
        ]


_COLLECTIONS = {}


def register_collection(collection):
    parts = _COLLECTIONS.setdefault(collection.name, [])
    if parts and parts[0].scope != collection.scope:
        raise ImproperlyConfigured(
            f"the parts of the {collection.name!r} collection must share one scope"
        )
    if collection not in parts:
        parts.append(collection)


def collections():
    return {
        name: Served(name, parts[0].scope, tuple(parts))
        for name, parts in sorted(_COLLECTIONS.items())
    }
