"""After putting a new key first in FIELD_ENCRYPTION_KEYS, rewrite every encrypted text with it
(and text written by earlier versions, with Fernet, in the current form)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from portevoix.privacy.fields import EncryptedTextField


def encrypted_fields():
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        names = [f.attname for f in fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


class Command(BaseCommand):
    help = "Re-encrypt sensitive text with the newest key (run after adding a key)."

    def handle(self, *args, **options):
        for model, names in encrypted_fields():
            rewritten = 0
            # Reading decrypts with whichever key fits; writing encrypts with the newest.
            for pk, *values in model.objects.values_list("pk", *names).iterator():
                with transaction.atomic():
                    model.objects.filter(pk=pk).update(**dict(zip(names, values, strict=True)))
                rewritten += 1
            self.stdout.write(f"{model._meta.label}: {rewritten} rows re-encrypted")
