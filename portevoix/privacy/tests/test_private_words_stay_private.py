"""What people write privately never reaches a public page, whatever staff do with it.

Reports (approved or not, quotable or not), call notes, delegates' notes, letters and contact
messages are filled with marked words; then every public page, in both languages, is searched
for them. Only the words a moderator published from a report that allowed quoting may appear.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from e2e.public_pages import public_urls
from portevoix.campaigns.demo_content import CAMPAIGN
from portevoix.campaigns.models import Campaign, ContactMessage
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory, RepresentativeFactory
from portevoix.meetings.models import Call, Delegate, MeetingRequest
from portevoix.reports.actions import set_position
from portevoix.reports.models import (
    ActionType,
    Outcome,
    PositionChange,
    QuotePermission,
    ReportBack,
)

pytestmark = pytest.mark.django_db
PRIVATE_MARK = "PRIVATE-WORDS-"


@pytest.fixture
def demo():
    call_command("load_demo", "--no-staff", verbosity=0)
    return Campaign.objects.get(slug=CAMPAIGN["slug"])


def private(label):
    return f"{PRIVATE_MARK}{label}"


def fill_with_private_words(campaign, mp, staff):
    for moderation in ReportBack.Moderation.values:
        for permission in QuotePermission.values:
            ReportBack.objects.create(
                campaign=campaign,
                language="fr",
                action_type=ActionType.MEETING,
                outcome=Outcome.MET,
                representative=mp,
                district=mp.district,
                stated_position="supports",
                details=private("details"),
                commitments=private("commitments"),
                attendees=private("attendees"),
                follow_up_needed=private("follow-up"),
                reporter_name=private("name") if permission != "with_name" else "Nour",
                reporter_email="nour@example.org",
                quote_permission=permission,
                moderation=moderation,
            )
    Call.objects.create(
        campaign=campaign, language="fr", representative=mp, what_they_said=private("call")
    )
    meeting = MeetingRequest.objects.create(
        campaign=campaign,
        language="fr",
        organizer_name=private("organizer"),
        organizer_email="organizer@example.org",
        status=MeetingRequest.Status.HELD,
        representative=mp,
    )
    Delegate.objects.create(
        meeting=meeting,
        name=private("delegate"),
        email="d@example.org",
        role="lived_experience",
        note=private("note"),
    )
    LetterFactory(
        template__campaign=campaign,
        status=Letter.Status.SENT,
        sent_at=timezone.now(),
        sender_name=private("writer"),
        body=private("letter"),
        representative=mp,
    )
    ContactMessage.objects.create(
        campaign=campaign, name=private("contact"), email="c@example.org", message=private("m")
    )
    # Staff set the MP's position from a report: the evidence is public, the report is not.
    set_position(
        campaign=campaign,
        representative=mp,
        position="supports",
        evidence=PositionChange.Evidence.REPORT,
        evidence_date=timezone.localdate(),
        actor=staff,
        summary_fr="Appuie la demande, selon une rencontre.",
        summary_en="Supports the request, from a meeting.",
        report=ReportBack.objects.first(),
    )


def every_public_page(campaign, province):
    for language in ("fr", "en"):
        yield from public_urls(language)
        with translation.override(language):
            yield reverse("results:province", args=[campaign.slug, province.lower()])


def test_no_public_page_shows_anything_written_privately(demo, cast):
    mp = RepresentativeFactory(name="Hélène Tremblay")
    fill_with_private_words(demo, mp, cast["sophie"])
    visitor = Client()
    seen = []
    for url in every_public_page(demo, mp.district.province):
        response = visitor.get(url)
        assert response.status_code == 200, url
        seen.append(url)
        assert PRIVATE_MARK not in response.content.decode(), url
    assert len(seen) >= 2 * 20
    # The position staff set is public, so the search above did look at real results.
    with translation.override("fr"):
        province_page = reverse("results:province", args=[demo.slug, "qc"])
    results = visitor.get(province_page).content.decode()
    assert "Hélène Tremblay" in results
    assert "Appuie la demande" in results


def test_words_a_moderator_published_with_permission_are_the_only_ones_shown(demo, cast):
    mp = RepresentativeFactory()
    fill_with_private_words(demo, mp, cast["sophie"])
    quotable = ReportBack.objects.filter(
        moderation="approved", quote_permission=QuotePermission.WITH_NAME
    ).get()
    quotable.published_quote = "Les familles doivent attendre ensemble."
    quotable.save()
    not_allowed = ReportBack.objects.filter(
        moderation="pending", quote_permission=QuotePermission.WITH_NAME
    ).get()
    ReportBack.objects.filter(pk=not_allowed.pk).update(published_quote=private("pending-quote"))
    with translation.override("fr"):
        page = Client().get(reverse("results:public", args=[demo.slug])).content.decode()
    assert "Les familles doivent attendre ensemble." in page
    assert "Nour" in page
    assert PRIVATE_MARK not in page
