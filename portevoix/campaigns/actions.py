from django.db import transaction

from portevoix.campaigns.forms import CONSENT_TO_REPLY
from portevoix.campaigns.models import ContactMessage
from portevoix.campaigns.tasks import notify_staff_of_contact_message
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose


def receive_contact_message(*, campaign, cleaned_data, language, network_address_hash):
    """Store a visitor's message and their consent, and have the worker announce it to staff."""
    with transaction.atomic():
        message = ContactMessage.objects.create(
            campaign=campaign,
            name=cleaned_data["name"],
            email=cleaned_data["email"],
            organization=cleaned_data.get("organization", ""),
            message=cleaned_data["message"],
            consent_to_reply=cleaned_data["consent_to_reply"],
            language=language,
            network_address_hash=network_address_hash,
        )
        record_consent(
            email=message.email,
            purpose=Purpose.CONTACT_REPLY,
            wording=CONSENT_TO_REPLY,
            language=language,
            campaign=campaign,
            source=f"contact:{message.pk}",
        )
        # Queued in the same transaction: the message and its announcement are kept together
        # or not at all, and the database takes one write instead of two.
        notify_staff_of_contact_message.enqueue(message.pk)
    return message
