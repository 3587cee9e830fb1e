"""Copy the endorsements app's own consents into the privacy app's one table.

Each keeps its wording, language and time. Purposes map onto the privacy app's: being written
to about the endorsement is CONTACT_REPLY, being listed is LIST_PUBLICLY, letting invited
organizations see the inviter's address (an invitation sent in their name) is SEND_LETTER.
The source names what it was given for: "endorsement:<pk>" or "referrer:<pk>".

An endorsement that said "listed" but has no recorded consent to be listed is not given one:
a consent is never invented. It stays counted, unnamed.
"""

from django.db import migrations

PURPOSES = {
    "contact": "contact_reply",
    "public-listing": "list_publicly",
    "reply-to": "send_letter",
}
BACK = {new: old for old, new in PURPOSES.items()}


def owner(old):
    """(email, campaign id, source) of an old consent, or None when no address is left."""
    if old.endorsement_id is not None:
        endorsement = old.endorsement
        email = endorsement.organization.contact_email
        return email, endorsement.campaign_id, f"endorsement:{endorsement.pk}"
    if old.referrer_id is not None and old.referrer.email:
        referrer = old.referrer
        return referrer.email, referrer.campaign_id, f"referrer:{referrer.pk}"
    return None


def forwards(apps, schema_editor):
    Old = apps.get_model("endorsements", "Consent")
    New = apps.get_model("privacy", "Consent")
    for old in Old.objects.select_related("endorsement__organization", "referrer"):
        found = owner(old)
        if found is None:
            continue  # an erased inviter: nothing left to tie the consent to
        email, campaign_id, source = found
        New.objects.create(
            email=email.strip().lower(),
            purpose=PURPOSES[old.purpose],
            wording=old.wording,
            language=old.language,
            campaign_id=campaign_id,
            source=source,
            given_at=old.given_at,
        )


def backwards(apps, schema_editor):
    Old = apps.get_model("endorsements", "Consent")
    New = apps.get_model("privacy", "Consent")
    moved = New.objects.filter(source__regex=r"^(endorsement|referrer):\d+$")
    for new in moved.filter(withdrawn_at__isnull=True):
        kind, pk = new.source.split(":")
        Old.objects.create(
            purpose=BACK.get(new.purpose, "contact"),
            wording=new.wording,
            language=new.language,
            given_at=new.given_at,
            **{f"{kind}_id": int(pk)},
        )
    moved.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("endorsements", "0001_initial"),
        ("privacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
