"""Where each app says what personal data it holds, so a person can see and erase all of it.

An app registers, for its kind of record, a function that exports what is held for an
email address (a list of dicts with stable keys, which the JSON download keeps), labels for
those keys (what the person reads on the page), and a function that erases it (deleting,
or anonymizing where the campaign's counts must survive), returning how many records.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: Promise  # a lazily translated name, e.g. _("Contact messages")
    export: Callable[[str], list]
    erase: Callable[[str], int]
    field_labels: dict

    def readable(self, records):
        """Records as (label, value) pairs in the visitor's language."""
        return [
            [(self.field_labels.get(name, name), value) for name, value in record.items()]
            for record in records
        ]


_KINDS = {}


def register_personal_data(key, label, export, erase, field_labels=None):
    _KINDS[key] = PersonalData(key, label, export, erase, field_labels or {})


def kinds():
    return list(_KINDS.values())


def normalize_email(email):
    return (email or "").strip().lower()


def export_everything(email):
    email = normalize_email(email)
    return {kind.key: {"label": str(kind.label), "records": kind.export(email)} for kind in kinds()}


def readable_everything(email):
    """What the person's page shows: each kind's name and its records, labelled."""
    email = normalize_email(email)
    return [
        {"key": kind.key, "label": kind.label, "records": kind.readable(kind.export(email))}
        for kind in kinds()
    ]


def holds_anything(email):
    email = normalize_email(email)
    return any(kind.export(email) for kind in kinds())


def erase_everything(email):
    email = normalize_email(email)
    return {kind.key: kind.erase(email) for kind in kinds()}
