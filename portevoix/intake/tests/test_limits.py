"""Posts are counted per sender and window, with nothing lost when they arrive together."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from portevoix.intake.limits import count_in_window, purge_ended_windows, seconds_left_in_window
from portevoix.intake.models import WindowCount
from portevoix.test import run_in_threads

# 10:00:30 UTC: half a minute into a 10-minute window.
MORNING = datetime(2026, 11, 28, 10, 0, 30, tzinfo=UTC)


def minutes_after_morning(minutes):
    """The clock stopped this many minutes after MORNING (0: MORNING itself)."""
    return time_machine.travel(MORNING + timedelta(minutes=minutes), tick=False)


@pytest.mark.django_db
def test_each_post_adds_one_for_its_sender_and_form_only():
    with minutes_after_morning(0):
        assert [count_in_window("endorse", "net-a", 600) for _ in range(3)] == [1, 2, 3]
        assert count_in_window("endorse", "net-b", 600) == 1
        assert count_in_window("find-mp", "net-a", 600) == 1
        assert seconds_left_in_window(600) == 571


@pytest.mark.django_db
def test_a_new_window_starts_again_from_one():
    with minutes_after_morning(0):
        count_in_window("endorse", "net-a", 600)
        count_in_window("endorse", "net-a", 600)
    with minutes_after_morning(10):
        assert count_in_window("endorse", "net-a", 600) == 1


@pytest.mark.django_db
def test_the_count_keeps_no_address_and_ends_with_its_window():
    with minutes_after_morning(0):
        count_in_window("endorse", "5f1c0a", 600)
    [row] = WindowCount.objects.all()
    assert row.key.startswith("endorse:5f1c0a:")
    assert row.ends_at == datetime(2026, 11, 28, 10, 10, tzinfo=UTC)


@pytest.mark.django_db
def test_the_purge_removes_ended_windows_only():
    with minutes_after_morning(0):
        count_in_window("endorse", "earlier", 600)
    with minutes_after_morning(10):
        count_in_window("endorse", "now", 600)
        assert purge_ended_windows(datetime.now(tz=UTC)) == 1
    assert [row.key.split(":")[1] for row in WindowCount.objects.all()] == ["now"]


@pytest.mark.django_db(transaction=True)
def test_posts_counted_at_the_same_moment_in_several_threads_are_all_counted():
    seen = []

    def poster():
        for _ in range(50):
            seen.append(count_in_window("endorse", "busy-network", 3600))

    assert run_in_threads(poster) == []
    # Every post saw a count of its own: none was lost or counted twice.
    assert sorted(seen) == list(range(1, 201))


@pytest.mark.django_db
def test_each_window_ends_at_its_own_end_and_each_length_at_its_own():
    # A window's end is worked out once and kept: the next window, or a window of another
    # length, must not get it.
    with minutes_after_morning(0):
        count_in_window("endorse", "a", 600)
        count_in_window("find-mp", "a", 3600)
    with minutes_after_morning(10):
        count_in_window("endorse", "b", 600)
    # Keys are form:sender:window number.
    ends = {row.key.rsplit(":", 1)[0]: row.ends_at for row in WindowCount.objects.all()}
    assert ends == {
        "endorse:a": datetime(2026, 11, 28, 10, 10, tzinfo=UTC),
        "find-mp:a": datetime(2026, 11, 28, 11, 0, tzinfo=UTC),
        "endorse:b": datetime(2026, 11, 28, 10, 20, tzinfo=UTC),
    }
