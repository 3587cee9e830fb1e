"""Accept a form post with one write; the worker carries it out moments later.

A campaign shared widely brings bursts of form posts. Doing all of a post's work in the
request (several rows, consents, a queued email) costs several times what serving a page
does. Here the request validates the form, as before, so mistakes are shown at once;
then it stores one encrypted row and answers. `drain()` carries each row out with the
same code as before, in one transaction that also deletes the row: a row is carried out
once, or stays to be tried again.
"""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from portevoix.intake.models import Submission
from portevoix.intake.tasks import drain_intake, last_look_for_posts
from portevoix.lib.db.statements import first_row, model_sql, write_transaction
from portevoix.privacy.registry import normalize_email

_HANDLERS = {}

# A busy process asks for one drain per this many seconds; the drain runs a little later
# (DRAIN_DELAY), so every row written in between is there when it runs.
ASK_AT_MOST_EVERY = 0.5
DRAIN_DELAY = 1.0
BATCH = 200

_last_asked = 0.0
_asking = threading.Lock()


def register(kind, handler, email_of, label=None):
    """`handler(payload)` carries out a submission of this kind; it may raise to retry.

    `email_of(payload)` is the address of the person it is about, so what waits here is
    shown and erased with the rest of their data; `label` is what they read it as (a lazily
    translated text; the kind's name if none).
    """
    _HANDLERS[kind] = Kind(handler, email_of, kind if label is None else label)


@dataclass(frozen=True)
class Kind:
    handler: Callable[[dict], object]
    email_of: Callable[[dict], str]
    label: object


def label_of(kind):
    """What a person reads a waiting submission of this kind as."""
    return str(_HANDLERS[kind].label) if kind in _HANDLERS else kind


def accept(kind, payload):
    """Store a validated form's contents for the worker; `payload` must be JSON."""
    return store(prepare(kind, payload))


@dataclass
class Prepared:
    """A submission ready to be stored: its row's values made, contents encrypted; its key
    (`pk`) once stored."""

    values: list
    pk: int | None = None


def prepare(kind, payload):
    """Make a submission's row, with no database work.

    A caller that stores it within its own transaction prepares it first: on SQLite the
    transaction holds the only write lock from its start, so it should hold it for the
    writes alone, not while the contents are serialized and encrypted.

    No model instance is made: its signals, and preparing fields that always hold their
    defaults, took a third of this function's time, on every post.
    """
    if kind not in _HANDLERS:
        raise ValueError(f"no intake handler for {kind!r}")
    given = {"kind": kind, "payload": json.dumps(payload)}
    # A default made for each row (the moment it was received) is made now.
    given.update((field.name, field.get_default()) for field in defaults_made_per_row())
    values = [
        field.get_db_prep_save(given[field.name], connection) if field.name in given else default
        for field, default in fields_and_defaults(connection.vendor)
    ]
    return Prepared(values)


@cache
def defaults_made_per_row():
    return tuple(field for field in written_fields() if made_per_row(field))


def made_per_row(field):
    return field.has_default() and callable(field.default)


@cache  # per database vendor, which decides how a default is stored
def fields_and_defaults(vendor):
    """(field, its default as the database stores it) for each field a new row writes; None
    for a default made per row, which is never kept."""
    return tuple((field, kept_default(field)) for field in written_fields())


def kept_default(field):
    return None if made_per_row(field) else field.get_db_prep_save(field.get_default(), connection)


def store(prepared):
    """Write a prepared submission (in the caller's transaction, if any); ask for a drain."""
    insert(prepared)
    ask_for_drain()
    return prepared


def insert(prepared):
    """The one write of a busy form's post, with SQL made once per process.

    In a transaction, so on SQLite it takes its turn with other writers.
    """
    with write_transaction() as run:
        insert_with(run, prepared)


def insert_with(run, prepared):
    sql = model_sql(Submission, INSERT_RETURNING_KEY, columns=written_names(), key="id")
    prepared.pk = run(sql, prepared.values)[0]


INSERT_RETURNING_KEY = "INSERT INTO {table} ({columns}) VALUES ({placeholders}) RETURNING {key}"


