from django.db import models

from portevoix.lib import encryption


class EncryptedTextField(models.TextField):
    """Text kept encrypted in the database and readable in Python.

    It cannot be searched or filtered on: only the holder of the keys can read it.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return encryption.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encryption.encrypt(value)
