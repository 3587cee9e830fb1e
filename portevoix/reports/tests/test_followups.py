"""'Did you get an answer?' some days after a letter was sent, one reminder, one-click answers."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from portevoix.privacy.actions import withdraw_consent
from portevoix.privacy.models import Consent
from portevoix.reports.actions import run_followups, schedule_followups, send_due_followups
from portevoix.reports.links import answer_token
from portevoix.reports.models import FollowUp
from portevoix.reports.tests.conftest import sent_letter

SENT_AT = datetime.datetime(2025, 3, 1, 15, 0, tzinfo=datetime.UTC)


def at(moment):
    return time_machine.travel(moment, tick=False)


def links_in(message):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return [urlsplit(url).path for url in re.findall(r"https?://\S+", body)]


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def letter(campaign):
    return sent_letter(campaign, sent_at=SENT_AT)


def ask(letter, smtp):
    """Move to the follow-up day and run the job; return the answer links of the email."""
    with at(SENT_AT + datetime.timedelta(days=14, minutes=1)):
        run_followups()
    return links_in(smtp.wait_for(1)[0])


def test_it_asks_on_the_right_day_and_not_the_day_before(letter, smtp):
    with at(SENT_AT + datetime.timedelta(days=13, hours=23)):
        assert run_followups()["sent"] == 0
    assert smtp.messages == []
    assert FollowUp.objects.get(letter=letter).due_at == SENT_AT + datetime.timedelta(days=14)
    with at(SENT_AT + datetime.timedelta(days=14, minutes=1)):
        assert run_followups()["sent"] == 1
    [message] = smtp.wait_for(1)
    assert message["To"] == letter.sender_email
    assert message["Subject"].strip() == "Hélène Député a-t-elle ou a-t-il répondu à votre lettre ?"
    body = body_of(message)
    assert "Oui, et elle était utile" in body and "Je n'en attendais pas" in body
    assert "Les familles attendent" not in body  # never the letter's own words
    assert len(links_in(message)) == 4


def test_it_writes_in_the_letter_language(campaign, smtp):
    sent_letter(campaign, sent_at=SENT_AT, language="en")
    with at(SENT_AT + datetime.timedelta(days=15)):
        run_followups()
    [message] = smtp.wait_for(1)
    assert message["Subject"] == "Did Hélène Député answer your letter?"
    assert "Yes, and it was useful" in body_of(message)
    assert all(path.startswith("/en/campaigns/") for path in links_in(message))


def test_it_reminds_once_a_week_later(letter, smtp):
    ask(letter, smtp)
    with at(SENT_AT + datetime.timedelta(days=20)):
        assert run_followups()["reminded"] == 0
    with at(SENT_AT + datetime.timedelta(days=21, minutes=2)):
        assert run_followups()["reminded"] == 1
    messages = smtp.wait_for(2)
    assert messages[1]["Subject"].strip().startswith("Rappel :")
    with at(SENT_AT + datetime.timedelta(days=40)):
        assert run_followups() == {"scheduled": 0, "sent": 0, "reminded": 0}
    assert len(smtp.messages) == 2


def test_it_sends_no_reminder_once_answered(letter, smtp, client):
    links = ask(letter, smtp)
    client.post(links[2])  # "Not yet"
    with at(SENT_AT + datetime.timedelta(days=22)):
        assert run_followups()["reminded"] == 0
    assert len(smtp.messages) == 1


def test_it_follows_up_only_writers_who_agreed(campaign, smtp):
    sent_letter(campaign, sent_at=SENT_AT, agreed=False)
    withdrawn = sent_letter(campaign, sent_at=SENT_AT)
    withdraw_consent(Consent.objects.get(source=withdrawn.consent_source()))
    with at(SENT_AT + datetime.timedelta(days=15)):
        counts = run_followups()
    assert counts["sent"] == 0
    assert smtp.messages == []


def test_it_sends_nothing_when_the_campaign_turned_follow_ups_off(campaign, letter, smtp):
    campaign.followup_after_days = 0
    campaign.save()
    with at(SENT_AT + datetime.timedelta(days=15)):
        assert run_followups() == {"scheduled": 0, "sent": 0, "reminded": 0}
    assert smtp.messages == []


def test_it_sends_once_when_two_workers_run_together(letter, smtp):
    with at(SENT_AT + datetime.timedelta(days=15)):
        schedule_followups(timezone.now())
        first = send_due_followups(timezone.now())
        second = send_due_followups(timezone.now())
    assert (first, second) == (1, 0)
    assert len(smtp.wait_for(1)) == 1


def test_it_skips_a_row_another_worker_already_claimed(letter, smtp):
    with at(SENT_AT + datetime.timedelta(days=15)):
        schedule_followups(timezone.now())
        ids = list(FollowUp.objects.due().values_list("pk", flat=True))
        # Another worker claims the row between our read and our update.
        FollowUp.objects.filter(pk__in=ids).update(sent_at=timezone.now())
        assert send_due_followups(timezone.now()) == 0
    assert smtp.messages == []


def test_a_get_records_nothing(letter, smtp, client):
    links = ask(letter, smtp)
    page = client.get(links[0])
    assert page.status_code == 200
    assert "Oui, et elle était utile" in page.text
    assert 'method="post"' in page.text
    follow_up = FollowUp.objects.get(letter=letter)
    assert follow_up.answer == "" and follow_up.answered_at is None


def test_a_post_records_the_answer_once(letter, smtp, client):
    links = ask(letter, smtp)
    response = client.post(links[0])
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(letter=letter)
    assert follow_up.answer == FollowUp.Answer.USEFUL
    first_time = follow_up.answered_at
    page = client.get(response["Location"])
    assert "Merci de votre réponse" in page.text
    assert f"?letter={letter.private_token()}" in page.text  # the report-back form, prefilled

    client.post(links[1])  # a second click, another answer
    follow_up.refresh_from_db()
    assert follow_up.answer == FollowUp.Answer.USEFUL
    assert follow_up.answered_at == first_time
    again = client.get(links[1])
    assert "Vous aviez déjà répondu" in again.text


def test_a_forged_link_changes_nothing(letter, smtp, client):
    links = ask(letter, smtp)
    tampered = links[2].replace("not_yet", "useful")
    assert tampered != links[2]
    for method in (client.get, client.post):
        response = method(tampered)
        assert response.status_code == 404
        assert "Ce lien n'est pas valide" in response.text
    assert client.post(links[0].rstrip("/") + "x/").status_code == 404
    assert FollowUp.objects.get(letter=letter).answered_at is None


def test_another_letters_link_changes_nothing(campaign, letter, smtp, client):
    other = sent_letter(campaign, sent_at=SENT_AT, agreed=False)
    FollowUp.objects.create(letter=other, due_at=SENT_AT, sent_at=SENT_AT)
    links = ask(letter, smtp)
    token = links[0].rstrip("/").rsplit("/", 1)[1]
    signature = token.rsplit(":", 1)[1]
    borrowed = links[0].replace(token, f"{other.public_id}.useful:{signature}")
    assert borrowed != links[0]
    assert client.post(borrowed).status_code == 404
    assert FollowUp.objects.filter(answered_at__isnull=False).count() == 0


def test_a_link_to_a_letter_of_another_campaign_is_refused(letter, smtp, client):
    from portevoix.campaigns.factories import CampaignFactory

    links = ask(letter, smtp)
    elsewhere = CampaignFactory()
    moved = links[0].replace(f"/{letter.campaign.slug}/", f"/{elsewhere.slug}/")
    assert client.post(moved).status_code == 404
    assert FollowUp.objects.get(letter=letter).answered_at is None


def test_a_link_for_a_letter_never_followed_up_is_refused(campaign, client):
    from django.urls import reverse

    other = sent_letter(campaign, sent_at=SENT_AT)
    path = reverse("reports:followup_answer", args=[campaign.slug, answer_token(other, "useful")])
    assert client.post(path).status_code == 404


def test_the_command_runs_the_job(letter, smtp):
    from io import StringIO

    out = StringIO()
    with at(SENT_AT + datetime.timedelta(days=15)):
        call_command("send_followups", stdout=out)
    assert "1 sent" in out.getvalue()
    assert len(smtp.wait_for(1)) == 1


def test_it_is_a_periodic_job():
    from portevoix.health.periodic import registered_jobs
    from portevoix.reports.tasks import send_followups

    every, task = registered_jobs()["send_followups"]
    assert every == datetime.timedelta(hours=1)
    assert task is send_followups
