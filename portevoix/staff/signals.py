"""The audit log hears of sign-ins and of every change made through the admin."""

from django.contrib.admin.models import LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver

from portevoix.staff.audit import record
from portevoix.staff.models import AuditEntry

ADMIN_ACTIONS = {1: "admin.added", 2: "admin.changed", 3: "admin.deleted"}


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    if user.is_staff:
        record(user, "signed_in")


@receiver(user_logged_out)
def audit_sign_out(sender, request, user, **kwargs):
    if user is not None and user.is_staff:
        record(user, "signed_out")


@receiver(post_save, sender=LogEntry)
def audit_admin_change(sender, instance, created, **kwargs):
    if not created:
        return
    AuditEntry(
        actor=instance.user,
        actor_name=instance.user.get_username() if instance.user else "",
        action=ADMIN_ACTIONS.get(instance.action_flag, "admin.other"),
        target_type=instance.content_type.model_class()._meta.label
        if instance.content_type
        else "",
        target_id=instance.object_id or "",
        target_repr=instance.object_repr[:200],
        details={"change": instance.get_change_message()},
    ).save()
