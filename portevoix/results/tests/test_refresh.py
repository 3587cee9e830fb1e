"""The worker counts the figures ahead of time; a page counts only when they are missing or old."""

import time_machine

from portevoix.health.periodic import registered_jobs
from portevoix.letters.models import Letter
from portevoix.results import figures
from portevoix.results.tasks import refresh_results
from portevoix.results.tests.generated import build, table_rows
from portevoix.results.tests.test_dashboard import dashboard


def sent_letters(admin_client, campaign):
    rows = dict(
        (row[0], row[1]) for row in table_rows(dashboard(admin_client, campaign).content, "totals")
    )
    return next(int(value) for label, value in rows.items() if label.startswith("Letters"))


def test_the_worker_job_counts_again_and_pages_show_its_count(admin_client, campaign):
    campaign.status = "active"
    campaign.save()
    build(campaign, letters=30, calls=0, meetings=0, reports=0, endorsements=0)
    first = sent_letters(admin_client, campaign)
    Letter.objects.filter(campaign=campaign).update(status=Letter.Status.DRAFT, confirmed_at=None)
    assert sent_letters(admin_client, campaign) == first  # kept, not counted on every view
    refresh_results.call()
    assert sent_letters(admin_client, campaign) == 0


def test_a_page_counts_itself_when_the_worker_fell_behind(admin_client, campaign):
    with time_machine.travel(0, tick=False) as clock:
        build(campaign, letters=30, calls=0, meetings=0, reports=0, endorsements=0)
        first = sent_letters(admin_client, campaign)
        Letter.objects.filter(campaign=campaign).update(
            status=Letter.Status.DRAFT, confirmed_at=None
        )
        clock.shift(119)
        assert sent_letters(admin_client, campaign) == first
        clock.shift(2)
        assert sent_letters(admin_client, campaign) == 0


def test_the_refresh_runs_as_often_as_figures_are_kept():
    every, task = registered_jobs()["refresh_results"]
    assert task is refresh_results
    assert every.total_seconds() == figures.cache_seconds()
