"""The delivery queue's searches have partial indexes, and no index holds or names a
letter's status: a change of status alone is written in the row's own page."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from portevoix.letters.actions import Confirmation, SelfSent, confirm_letter, mark_self_sent
from portevoix.letters.delivery import claim, deliver, release
from portevoix.letters.models import WRITTEN_STATES, Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.lib.db.statements import first_row
from portevoix.test import query_plan

pytestmark = pytest.mark.django_db


def indexes_of_letters():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Letter._meta.db_table)
    return {name: spec["columns"] for name, spec in found.items() if spec["index"]}


def test_the_queue_indexes_hold_the_time_each_search_compares():
    indexes = indexes_of_letters()
    assert indexes["letters_due"] == ["next_attempt_at"]
    assert indexes["letters_sending"] == ["claimed_at"]


def test_no_index_holds_the_status():
    # Each status change would rewrite such an index: the send step (draft to awaiting
    # confirmation), the busiest write of a campaign, changes the letter's row alone.
    with_status = [name for name, columns in indexes_of_letters().items() if "status" in columns]
    assert with_status == []


def test_no_index_names_the_status_in_its_condition():
    # PostgreSQL updates a row in place only if no column an index reads changes, the
    # columns of its condition included.
    named = [name for name, definition in index_definitions() if "status" in definition]
    assert named == []
    assert {"letters_due", "letters_sending", "one_letter_per_sender_and_recipient"} <= {
        name for name, _definition in index_definitions()
    }


def index_definitions():
    """(name, SQL) of each index of the letters table, as the database keeps it."""
    if connection.vendor == "postgresql":
        sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
    else:
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [Letter._meta.db_table])
        return [(name, definition or "") for name, definition in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's updates in place")
def test_the_send_step_updates_the_letter_in_its_own_page():
    letter = LetterFactory()  # a draft ready to send
    before = updates_of_letters()
    move = Letter.objects.sendable_draft_awaits_confirmation(
        letter.public_id, letter.campaign_id, timezone.now()
    )
    assert first_row(*move) == (letter.pk,)
    (updated, in_place), (updated_before, in_place_before) = updates_of_letters(), before
    assert (updated - updated_before, in_place - in_place_before) == (1, 1)


def updates_of_letters():
    """(rows updated, of which in place) in the letters table by this transaction so far."""
    sql = "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s"
    return first_row(sql, [Letter._meta.db_table])


def test_each_moment_an_index_condition_reads_is_set_in_its_state_alone(smtp):
    # A letter through the send step, confirmation, a refused attempt and its retry: at
    # each step it has a next attempt only if queued, a claim only if sending, and a
    # confirmation only if written.
    letter = LetterFactory()
    seen = [moments_and_state(letter)]
    move = Letter.objects.sendable_draft_awaits_confirmation(
        letter.public_id, letter.campaign_id, timezone.now()
    )
    first_row(*move)
    seen.append(moments_and_state(letter))
    assert confirm_letter(Letter.objects.get(pk=letter.pk)) == Confirmation.QUEUED
    seen.append(moments_and_state(letter))
    smtp.refuse = True
    _outcome, retry_at = deliver(letter.pk)
    seen.append(moments_and_state(letter))
    smtp.refuse = False
    with time_machine.travel(retry_at + timedelta(seconds=1)):
        assert deliver(letter.pk) == ("sent", None)
    seen.append(moments_and_state(letter))
    assert [state for state, _moments in seen] == [
        "draft",
        "awaiting_confirmation",
        "queued",
        "queued",
        "sent",
    ]
    for state, moments in seen:
        assert moments == moments_set_in(state), state


def test_a_claimed_letter_is_sending_without_a_next_attempt_until_it_is_released():
    letter = LetterFactory(status=Letter.Status.QUEUED)
    now = timezone.now()
    assert claim(letter.pk, now)
    assert moments_and_state(letter) == ("sending", moments_set_in("sending"))
    release(letter, now + timedelta(minutes=1))
    assert moments_and_state(letter) == ("queued", moments_set_in("queued"))


def test_a_letter_that_failed_keeps_its_confirmation_and_is_in_no_queue(smtp):
    letter = LetterFactory(status=Letter.Status.QUEUED, next_attempt_at=timezone.now())
    smtp.refuse = True
    with time_machine.travel(timezone.now(), tick=False) as clock:
        outcome, when = deliver(letter.pk)
        while outcome == "retry":
            clock.move_to(when)
            outcome, when = deliver(letter.pk)
    assert moments_and_state(letter) == ("failed", moments_set_in("failed"))


def test_a_letter_its_writer_sent_is_confirmed_and_in_no_queue():
    letter = LetterFactory()
    assert mark_self_sent(letter) == SelfSent.MARKED
    assert moments_and_state(letter) == ("self_sent", moments_set_in("self_sent"))


def moments_and_state(letter):
    """(status, which of next attempt, claim and confirmation it has) as stored now."""
    letter.refresh_from_db()
    moments = {
        "next attempt": letter.next_attempt_at is not None,
        "claimed": letter.claimed_at is not None,
        "confirmed": letter.confirmed_at is not None,
    }
    return letter.status, moments


def moments_set_in(state):
    return {
        "next attempt": state == Letter.Status.QUEUED,
        "claimed": state == Letter.Status.SENDING,
        "confirmed": state in WRITTEN_STATES,
    }


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plan")
@pytest.mark.parametrize(
    ("search", "index"),
    [
        (lambda now: Letter.objects.due(now), "letters_due"),
        (lambda now: Letter.objects.possibly_lost(now, after=60), "letters_due"),
        (lambda now: Letter.objects.stuck_sending(now, after=60), "letters_sending"),
    ],
)
def test_sqlite_searches_the_queue_through_its_partial_indexes(search, index):
    # SQLite uses a partial index only when the search implies its condition: comparing
    # the next attempt's (or the claim's) time implies that the letter has one.
    assert index in query_plan(search(timezone.now() + timedelta(minutes=5)).values("id"))
