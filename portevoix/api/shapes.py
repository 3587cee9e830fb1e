"""Pieces several collections share: whom an action targeted, and dates, with their schemas.

Targets come from our own records (ridings, MPs, office holders), never from what a person
typed, so nothing private can travel through them.
"""

from portevoix.representatives.models import OfficeHolder


def iso(moment):
    return moment.isoformat() if moment else None


def riding(district):
    if district is None:
        return None
    return {"number": district.number, "name_fr": district.name_fr, "name_en": district.name_en}


def representative(person):
    return person.name if person is not None else None


def office_holder(holder):
    if holder is None:
        return None
    return {
        "role": holder.role,
        "province": holder.province or None,
        "title_fr": holder.title_fr,
        "title_en": holder.title_en,
        "name": holder.name or None,
    }


TARGET_RELATIONS = ["campaign", "representative", "office_holder", "district"]

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time"}
LANGUAGE = {"type": "string", "enum": ["fr", "en"]}
RIDING = {
    "type": ["object", "null"],
    "required": ["number", "name_fr", "name_en"],
    "properties": {
        "number": {"type": "string"},
        "name_fr": {"type": "string"},
        "name_en": {"type": "string"},
    },
}
OFFICE_HOLDER = {
    "type": ["object", "null"],
    "required": ["role", "province", "title_fr", "title_en", "name"],
    "properties": {
        "role": {"type": "string", "enum": OfficeHolder.Role.values},
        "province": NULLABLE_STRING,
        "title_fr": {"type": "string"},
        "title_en": {"type": "string"},
        "name": NULLABLE_STRING,
    },
}


def kind_schema(kind, required, properties):
    """An item of a combined collection: its `kind` tells which part it came from."""
    return {
        "type": "object",
        "required": ["kind", "id", "campaign", *required],
        "properties": {
            "kind": {"type": "string", "enum": [kind]},
            "id": {"type": "string", "format": "uuid"},
            "campaign": {"type": "string"},
            **properties,
        },
    }
