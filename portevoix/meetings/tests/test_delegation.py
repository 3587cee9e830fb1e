import re

import pytest
from django.urls import reverse

from portevoix.meetings import actions
from portevoix.meetings.models import Delegate
from portevoix.meetings.tests.helpers import make_meeting


@pytest.fixture
def meeting(campaign, mp, request_template):
    return make_meeting(campaign, request_template, mp)


def invite(client, meeting, **changes):
    data = {
        "name": "Nadia",
        "email": "nadia@example.org",
        "role": "lived_experience",
        "language": "fr",
        **changes,
    }
    url = reverse("meetings:invite", args=[meeting.campaign.slug, meeting.private_token()])
    return client.post(url, data)


def test_an_invitation_arrives_by_smtp_in_the_delegates_language(
    client, meeting, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, meeting)
    assert response.status_code == 302
    delegate = Delegate.objects.get()
    assert delegate.invitation_sent_at is not None
    message = [m for m in smtp.messages if m["To"] == "nadia@example.org"][0]
    body = message.get_content()
    assert "permis de séjour temporaire" in body
    assert message["Reply-To"] == "amelie@example.org"
    link = re.search(r"http://\S+/delegation/\S+/", body).group(0)
    assert delegate.private_token() in link


def test_the_delegate_accepts_once_and_the_organizer_sees_it(client, meeting):
    invite(client, meeting)
    delegate = Delegate.objects.get()
    url = delegate.get_absolute_url()
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "You choose what you share" in html or "Vous choisissez ce que vous partagez" in html
    delegate.refresh_from_db()
    assert delegate.answer == Delegate.Answer.INVITED

    client.post(url, {"answer": "accepted", "note": "I need an interpreter"})
    client.post(url, {"answer": "declined"})
    delegate.refresh_from_db()
    assert delegate.answer == Delegate.Answer.ACCEPTED
    assert delegate.note == "I need an interpreter"
    organizer_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Nadia" in organizer_page
    assert "Coming" in organizer_page


def test_a_delegate_declines(client, meeting):
    invite(client, meeting)
    delegate = Delegate.objects.get()
    client.post(delegate.get_absolute_url(), {"answer": "declined"})
    delegate.refresh_from_db()
    assert delegate.answer == Delegate.Answer.DECLINED


def test_a_delegate_who_accepted_can_withdraw(client, meeting):
    invite(client, meeting)
    delegate = Delegate.objects.get()
    client.post(delegate.get_absolute_url(), {"answer": "accepted"})
    client.post(
        reverse("meetings:withdraw", args=[meeting.campaign.slug, delegate.private_token()])
    )
    delegate.refresh_from_db()
    assert delegate.answer == Delegate.Answer.DECLINED


def test_a_forged_invitation_link_is_404(client, meeting):
    url = reverse("meetings:delegate", args=[meeting.campaign.slug, "forged:token"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "accepted"}).status_code == 404


def test_the_same_email_cannot_be_invited_twice(client, meeting):
    invite(client, meeting)
    response = invite(client, meeting, email="NADIA@example.org", name="Nadia again")
    assert response.status_code == 400
    assert "already invited" in response.content.decode()
    assert Delegate.objects.count() == 1


def test_a_delegation_is_limited(client, meeting):
    for number in range(actions.MAX_DELEGATES):
        invite(client, meeting, email=f"person{number}@example.org")
    response = invite(client, meeting, email="one.more@example.org")
    assert response.status_code == 400
    assert Delegate.objects.count() == actions.MAX_DELEGATES


def test_invitations_are_sent_only_on_post(client, meeting):
    url = reverse("meetings:invite", args=[meeting.campaign.slug, meeting.private_token()])
    assert client.get(url).status_code == 405
