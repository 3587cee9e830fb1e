"""SQL written once per process for the busiest statements, instead of built on every request.

The ORM builds and compiles a query's SQL each time it runs. For the few statements every
form post runs (a letter read by its private link, an intake row stored, a post counted),
that cost up to fifteen times what running the statement does. Their SQL is written here once, from
the models' own table and column names quoted for the database in use; the values are
still passed apart from the SQL, as the ORM does.
"""

from contextlib import contextmanager
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction


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


def first_row(sql, values=()):
    """The first row `sql` gives (a read, or a write with RETURNING), or None.

    On PostgreSQL it runs on a cursor kept for the connection (`DatabaseWrapper.first_row`).
    """
    database = connections[DEFAULT_DB_ALIAS]
    if hasattr(database, "first_row"):
        return database.first_row(sql, values)
    return first_row_through_django(database, sql, values)


def first_row_through_django(database, sql, values):
    """`first_row` on Django's cursor, which whatever watches queries sees."""
    with database.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone()


def is_watched(database):
    """Whether something sees queries through Django's cursor: tests counting them, a
    debugging tool."""
    return database.queries_logged or bool(database.execute_wrappers)


@contextmanager
def write_transaction():
    """One short transaction for statements made here; yields `first_row` to run them with.

    On SQLite it goes straight to SQLite's connection (`DatabaseWrapper.short_write`), unless
    a transaction is already open (it then joins it, as `atomic` does) or something watches
    the queries through Django's cursor (tests counting them, a debugging tool), which then
    sees them as usual. Other databases use `atomic`, and run the statements with
    `first_row`.
    """
    database = connections[DEFAULT_DB_ALIAS]
    short_write = getattr(database, "short_write", None)
    if short_write is None or database.in_atomic_block or is_watched(database):
        # Within a caller's transaction no savepoint is needed: an error fails it all.
        with transaction.atomic(savepoint=False):
            yield first_row
    else:
        with short_write() as run:
            yield run


def read_one(queryset, fields, **equal_to):
    """The first row of `queryset`'s model whose fields equal `equal_to`, reading only
    `fields` (a tuple, the key among them; the others load if read, as with `only()`),
    or None. Values are converted and read back as the ORM does (decrypted, for instance).
    """
    model = queryset.model
    fields = in_model_order(model, fields)
    sql = _read_one_sql(model, fields, tuple(equal_to), connection.vendor)
    row = first_row(sql, db_values(model, **equal_to))
    return None if row is None else model_from_row(model, fields, row)


@cache  # per database vendor, whose quoting it uses
def _read_one_sql(model, fields, keys, vendor):
    where = " AND ".join(f"{{{name}}} = %s" for name in keys)
    return model_sql(
        model,
        # Only field names go into the SQL (quoted as columns); the values are passed apart.
        f"SELECT {{columns}} FROM {{table}} WHERE {where} LIMIT 1",  # noqa: S608
        columns=fields,
        **{name: name for name in keys},
    )


@cache
def in_model_order(model, fields):
    """`fields` once each, in the order the model declares them, as `Model.from_db` expects."""
    order = {field.name: index for index, field in enumerate(model._meta.concrete_fields)}
    return tuple(sorted(set(fields), key=order.__getitem__))


def model_from_row(model, fields, row):
    """An instance of `model` from a row of `fields`' columns (in the model's order), each
    value converted as the ORM converts it (`from_db_value`, the database's own conversions).

    The ORM's raw queries work out which converters apply on every query: for the letter's
    send step that was half the cost of reading it. Here they are worked out once.
    """
    attnames, converters = _row_reading(model, fields, connection.vendor)
    values = list(row)
    for index, expression, field_converters in converters:
        for convert in field_converters:
            values[index] = convert(values[index], expression, connection)
    return model.from_db(connection.alias, attnames, values)


@cache  # per database vendor, whose converters it uses
def _row_reading(model, fields, vendor):
    table = model._meta.db_table
    attnames, converters = [], []
    for index, name in enumerate(fields):
        field = model._meta.get_field(name)
        column = field.get_col(table)
        # In the order the ORM applies them: the database's, then the field's.
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        attnames.append(field.attname)
        if found:
            converters.append((index, column, found))
    return attnames, converters
