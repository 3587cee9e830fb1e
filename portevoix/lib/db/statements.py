"""SQL written once per process for the busiest statements, instead of built on every request.

The ORM builds and compiles a query's SQL each time it runs. For the few statements every
form post runs (a letter read by its private link, an intake row stored, a post counted),
that cost up to fifteen times what running the statement does. Their SQL is written here once, from
the models' own table and column names quoted for the database in use; the values are
still passed apart from the SQL, as the ORM does.
"""

from functools import cache

from django.db import connection


def model_sql(model, template, **names):
    """`template` with `{table}` and each of `names` as quoted SQL, made once per process.

    Each name is a field of `model` (its column is used: `campaign` gives `campaign_id`) or
    a tuple of fields (their columns, comma-separated). `{placeholders}` gives one `%s` for
    each field of the tuple named `columns`.
    """
    return _model_sql(model, template, tuple(names.items()), connection.vendor)


@cache  # per database vendor, whose quoting it uses
def _model_sql(model, template, names, vendor):
    names = dict(names)
    quoted = {name: _columns(model, fields) for name, fields in names.items()}
    if "columns" in names:
        quoted["placeholders"] = ", ".join(["%s"] * len(names["columns"]))
    return template.format(table=connection.ops.quote_name(model._meta.db_table), **quoted)


def _columns(model, fields):
    if isinstance(fields, str):
        fields = (fields,)
    return ", ".join(connection.ops.quote_name(model._meta.get_field(f).column) for f in fields)


def db_values(model, **values):
    """Each value as the database stores it in its field (a UUID, a date and time...)."""
    return [
        model._meta.get_field(name).get_db_prep_save(value, connection)
        for name, value in values.items()
    ]


def read_one(queryset, fields, **equal_to):
    """The first row of `queryset`'s model whose fields equal `equal_to`, reading only
    `fields` (a tuple, the key among them; the others load if read, as with `only()`),
    or None. Values are converted and read back as the ORM does (decrypted, for instance).
    """
    model = queryset.model
    where = " AND ".join(f"{{{name}}} = %s" for name in equal_to)
    sql = model_sql(
        model,
        # Only field names go into the SQL (quoted as columns); the values are passed apart.
        f"SELECT {{columns}} FROM {{table}} WHERE {where}",  # noqa: S608
        columns=fields,
        **{name: name for name in equal_to},
    )
    return next(iter(queryset.raw(sql, db_values(model, **equal_to))), None)
