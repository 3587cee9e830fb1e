"""After a person erases their data, no table holds their email, name or story, and the
campaign's counts are what they were."""

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from portevoix.campaigns.models import ContactMessage
from portevoix.endorsements.factories import (
    EndorsementFactory,
    InvitationFactory,
    OrganizationFactory,
    ReferrerFactory,
)
from portevoix.endorsements.models import Endorsement
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.meetings.models import Delegate, MeetingRequest
from portevoix.privacy.actions import erase_personal_data, record_consent
from portevoix.privacy.models import Purpose
from portevoix.reports.models import ActionType, Outcome, ReportBack

pytestmark = pytest.mark.django_db
EMAIL, NAME, STORY = "nour.haddad@example.org", "Nour Haddad", "mon fils attend à Kampala"


def every_table_row():
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                yield table, row


def tables_holding(text):
    return sorted({table for table, row in every_table_row() if any(text in str(v) for v in row)})


def counts():
    return {
        "letters sent": Letter.objects.filter(status=Letter.Status.SENT).count(),
        "endorsements approved": Endorsement.objects.filter(status="approved").count(),
        "reports": ReportBack.objects.filter(outcome=Outcome.MET).count(),
        "meetings held": MeetingRequest.objects.filter(status=MeetingRequest.Status.HELD).count(),
        "delegates": Delegate.objects.count(),
    }


def test_nothing_about_the_person_remains_anywhere_and_counts_are_kept(campaign):
    now = timezone.now()
    LetterFactory(
        sender_email=EMAIL,
        sender_name=NAME,
        body=f"Bonjour. {STORY}.",
        status=Letter.Status.SENT,
        sent_at=now,
        confirmed_at=now,
    )
    ContactMessage.objects.create(
        campaign=campaign, name=NAME, email=EMAIL, message=STORY, language="fr"
    )
    record_consent(email=EMAIL, purpose=Purpose.HEAR_FROM_CAMPAIGN, wording="Oui", language="fr")
    EndorsementFactory(organization=OrganizationFactory(contact_email=EMAIL, contact_name=NAME))
    InvitationFactory(to_email=EMAIL)
    ReferrerFactory(email=EMAIL, name=NAME)
    ReportBack.objects.create(
        campaign=campaign,
        language="fr",
        action_type=ActionType.MEETING,
        outcome=Outcome.MET,
        reporter_name=NAME,
        reporter_email=EMAIL,
        details=STORY,
    )
    meeting = MeetingRequest.objects.create(
        campaign=campaign,
        language="fr",
        organizer_name=NAME,
        organizer_email=EMAIL,
        status=MeetingRequest.Status.HELD,
    )
    someone_elses = MeetingRequest.objects.create(
        campaign=campaign, language="fr", organizer_name="Paul", organizer_email="p@example.org"
    )
    Delegate.objects.create(
        meeting=someone_elses, name=NAME, email=EMAIL, role="lived_experience", note=STORY
    )
    assert meeting.pk
    # Someone else, who must not be touched.
    LetterFactory(sender_email="other@example.org", status=Letter.Status.SENT, sent_at=now)
    before = counts()
    # Encrypted text cannot be found by searching: check the plain fields are really there.
    assert tables_holding(EMAIL) and tables_holding(NAME)

    erase_personal_data(EMAIL)

    assert tables_holding(EMAIL) == []
    assert tables_holding(NAME) == []
    assert counts() == before
    assert Letter.objects.filter(sender_email="other@example.org").exists()
    assert not any(STORY in (letter.body or "") for letter in Letter.objects.all())
    assert not ContactMessage.objects.filter(email=EMAIL).exists()
