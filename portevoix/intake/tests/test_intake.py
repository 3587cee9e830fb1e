"""A form post is stored as one encrypted row and carried out once by the worker."""

import json
import time
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portevoix.intake import actions
from portevoix.intake.limits import count_in_window, counting_statement
from portevoix.intake.models import Submission
from portevoix.intake.tasks import drain_intake, last_look_for_posts
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory

pytestmark = pytest.mark.django_db

CARRIED_OUT = []


def remember(payload):
    CARRIED_OUT.append(payload)


def refuse(payload):
    raise RuntimeError(f"cannot carry out {payload['n']}")


@pytest.fixture(autouse=True)
def probe_kinds():
    CARRIED_OUT.clear()
    actions.register("probe", remember, email_of=lambda payload: payload.get("email", ""))
    actions.register("refused-probe", refuse, email_of=lambda payload: payload.get("email", ""))
    actions.register("arriving-probe", arrive_while_carried_out, email_of=lambda payload: "")
    # A fresh process: its first accept asks for a drain.
    actions._last_asked = 0.0
    yield
    for kind in ["probe", "refused-probe", "arriving-probe"]:
        actions._HANDLERS.pop(kind)


def raw_payload(submission):
    with connection.cursor() as cursor:
        cursor.execute("SELECT payload FROM intake_submission WHERE id = %s", [submission.pk])
        return cursor.fetchone()[0]


def drain_tasks():
    return DBTaskResult.objects.filter(task_path="portevoix.intake.tasks.drain_intake")


def test_a_backend_that_runs_tasks_at_once_carries_it_out_at_once():
    actions.accept("probe", {"n": 1, "name": "Amal"})
    assert CARRIED_OUT == [{"n": 1, "name": "Amal"}]
    assert not Submission.objects.exists()


def test_with_a_worker_the_request_stores_one_encrypted_row_and_asks_once(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.accept("probe", {"n": 1, "name": "Amal Haddad"})
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 2, "name": "Yonas"})
    assert CARRIED_OUT == []
    assert Submission.objects.count() == 2
    assert "Amal" not in raw_payload(first)
    # Two posts moments apart ask for one drain, a little later, which finds both.
    [asked] = drain_tasks()
    received_at = Submission.objects.get(pk=first.pk).created_at
    assert asked.run_after is not None and asked.run_after > received_at

    assert actions.drain() == 2
    assert [payload["n"] for payload in CARRIED_OUT] == [1, 2]
    assert not Submission.objects.exists()


def test_no_drain_is_asked_for_before_the_row_is_committed(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as asks:
        actions.accept("probe", {"n": 1})
        assert not drain_tasks().exists()
    assert len(asks) == 1


def test_a_drain_not_yet_started_is_not_asked_for_again(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 1})
    actions._last_asked = 0.0  # half a second later
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 2})
    assert drain_tasks().count() == 1

    # Once that drain has started, it may already have looked: a new post asks again.
    drain_tasks().update(status=TaskResultStatus.RUNNING)
    actions._last_asked = 0.0
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 3})
    assert drain_tasks().count() == 2


def last_looks():
    return DBTaskResult.objects.filter(task_path="portevoix.intake.tasks.last_look_for_posts")


def test_a_post_just_after_a_drains_last_look_is_found_by_a_look_moments_later(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 1})
    # That drain starts, carries the post out and ends before its process may ask again.
    drain_tasks().update(status=TaskResultStatus.SUCCESSFUL)
    started = timezone.now()
    assert drain_intake.call() == 1
    # The next post in that process: it asked a moment ago, so it does not ask again, and
    # no drain is queued that would find it.
    actions._last_asked = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept("probe", {"n": 2})
    assert not drain_tasks().filter(status=TaskResultStatus.READY).exists()
    # The drain asked, as it ended, for a look moments later: that look finds it.
    [look] = last_looks()
    assert look.status == TaskResultStatus.READY
    assert look.run_after >= started + timedelta(seconds=actions.DRAIN_DELAY)
    assert last_look_for_posts.call() == 1
    assert [payload["n"] for payload in CARRIED_OUT] == [1, 2]
    # No web process relies on a last look, so none follows it.
    assert last_looks().count() == 1


