"""What the API serves: each app registers its collections (a queryset, a scope, a shape)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Collection:
    name: str
    scope: str
    description: str
    queryset: Callable  # () -> QuerySet, ordered, with a "since" field
    since_field: str
    serialize: Callable  # (obj) -> dict
    item_schema: dict  # JSON Schema of one item


_COLLECTIONS = {}


def register_collection(collection):
    _COLLECTIONS[collection.name] = collection


def collections():
    return dict(sorted(_COLLECTIONS.items()))
