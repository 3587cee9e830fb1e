"""Keep the suppression list as keyed hashes of the addresses, not the addresses."""

from django.db import migrations, models

from portevoix.lib.hashing import keyed_hash


def hash_addresses(apps, schema_editor):
    Suppression = apps.get_model("endorsements", "Suppression")
    seen = set()
    for row in Suppression.objects.order_by("created_at", "pk"):
        digest = keyed_hash((row.email or "").strip().lower())
        if digest in seen:
            row.delete()  # the same address twice (different case): the oldest entry stays
            continue
        seen.add(digest)
        row.email_hash = digest
        row.save(update_fields=["email_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("endorsements", "0002_consents_to_privacy"),
    ]

    operations = [
        migrations.AddField(
            model_name="suppression",
            name="email_hash",
            field=models.CharField(max_length=32, null=True, verbose_name="address (keyed hash)"),
        ),
        # Hashes cannot be turned back into addresses: there is no way back.
        migrations.RunPython(hash_addresses, migrations.RunPython.noop),
        migrations.RemoveField(model_name="suppression", name="email"),
        migrations.AlterField(
            model_name="suppression",
            name="email_hash",
            field=models.CharField(
                max_length=32, unique=True, verbose_name="address (keyed hash)"
            ),
        ),
    ]
