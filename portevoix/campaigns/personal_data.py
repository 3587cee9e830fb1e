from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns.models import ContactMessage
from portevoix.privacy.registry import register_personal_data
from portevoix.privacy.retention import register_purge


def export_contact_messages(email):
    return [
        {
            "received": message.created_at.isoformat(),
            "name": message.name,
            "organization": message.organization,
            "message": message.message,
        }
        for message in ContactMessage.objects.filter(email=email)
    ]


def erase_contact_messages(email):
    deleted, _per_model = ContactMessage.objects.filter(email=email).delete()
    return deleted


def purge_old_contact_messages(now):
    cutoff = now - timezone.timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _per_model = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted


register_personal_data(
    "contact_messages",
    _("Your messages to the campaign"),
    export_contact_messages,
    erase_contact_messages,
    {
        "received": _("received"),
        "name": _("name"),
        "organization": _("organization"),
        "message": _("message"),
    },
)
register_purge("contact messages", purge_old_contact_messages)
