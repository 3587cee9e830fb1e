from django.db import transaction

from portevoix.campaigns.forms import CONSENT_TO_REPLY
from portevoix.campaigns.models import ContactMessage
from portevoix.campaigns.tasks import notify_staff_of_contact_message


def receive_contact_message(*, campaign, cleaned_data, language, network_address_hash):
    """Store a visitor's message and have the worker announce it to staff."""
    with transaction.atomic():
        message = ContactMessage.objects.create(
            campaign=campaign,
            name=cleaned_data["name"],
            email=cleaned_data["email"],
            organization=cleaned_data.get("organization", ""),
            message=cleaned_data["message"],
            consent_to_reply=cleaned_data["consent_to_reply"],
            consent_wording=str(CONSENT_TO_REPLY),
            language=language,
            network_address_hash=network_address_hash,
        )
        transaction.on_commit(lambda: notify_staff_of_contact_message.enqueue(message.pk))
    return message
