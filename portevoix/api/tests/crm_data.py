"""One of every kind of record the CRM collections serve, with private words that must never
leave: each is distinctive, so a search of the API's answers finds it if it ever leaks."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from portevoix.endorsements.factories import EndorsementFactory
from portevoix.endorsements.models import Endorsement
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory, RepresentativeFactory
from portevoix.meetings.models import Call, Delegate, MeetingRequest
from portevoix.privacy.actions import record_consent, withdraw_consent
from portevoix.privacy.models import Purpose
from portevoix.reports.models import QuotePermission, ReportBack

SECRETS = {
    "call": "SECRET-CALL-ma-fille-attend-a-Goma",
    "delegate_note": "SECRET-NOTE-mon-mari-est-a-Kampala",
    "delegate_name": "Zainab Delegate-Secrete",
    "delegate_email": "zainab.secrete@example.org",
    "organizer_name": "Organisatrice Tres-Privee",
    "organizer_email": "organisatrice.privee@example.org",
    "proposed_times": "SECRET-TIMES-mardi-chez-moi",
    "details": "SECRET-DETAILS-mes-enfants-a-Kinshasa",
    "commitments": "SECRET-COMMIT-en-parler-au-caucus",
    "follow_up": "SECRET-FOLLOWUP-rappeler-en-mai",
    "attendees": "SECRET-ATTENDEES-ma-soeur-et-moi",
    "target_description": "SECRET-TARGET-le-bureau-de-ma-voisine",
    "reporter_name": "Rapporteur Tres-Discret",
    "reporter_email": "rapporteur.discret@example.org",
    "unlisted_statement": "SECRET-STATEMENT-ne-pas-publier",
    "shy_contact_email": "contact.discret@example.org",
    "shy_contact_name": "Contact Tres-Discret",
}


@dataclass
class Records:
    letter: Letter
    call: Call
    meeting: MeetingRequest
    draft_meeting: MeetingRequest
    report: ReportBack
    listed: Endorsement
    unlisted: Endorsement


def agree(email, purpose, campaign, source=""):
    return record_consent(
        email=email,
        purpose=purpose,
        wording="J'accepte.",
        language="fr",
        campaign=campaign,
        source=source,
    )


def make_records(campaign):
    """Every kind, at distinct moments (oldest first: letter, call, meeting, report)."""
    start = timezone.now() - datetime.timedelta(days=10)
    mp = RepresentativeFactory(name="Hélène Députée")
    letter = LetterFactory(
        template__campaign=campaign,
        status=Letter.Status.SENT,
        confirmed_at=start,
        sent_at=start,
    )
    call = Call.objects.create(
        campaign=campaign,
        language="fr",
        representative=mp,
        district=mp.district,
        province=mp.district.province,
        outcome=Call.Outcome.SPOKE_TO_STAFF,
        what_they_said=SECRETS["call"],
        created_at=start + datetime.timedelta(days=1),
        outcome_at=start + datetime.timedelta(days=1),
    )
    Call.objects.create(
        campaign=campaign, language="fr", outcome=Call.Outcome.NO_ANSWER, district=mp.district
    )
    meeting = make_meeting(campaign, mp, start + datetime.timedelta(days=2))
    draft_meeting = make_meeting(
        campaign, mp, start, status=MeetingRequest.Status.DRAFT, organizer_email="draft@example.org"
    )
    report = ReportBack.objects.create(
        campaign=campaign,
        language="fr",
        action_type="meeting",
        representative=mp,
        district=mp.district,
        province="QC",
        target_description=SECRETS["target_description"],
        action_date=datetime.date(2026, 3, 2),
        outcome="agreed_to_act",
        stated_position="supports",
        commitments=SECRETS["commitments"],
        details=SECRETS["details"],
        follow_up_needed=SECRETS["follow_up"],
        attendees=SECRETS["attendees"],
        reporter_name=SECRETS["reporter_name"],
        reporter_email=SECRETS["reporter_email"],
        quote_permission=QuotePermission.ANONYMOUS,
        created_at=start + datetime.timedelta(days=3),
    )
    ReportBack.objects.create(
        campaign=campaign,
        language="fr",
        action_type="other",
        outcome="other",
        moderation=ReportBack.Moderation.REJECTED,
        created_at=start + datetime.timedelta(days=3),
    )
    listed, unlisted = make_endorsements(campaign, start)
    return Records(letter, call, meeting, draft_meeting, report, listed, unlisted)


def make_meeting(campaign, mp, created_at, **fields):
    values = {
        "campaign": campaign,
        "language": "fr",
        "status": MeetingRequest.Status.SCHEDULED,
        "organizer_name": SECRETS["organizer_name"],
        "organizer_email": SECRETS["organizer_email"],
        "organization_name": "Accueil Plateau",
        "representative": mp,
        "district": mp.district,
        "province": "QC",
        "with_name": mp.name,
        "proposed_times": SECRETS["proposed_times"],
        "meeting_at": created_at + datetime.timedelta(days=5),
        "created_at": created_at,
        **fields,
    }
    meeting = MeetingRequest.objects.create(**values)
    Delegate.objects.create(
        meeting=meeting,
        name=SECRETS["delegate_name"],
        email=f"{meeting.pk}.{SECRETS['delegate_email']}",
        role=Delegate.Role.LIVED_EXPERIENCE,
        language="fr",
        note=SECRETS["delegate_note"],
    )
    return meeting


def make_endorsements(campaign, start):
    """One listed organization whose contact may be written to; one that asked for neither."""
    listed = EndorsementFactory(
        campaign=campaign,
        confirmed_at=start + datetime.timedelta(days=4),
        organization__name="Clinique Santé Pour Tous",
        organization__contact_name="Léa Roy",
        organization__contact_email="lea.roy@sante.example",
    )
    agree("lea.roy@sante.example", Purpose.CONTACT_REPLY, campaign, listed.consent_source())
    unlisted = EndorsementFactory(
        campaign=campaign,
        status=Endorsement.Status.PENDING,
        confirmed_at=start + datetime.timedelta(days=5),
        statement=SECRETS["unlisted_statement"],
        organization__contact_name=SECRETS["shy_contact_name"],
        organization__contact_email=SECRETS["shy_contact_email"],
        listed_publicly=False,
    )
    # Everyone agrees to be written to about their endorsement; this contact took it back.
    withdraw_consent(
        agree(
            SECRETS["shy_contact_email"], Purpose.CONTACT_REPLY, campaign, unlisted.consent_source()
        )
    )
    EndorsementFactory(campaign=campaign, status=Endorsement.Status.UNCONFIRMED)
    EndorsementFactory(campaign=campaign, status=Endorsement.Status.REJECTED)
    return listed, unlisted
