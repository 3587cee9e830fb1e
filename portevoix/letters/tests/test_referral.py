"""A letter started after following a shared link is credited to that link."""

import pytest
from django.utils import translation

from portevoix.endorsements.factories import ReferrerFactory
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory, LetterTemplateFactory
from portevoix.letters.tests.test_compose import start
from portevoix.spread.referrals import COOKIE_NAME, referred_actions
from portevoix.spread.tests.test_referrals import follow

pytestmark = pytest.mark.django_db


def test_it_credits_the_channel_and_referrer_of_the_shared_link(client):
    template = LetterTemplateFactory(key="ind-write-minister", target="federal_minister")
    referrer = ReferrerFactory(campaign=template.campaign)
    follow(client, template.campaign, f"whatsapp.{referrer.code}")
    letter, _next = start(client, template, postal_code="H2X1Y4")
    assert letter.referral_channel == "whatsapp"
    assert letter.referrer == referrer


def test_a_letter_without_a_shared_link_or_with_a_forged_cookie_gets_no_credit(client):
    template = LetterTemplateFactory(key="ind-write-minister", target="federal_minister")
    start(client, template, postal_code="H2X1Y4")
    client.cookies[COOKIE_NAME] = f"{template.campaign.pk}:email:forged"
    start(client, template, postal_code="H2X1Y4")
    assert list(Letter.objects.values_list("referral_channel", "referrer")) == [("", None)] * 2


def test_only_sent_letters_count_in_the_referral_report():
    sent = LetterFactory(status="sent", referral_channel="email")
    LetterFactory(template=sent.template, status="awaiting_confirmation", referral_channel="email")
    with translation.override("en"):
        counted = {str(label): rows for label, rows in referred_actions()}
    assert list(counted["Letters sent"](sent.campaign)) == [sent]