def test_a_second_drain_carries_nothing_out_twice(database_tasks):
    actions.accept("probe", {"n": 1})
    assert actions.drain() == 1
    assert actions.drain() == 0
    assert len(CARRIED_OUT) == 1


def arrive_while_carried_out(payload):
    # Other visitors' posts stored while the worker carries this one out.
    for other in range(payload["others"]):
        actions.insert(actions.prepare("probe", {"n": payload["n"] * 10 + other}))


@pytest.fixture
def paused(monkeypatch):
    pauses = []
    monkeypatch.setattr(actions.time, "sleep", pauses.append)
    return pauses


def test_the_workers_drain_does_not_pause_when_no_post_arrives(database_tasks, paused):
    actions.accept("probe", {"n": 1})
    actions.accept("probe", {"n": 2})
    assert drain_intake.call() == 2
    assert paused == []


def test_the_workers_drain_gives_way_to_a_burst_of_posts(database_tasks, paused):
    for n in [1, 2, 3]:
        actions.accept("arriving-probe", {"n": n, "others": 4})
    assert drain_intake.call() == 3
    # While posts arrive faster than the worker carries them out, it pauses after each one,
    # so the web processes get the processors (and on SQLite, the one writer's turn).
    assert len(paused) == 3
    assert all(pause > 0 for pause in paused)
    # What arrived meanwhile waits for the next drain.
    assert Submission.objects.count() == 12


def test_a_worker_on_a_machine_of_its_own_can_be_told_not_to_pause(
    database_tasks, paused, settings
):
    settings.WORKER_GIVES_WAY_TO_BURSTS = False
    for n in [1, 2, 3]:
        actions.accept("arriving-probe", {"n": n, "others": 4})
    assert drain_intake.call() == 3
    assert paused == []
    assert Submission.objects.count() == 12


def test_the_workers_drain_keeps_up_with_a_steady_stream_without_pausing(database_tasks, paused):
    for n in [1, 2, 3]:
        actions.accept("arriving-probe", {"n": n, "others": 1})
    assert drain_intake.call() == 3
    # One post arrived while each was carried out: the wait does not grow, no pause.
    assert paused == []
    assert Submission.objects.count() == 3


def test_posts_outpacing_the_worker_are_told_by_the_newest_row(database_tasks):
    outpacing = actions.PostsOutpaceTheWorker()
    assert not outpacing(took=60)  # nothing arrived
    actions.accept("probe", {"n": 1})
    actions.accept("probe", {"n": 2})
    # Two posts in less than a minute, when it carries one out each minute: outpaced.
    assert outpacing(took=60)
    assert not outpacing(took=60)  # nothing new since it was last asked
    actions.accept("probe", {"n": 3})
    actions.accept("probe", {"n": 4})
    # The same two, when it carries one out in a microsecond: it keeps up.
    assert not outpacing(took=1e-6)
    Submission.objects.all().delete()
    assert not outpacing(took=60)


def test_a_failing_submission_is_kept_tried_again_then_left_for_staff(database_tasks, settings):
    settings.INTAKE_MAX_ATTEMPTS = 2
    actions.accept("refused-probe", {"n": 7})
    actions.accept("probe", {"n": 8})
    assert actions.drain() == 1  # the other one is not held up
    kept = Submission.objects.get()
    assert (kept.attempts, kept.last_error) == (1, "RuntimeError: cannot carry out 7")
    assert actions.drain() == 0
    assert Submission.objects.get().attempts == 2
    assert actions.drain() == 0
    assert Submission.objects.get().attempts == 2  # given up: no more tries


