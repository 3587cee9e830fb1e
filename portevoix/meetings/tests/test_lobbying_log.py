import re

from django.core import mail
from django.urls import reverse

from portevoix.meetings import actions
from portevoix.meetings.tests.helpers import make_meeting


def ask_for_link(client, campaign, email):
    return client.post(reverse("meetings:log_request", args=[campaign.slug]), {"email": email})


def test_the_log_link_is_emailed_and_the_csv_defuses_formulas(
    client, campaign, mp, request_template, django_capture_on_commit_callbacks
):
    make_meeting(campaign, request_template, mp, organization='=HYPERLINK("http://evil")')
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_for_link(client, campaign, "AMELIE@example.org")
    assert "If we have meetings organized with this address" in response.content.decode()
    [message] = mail.outbox
    link = re.search(r"http://\S+/lobbying-log/\S+/", message.body).group(0)
    page = client.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert page.status_code == 200
    assert "Hélène Tremblay" in page.content.decode()
    assert "lobbying registration" in page.content.decode()

    token = link.rstrip("/").rsplit("/", 1)[1]
    csv = b"".join(
        client.get(reverse("meetings:log_csv", args=[campaign.slug, token])).streaming_content
    ).decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[0].startswith("Date,Office holder,Title,Organization")
    assert "'=HYPERLINK" in lines[1]
    assert "Hélène Tremblay" in lines[1]
    assert "Requested" in lines[1] or "Being prepared" in lines[1]


def test_an_unknown_address_gets_the_same_answer_and_no_email(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_for_link(client, campaign, "nobody@example.org")
    assert response.status_code == 200
    assert "If we have meetings organized with this address" in response.content.decode()
    assert mail.outbox == []


def test_log_link_requests_are_limited_per_network(client, campaign):
    for _ in range(actions.LOG_LINKS_PER_HOUR_PER_NETWORK):
        ask_for_link(client, campaign, "nobody@example.org")
    response = ask_for_link(client, campaign, "nobody@example.org")
    assert response.status_code == 400


def test_a_forged_log_link_is_404(client, campaign):
    assert client.get(reverse("meetings:log", args=[campaign.slug, "x:y:z"])).status_code == 404
    assert client.get(reverse("meetings:log_csv", args=[campaign.slug, "x"])).status_code == 404
