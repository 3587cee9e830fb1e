from django.db import migrations
from django.db.models.functions import Coalesce

# The states in which a letter counts as written (letters.models.WRITTEN_STATES, as of now).
WRITTEN_STATES = ["queued", "sending", "sent", "failed", "self_sent"]


def moments_only_in_their_state(apps, schema_editor):
    """The new conditions of the indexes hold as the old ones did: a next attempt only while
    queued, a claim only while sending, a confirmation for every written letter (as 0007
    gave them) and for no other. Only the rows that differ are written."""
    Letter = apps.get_model("letters", "Letter")
    letters = Letter.objects
    letters.exclude(status="queued").exclude(next_attempt_at=None).update(next_attempt_at=None)
    letters.exclude(status="sending").exclude(claimed_at=None).update(claimed_at=None)
    unconfirmed = letters.filter(status__in=WRITTEN_STATES, confirmed_at=None)
    unconfirmed.update(confirmed_at=Coalesce("sent_at", "created_at"))
    letters.exclude(status__in=WRITTEN_STATES).exclude(confirmed_at=None).update(confirmed_at=None)


class Migration(migrations.Migration):
    # Apart from the indexes' change (0009): PostgreSQL makes no index on a table whose rows
    # were updated earlier in the same transaction while the checks of their links wait for
    # its end.
    dependencies = [
        ("letters", "0007_self_sent_letters_are_confirmed"),
    ]

    operations = [
        migrations.RunPython(moments_only_in_their_state, migrations.RunPython.noop),
    ]