def store_with(prepared, write, values, at_most=None):
    """Store `prepared` together with `write`, a statement that changes another row and
    returns one value (RETURNING): only if it returned a row and, with `at_most`, only if
    that value (a count) is at most `at_most`. Returns whether it was stored; `write` is
    kept either way (a post over a limit is still counted).

    On PostgreSQL the two go as one statement, which is atomic by itself: every statement is
    a round trip to the server, and a transaction of two statements takes four (BEGIN, the
    two, COMMIT). Elsewhere (SQLite has no writes inside WITH) they go in one transaction;
    the row is made before it, so on SQLite the write lock is held for the writes alone.
    """
    if connection.vendor == "postgresql":
        stored = insert_after(prepared, write, values, at_most)
    else:
        with write_transaction() as run:
            stored = is_accepted(run(write, values), at_most)
            if stored:
                insert_with(run, prepared)
    if stored:
        ask_for_drain()
    return stored


def is_accepted(returned_row, at_most):
    return returned_row is not None and (at_most is None or returned_row[0] <= at_most)


def insert_after(prepared, write, values, at_most):
    condition = [] if at_most is None else [at_most]
    sql = _insert_after_sql(write, bool(condition), connection.vendor)
    row = first_row(sql, [*values, *prepared.values, *condition])
    if row is None:
        return False
    prepared.pk = row[0]
    return True


@cache  # per write, condition and database vendor: made once, not on every post
def _insert_after_sql(write, with_condition, vendor):
    # `write` is SQL already made (quoted names, no braces): it goes into the template as is.
    template = INSERT_AFTER.replace("{write}", write).replace(
        "{condition}", "WHERE written.value <= %s" if with_condition else ""
    )
    return model_sql(Submission, template, columns=written_names(), key="id")


# PostgreSQL: a write and the submission's row as one statement. The write's RETURNING gives
# one column, named `value` here so that the condition can read it.
INSERT_AFTER = (
    "WITH written (value) AS ({write}) "
    "INSERT INTO {table} ({columns}) SELECT {placeholders} FROM written {condition} "
    "RETURNING {key}"
)


@cache  # the model's fields, the same for every post
def written_fields():
    return tuple(field for field in Submission._meta.concrete_fields if not field.primary_key)


@cache
def written_names():
    return tuple(field.name for field in written_fields())


def ask_for_drain():
    if not drain_intake.get_backend().supports_defer:
        # Tasks run on the spot (tests, single-process setups): carry it out now.
        drain()
        return
    # Asked once the row is committed: a drain not yet started is then sure to find it.
    transaction.on_commit(_ask_unless_a_drain_is_waiting)


def _ask_unless_a_drain_is_waiting():
    if _first_ask_in_a_while() and not a_drain_is_waiting():
        drain_intake.using(run_after=timezone.now() + timedelta(seconds=DRAIN_DELAY)).enqueue()


