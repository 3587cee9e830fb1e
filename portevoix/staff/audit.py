"""Record staff actions in the audit log. Actions call `record()`; signals cover the admin."""

from portevoix.staff.models import AuditEntry


def record(actor, action, target=None, **details):
    """Write one audit entry: `actor` did `action` to `target` (a model instance or None)."""
    entry = AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "get_username", lambda: "")() if actor else "",
        action=action,
        details=details,
    )
    if target is not None:
        entry.target_type = target._meta.label
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:200]
    entry.save()
    return entry