def test_staff_can_try_a_given_up_submission_again(database_tasks, settings, admin_user):
    settings.INTAKE_MAX_ATTEMPTS = 1
    actions.accept("refused-probe", {"n": 7})
    actions.drain()
    actions.register("refused-probe", remember, email_of=lambda payload: "")  # mended
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    request._messages = CookieStorage(request)
    model_admin = site._registry[Submission]
    model_admin.try_again(request, Submission.objects.all())
    assert Submission.objects.get().attempts == 0
    assert actions.drain() == 1
    assert CARRIED_OUT == [{"n": 7}]


def test_an_unknown_kind_is_refused_before_anything_is_stored():
    with pytest.raises(ValueError):
        actions.accept("no-such-form", {"n": 1})
    assert not Submission.objects.exists()


def test_a_submission_is_prepared_without_the_database_then_stored_in_a_transaction(
    database_tasks, django_assert_num_queries, django_capture_on_commit_callbacks
):
    # Prepared first, so a caller's transaction holds the write lock for the writes alone.
    with django_assert_num_queries(0):
        prepared = actions.prepare("probe", {"n": 1, "name": "Amal Haddad"})
    assert prepared.pk is None
    assert "Amal" not in json.dumps([str(value) for value in prepared.values])
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        stored = actions.store(prepared)
    row = Submission.objects.get()
    assert row.pk == stored.pk
    assert json.loads(row.payload) == {"n": 1, "name": "Amal Haddad"}
    # The fields made without a model instance read back as the model's own would.
    assert (row.kind, row.attempts, row.last_error) == ("probe", 0, "")
    assert timezone.now() - timedelta(seconds=5) < row.created_at <= timezone.now()
    assert actions.drain() == 1
    assert CARRIED_OUT == [{"n": 1, "name": "Amal Haddad"}]


def test_the_worker_reads_one_submission_decrypted_and_deletes_it_once():
    actions.accept("probe", {"n": 1, "name": "Amal Haddad"})
    # Tasks run at once here: it was carried out and deleted; store another to read.
    assert not Submission.objects.exists()
    prepared = actions.prepare("probe", {"n": 2, "name": "Yonas"})
    actions.insert(prepared)
    found = Submission.objects.one(prepared.pk)
    assert found.kind == "probe"
    assert json.loads(found.payload) == {"n": 2, "name": "Yonas"}
    assert Submission.objects.delete_one(prepared.pk) is True
    assert Submission.objects.delete_one(prepared.pk) is False
    assert Submission.objects.one(prepared.pk) is None
    assert not Submission.objects.exists()


def test_an_unknown_kind_is_refused_when_prepared():
    with pytest.raises(ValueError):
        actions.prepare("no-such-form", {"n": 1})


def test_the_admin_never_shows_what_someone_wrote(admin_client, database_tasks):
    submission = actions.accept("probe", {"n": 1, "statement": "Nos familles attendent"})
    listing = admin_client.get("/admin/intake/submission/")
    detail = admin_client.get(f"/admin/intake/submission/{submission.pk}/change/")
    assert listing.status_code == detail.status_code == 200
    for page in (listing, detail):
        assert "Nos familles attendent" not in page.content.decode()
    assert admin_client.get("/admin/intake/submission/add/").status_code == 403


def test_what_waits_is_shown_and_erased_with_the_persons_data(database_tasks):
    from portevoix.privacy.registry import erase_everything, export_everything

    actions.accept("probe", {"n": 1, "email": "Amal@Example.org"})
    actions.accept("probe", {"n": 2, "email": "someone.else@example.org"})
    with translation.override("en"):
        [record] = export_everything("amal@example.org")["intake"]["records"]
    # A kind registered without a label is shown by its name.
    assert record["what"] == "probe"
    assert record["status"].startswith("waiting to be recorded")
    assert erase_everything("amal@example.org")["intake"] == 1
    [left] = Submission.objects.all()
    assert json.loads(left.payload)["n"] == 2


