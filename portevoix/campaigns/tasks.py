from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from portevoix.lib.emails import send_templated_email


def staff_addresses(message):
    # A campaign's own address, else the site's (both come from staff_notification_emails).
    if message.campaign:
        named = message.campaign.staff_notification_emails()
    else:
        named = list(settings.STAFF_NOTIFICATION_EMAILS)
    if named:
        return named
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return list(staff.values_list("email", flat=True))


@task()
def notify_staff_of_contact_message(message_id):
    from portevoix.campaigns.models import ContactMessage

    message = ContactMessage.objects.select_related("campaign").filter(pk=message_id).first()
    if message is None or message.staff_notified_at:
        return "nothing to do"
    recipients = staff_addresses(message)
    if not recipients:
        return "no staff address configured"
    send_templated_email(
        "contact_notification",
        to=recipients,
        context={"message": message, "SITE_URL": settings.SITE_URL},
        language=settings.STAFF_LANGUAGE,
        # Staff answer the visitor directly by replying, only because they agreed to it.
        reply_to=[message.email] if message.consent_to_reply else None,
    )
    ContactMessage.objects.filter(pk=message.pk).update(staff_notified_at=timezone.now())
    return "sent"
