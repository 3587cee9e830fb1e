"""Shared pieces for the reports tests: an MP in a riding, a valid report, a sent letter."""

import datetime
import uuid

import pytest
from django.utils import timezone

from portevoix.letters.tests.factories import DistrictFactory, LetterFactory, RepresentativeFactory
from portevoix.letters.wording import CONSENTS
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose


@pytest.fixture
def mp(db):
    district = DistrictFactory(name_fr="Laurier—Sainte-Marie", name_en="Laurier—Sainte-Marie")
    return RepresentativeFactory(name="Hélène Député", district=district)


def report_data(**overrides):
    data = {
        "submission_id": str(uuid.uuid4()),
        "action_type": "letter",
        "target_kind": "other",
        "target_description": "Le bureau de circonscription",
        "action_date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "outcome": "answered",
        "stated_position": "supports",
        "commitments": "Elle en parlera au caucus.",
        "details": "Ma sœur attend à Kinshasa depuis trois ans.",
        "quote_permission": "private",
        "reporter_name": "",
        "organization_name": "",
        "reporter_email": "",
        "website": "",
        "send": "1",
    }
    data.update(overrides)
    return data


def sent_letter(campaign, *, sent_at, agreed=True, **fields):
    letter = LetterFactory(template__campaign=campaign, status="sent", sent_at=sent_at, **fields)
    if agreed:
        record_consent(
            email=letter.sender_email,
            purpose=Purpose.FOLLOW_UP,
            wording=str(CONSENTS["follow_up"]),
            language=letter.language,
            campaign=campaign,
            source=letter.consent_source(),
        )
    return letter