def test_a_given_up_submission_is_purged_after_the_kept_days(database_tasks, settings):
    from portevoix.intake.personal_data import purge_given_up_submissions

    settings.INTAKE_KEEP_FAILED_DAYS = 30
    old = actions.accept("refused-probe", {"n": 1})
    recent = actions.accept("refused-probe", {"n": 2})
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert purge_given_up_submissions(timezone.now()) == 1
    assert list(Submission.objects.values_list("pk", flat=True)) == [recent.pk]


def test_a_post_is_stored_with_its_letters_move_and_not_on_a_second_click(
    database_tasks, django_capture_on_commit_callbacks
):
    letter = LetterFactory()
    asked_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.prepare("probe", {"n": 1})
        move = moving(letter, asked_at)
        assert actions.store_with(first, *move) is True
    letter.refresh_from_db()
    assert letter.status == Letter.Status.AWAITING_CONFIRMATION
    assert Submission.objects.get().pk == first.pk
    assert drain_tasks().count() == 1

    again = actions.prepare("probe", {"n": 2})
    later = moving(letter, timezone.now())
    assert actions.store_with(again, *later) is False
    assert again.pk is None
    assert Submission.objects.count() == 1
    letter.refresh_from_db()
    assert letter.confirmation_requested_at == asked_at


def test_a_post_over_its_limit_is_counted_but_not_stored(database_tasks):
    stored = []
    for n in range(4):
        prepared = actions.prepare("probe", {"n": n})
        count = counting_statement("probe", "network-a", 3600)
        stored.append(actions.store_with(prepared, *count, at_most=2))
    assert stored == [True, True, False, False]
    assert sorted(json.loads(s.payload)["n"] for s in Submission.objects.all()) == [0, 1]
    # Every post was counted, the refused ones too; another network has its own count.
    assert count_in_window("probe", "network-a", 3600) == 5
    assert count_in_window("probe", "network-b", 3600) == 1


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_as_in_a_request_limits_and_rows_hold(database_tasks, monkeypatch):
    """Requests run outside any transaction: on SQLite the post and its count then go
    straight to SQLite's connection, together (`short_write`)."""
    short_writes = []
    if connection.vendor == "sqlite":
        backend = type(connections[DEFAULT_DB_ALIAS])
        short_write = backend.short_write

        def counted(database):
            short_writes.append(database)
            return short_write(database)

        monkeypatch.setattr(backend, "short_write", counted)
    stored = []
    for n in range(3):
        prepared = actions.prepare("probe", {"n": n})
        count = counting_statement("probe", "network-a", 3600)
        stored.append(actions.store_with(prepared, *count, at_most=2))
        assert not connection.in_atomic_block
    assert stored == [True, True, False]
    assert sorted(json.loads(s.payload)["n"] for s in Submission.objects.all()) == [0, 1]
    assert count_in_window("probe", "network-a", 3600) == 4
    assert drain_tasks().count() == 1
    assert len(short_writes) == (4 if connection.vendor == "sqlite" else 0)


def test_storing_with_a_write_is_one_statement_on_postgresql(database_tasks):
    letter = LetterFactory()
    prepared = actions.prepare("probe", {"n": 1})
    move = moving(letter, timezone.now())
    with CaptureQueriesContext(connection) as queries:
        actions.store_with(prepared, *move)
    # (The test runs in a transaction: atomic blocks make savepoints, not transactions.)
    written = [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE")) and "drain" not in query["sql"]
    ]
    # PostgreSQL: the letter's move and the row in one statement, no transaction around.
    # SQLite (no writes inside WITH): the two statements in one transaction.
    assert len(written) == (1 if connection.vendor == "postgresql" else 2)
    assert "letters_letter" in written[0]


def moving(letter, when):
    """The letter's move from draft to awaiting confirmation (a write that returns its key)."""
    return Letter.objects.sendable_draft_awaits_confirmation(
        letter.public_id, letter.campaign_id, when
    )
