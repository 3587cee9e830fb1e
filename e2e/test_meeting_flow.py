"""From a meeting request to the MP's position on the public results page, in real Chromium.

Request a meeting, invite two delegates who accept from their emails, file the post-meeting
report, then staff approve it and set the MP's position from it, and the public page shows it.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from e2e.axe import assert_accessible
from e2e.staff import staff_context
from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.tests.factories import (
    LetterTemplateFactory,
    RepresentativeFactory,
    postal_code_for,
)
from portevoix.meetings.models import Delegate, MeetingRequest
from portevoix.reports.models import ActionType, MpPosition, ReportBack


@pytest.fixture
def setting(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    campaign = CampaignFactory()
    mp = RepresentativeFactory(
        name="Hélène Tremblay",
        email="helene.tremblay@parl.gc.ca",
        district__name_fr="Laurier—Sainte-Marie",
        district__name_en="Laurier—Sainte-Marie",
    )
    postal_code_for(mp.district, "H2X1Y4")
    LetterTemplateFactory(campaign=campaign, key="meeting-request")
    return {"campaign": campaign, "mp": mp}


def link_in(message, pattern):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(pattern, body).group(0)


def test_a_meeting_is_requested_its_delegation_accepts_and_the_report_is_filed(
    page, live_server, setting, smtp
):
    campaign = setting["campaign"]
    with translation.override("en"):
        start = reverse("meetings:meeting", args=[campaign.slug])
    page.goto(live_server.url + start)
    page.get_by_role("link", name="Find my MP").click()
    page.get_by_label("Your postal code").fill("H2X 1Y4")
    page.get_by_role("button", name="Find my MP").click()
    page.get_by_role("link", name="Continue with this riding").click()

    page.get_by_label("When could you meet? (optional)").fill("Any weekday morning in March")
    page.get_by_label("Their constituency office").check()
    page.get_by_label("Your name").fill("Amélie Côté")
    page.get_by_label("Your email address").fill("amelie@example.org")
    page.get_by_label("Organization (optional)").fill("Accueil Plateau")
    page.get_by_label(re.compile("Porte-voix keeps my name")).check()
    page.get_by_role("button", name="Write my request").click()

    page.get_by_role("link", name="Check and send the request").wait_for()
    assert_accessible(page)  # the organizer's own page
    meeting = MeetingRequest.objects.get()
    assert meeting.letter.to_name == "Hélène Tremblay"

    for name, email, role in [
        ("Nadia", "nadia@example.org", "Lives or lived family separation"),
        ("Paul", "paul@example.org", "Supporter"),
    ]:
        page.get_by_label("Their name").fill(name)
        page.get_by_label("Their email address").fill(email)
        page.get_by_label(role).check()
        page.get_by_label("Language of the invitation").select_option("en")
        page.get_by_role("button", name="Send the invitation").click()
        page.get_by_role("cell", name=name).wait_for()

    messages = smtp.wait_for(3)  # the organizer's link, then two invitations
    invitations = [m for m in messages if m["To"] in ("nadia@example.org", "paul@example.org")]
    assert len(invitations) == 2
    for message in invitations:
        page.goto(link_in(message, r"http://\S+/delegation/\S+/"))
        page.get_by_text("Nothing about your family members abroad needs to be said").wait_for()
        assert_accessible(page)  # a delegate's invitation
        page.get_by_role("button", name="Yes, I will come").click()
        page.get_by_text("Your answer: Coming").wait_for()
    assert Delegate.objects.filter(answer=Delegate.Answer.ACCEPTED).count() == 2

    with translation.override("en"):
        page.goto(live_server.url + meeting.get_absolute_url())
    page.get_by_role("link", name="Tell the campaign how it went").click()
    assert_accessible(page)  # the post-meeting report
    page.get_by_label(re.compile("^Nadia")).check()
    page.get_by_label(re.compile("^Paul")).check()
    page.get_by_label("How did it go?").fill("She listened, and asked for our brief.")
    page.get_by_label("Supports the ask").check()
    page.get_by_label("What did they commit to? (optional)").fill("Write to the Minister")
    page.get_by_role("button", name="Send my report").click()
    page.get_by_text("Thank you: your report reached the campaign team.").wait_for()

    report = ReportBack.objects.get()
    assert report.action_type == ActionType.MEETING
    assert report.meeting == meeting
    assert report.stated_position == "supports"
    assert report.moderation == ReportBack.Moderation.PENDING
    assert "Nadia" in report.attendees and "Paul" in report.attendees

    staff = staff_context(page.context.browser, live_server.url, locale="en-CA").new_page()
    staff.goto(live_server.url + reverse("admin:reports_reportback_changelist"))
    staff.locator(f"input[name=_selected_action][value='{report.pk}']").check()
    staff.locator("select[name=action]").select_option("approve")
    staff.locator("button[name=index]").click()
    staff.get_by_text("1 report approved.").wait_for()
    staff.goto(live_server.url + reverse("admin:reports_reportback_set_position", args=[report.pk]))
    staff.get_by_label("public summary (English)").fill("Said in our meeting she supports permits.")
    staff.get_by_label("public summary (French)").fill("A dit en rencontre appuyer les permis.")
    staff.get_by_role("button", name="Record the position").click()
    staff.get_by_text("The MP's position was recorded.").wait_for()
    assert MpPosition.objects.get(representative=setting["mp"]).position == "supports"

    with translation.override("en"):
        page.goto(live_server.url + reverse("results:province", args=[campaign.slug, "qc"]))
    row = page.get_by_role("row", name=re.compile("Hélène Tremblay"))
    row.get_by_role("cell", name="Supports", exact=True).wait_for()
    assert "Said in our meeting she supports permits." in row.inner_text()
    assert "She listened" not in page.content()  # the report's own words stay private