def a_drain_is_waiting():
    """Whether a drain is queued and not started yet.

    Without this, every busy process would queue another drain each half second while a
    long one runs, and the worker would then start each of them for nothing.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    return waiting.filter(task_path=drain_intake.module_path).exists()


def look_again_shortly():
    """Ask for one more look at what waits, DRAIN_DELAY after a drain ended.

    A web process asks for a drain at most every ASK_AT_MOST_EVERY seconds, and not while
    one is queued and not started: the posts it accepts in between rely on that drain. If
    the drain started, looked for the last time and ended within those seconds, a post
    committed after its last look would wait for the minute's drain. Every post relying on
    a drain was committed less than ASK_AT_MOST_EVERY after the drain started, so a look
    DRAIN_DELAY (longer) after it ended finds them. That look is a task of its own, which no
    web process relies on (`a_drain_is_waiting` counts drains only): no look follows it.
    """
    if last_look_for_posts.get_backend().supports_defer:
        run_after = timezone.now() + timedelta(seconds=DRAIN_DELAY)
        last_look_for_posts.using(run_after=run_after).enqueue()


def _first_ask_in_a_while():
    global _last_asked
    with _asking:
        now = time.monotonic()
        if now - _last_asked < ASK_AT_MOST_EVERY:
            return False
        _last_asked = now
        return True


def max_attempts():
    return settings.INTAKE_MAX_ATTEMPTS


def drain(leave_room=False):
    """Carry out every waiting submission; returns how many were carried out.

    With `leave_room` (the worker, unless `WORKER_GIVES_WAY_TO_BURSTS` is off), it gives way
    to a burst of form posts. While posts arrive faster than it carries them out, it pauses
    after each one for `PAUSE_WHILE_POSTS_ARRIVE` times as long as it took, so the web
    processes get the processors most of the time and forms keep answering at once; on
    SQLite, which lets one process write at a time, they get the database too (each
    submission carried out holds that turn for a couple of milliseconds). When posts come no
    faster than it carries them out (a steady stream it keeps up with), or stop, it does not
    pause: pausing then would only let the wait grow.
    """
    done = 0
    outpaced = PostsOutpaceTheWorker() if leave_room else None
    while True:
        waiting = Submission.objects.waiting(max_attempts()).values_list("pk", flat=True)
        batch = list(waiting[:BATCH])
        for pk in batch:
            started = time.monotonic()
            done += carry_out(pk)
            took = time.monotonic() - started
            if outpaced is not None and outpaced(took):
                time.sleep(took * PAUSE_WHILE_POSTS_ARRIVE)
        if len(batch) < BATCH:
            return done


# How long the worker pauses in a burst, as a multiple of the carry-out it just did. Measured
# on two cores, on SQLite, rounds taking turns:
# - one web process per core, letters accepted at 37.6% and 38.8% of the campaign page's rate
#   pausing 8 times as long, 39.1% to 40.0% at 16 times, and no more at 32 (39.2%, 40.0%);
# - earlier, four web processes, endorsements accepted 2,000-2,140 a second at 8 times,
#   1,640-1,920 at 3 times (each carry-out holds SQLite's only write lock: web processes wait
#   on it meanwhile), 2,120-2,150 with no worker at all.
# On PostgreSQL, where writers do not wait on each other, the worker and its database
# connection still take the processors: 736 a second without pausing, 1,523 pausing, 1,825
# with no worker. Only a burst pauses it (`PostsOutpaceTheWorker`): a stream it keeps up with
# never does, so a longer pause costs no one a longer wait then.
PAUSE_WHILE_POSTS_ARRIVE = 16


class PostsOutpaceTheWorker:
    """Whether posts arrived, since the last time it was asked, faster than the worker
    carries them out when it does not pause (one each `took` seconds): then the wait grows
    whatever it does (a burst). Told by how far the newest row's id moved: one look at the
    table's key, a few microseconds. A new row's id is one more than the newest one's. On
    SQLite an id can be given again once the rows after it are gone, which happens only when
    the worker has caught up: that look misses a post or two, and the next one counts again.
    """

    def __init__(self):
        self.newest, self.looked_at = newest_submission_id(), time.monotonic()

    def __call__(self, took):
        newest, now = newest_submission_id(), time.monotonic()
        arrived, elapsed = newest - self.newest, now - self.looked_at
        self.newest, self.looked_at = newest, now
        return arrived * took > elapsed


def newest_submission_id():
    return first_row(model_sql(Submission, NEWEST_ID, id="id"))[0] or 0


NEWEST_ID = "SELECT MAX({id}) FROM {table}"


def carry_out(pk):
    """One submission: its work and its deletion commit together, or neither does."""
    try:
        with transaction.atomic():
            submission = Submission.objects.one(pk)
            # Another worker got there first: the delete tells, whatever the database.
            if submission is None or not Submission.objects.delete_one(pk):
                return False
            _HANDLERS[submission.kind].handler(json.loads(submission.payload))
        return True
    except Exception as error:  # noqa: BLE001 - kept on the row, shown to staff, tried again
        Submission.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        return False


def submissions_about(email):
    """The waiting submissions about this address (there are few: each waits seconds)."""
    found = []
    for submission in Submission.objects.order_by("pk"):
        kind = _HANDLERS.get(submission.kind)
        payload = json.loads(submission.payload)
        if kind is not None and normalize_email(kind.email_of(payload)) == normalize_email(email):
            found.append(submission)
    return found
