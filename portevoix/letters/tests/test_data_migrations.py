"""The migrations that give written letters their confirmation (0007) and leave each moment
an index reads in its state alone (0008), on letters made before them."""

import pytest
from django.utils import timezone

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.letters.tests.test_indexes import moments_and_state, moments_set_in
from portevoix.test import migrate, migrate_to_latest

BEFORE = [("letters", "0006_queue_indexes_leave_out_drafts")]


@pytest.fixture
def before_0007(transactional_db):
    migrate(BEFORE)
    yield
    migrate_to_latest()


def old_letter(status, **moments):
    """A letter as the code of the time left it: only the moments given."""
    unset = {"confirmed_at": None, "next_attempt_at": None, "claimed_at": None}
    return LetterFactory(status=status, **{**unset, **moments})


def test_letters_made_before_get_their_moments_as_the_flow_now_leaves_them(before_0007):
    # The letters' columns are the same since 0004: today's factory makes the old rows.
    now = timezone.now()
    old = {
        "marked sent, never confirmed by email": old_letter(Letter.Status.SELF_SENT, sent_at=now),
        # A claim kept the next attempt.
        "sent": old_letter(Letter.Status.SENT, sent_at=now, confirmed_at=now, next_attempt_at=now),
        "queued": old_letter(Letter.Status.QUEUED, confirmed_at=now, next_attempt_at=now),
        "sending": old_letter(
            Letter.Status.SENDING, confirmed_at=now, next_attempt_at=now, claimed_at=now
        ),
        "draft": old_letter(Letter.Status.DRAFT),
    }
    migrate_to_latest()
    for name, letter in old.items():
        state, moments = moments_and_state(letter)
        assert moments == moments_set_in(state), name
    marked = old["marked sent, never confirmed by email"]
    assert marked.confirmed_at == marked.sent_at
