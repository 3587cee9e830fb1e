"""The migrations that move consents to the privacy app and hash the suppression list."""

import pytest
from django.db import connection
from django.utils import timezone

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.factories import ReferrerFactory
from portevoix.lib.hashing import keyed_hash
from portevoix.test import migrate, migrate_to_latest

BEFORE = [("endorsements", "0001_initial"), ("privacy", "0001_initial")]
AFTER = [("endorsements", "0004_consents_in_privacy")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def old_rows(apps):
    # Apps this test does not migrate back are at their latest: their rows come from factories.
    campaign = CampaignFactory()
    referrer = ReferrerFactory(campaign=campaign, email="amina@example.org", language="en")
    Organization = apps.get_model("endorsements", "Organization")
    Endorsement = apps.get_model("endorsements", "Endorsement")
    Consent = apps.get_model("endorsements", "Consent")
    Suppression = apps.get_model("endorsements", "Suppression")
    organization = Organization.objects.create(
        name="Clinique", sector="health", region="QC", contact_name="Léa",
        contact_email="lea@clinique.example",
    )  # fmt: skip
    endorsement = Endorsement.objects.create(
        campaign_id=campaign.pk, organization=organization, language="fr", listed_publicly=True
    )
    given = timezone.now() - timezone.timedelta(days=40)
    Consent.objects.create(
        purpose="public-listing", wording="Inscrivez-nous", language="fr", given_at=given,
        endorsement=endorsement,
    )  # fmt: skip
    Consent.objects.create(
        purpose="contact", wording="Écrivez-nous", language="fr", given_at=given,
        endorsement=endorsement,
    )  # fmt: skip
    Consent.objects.create(
        purpose="reply-to", wording="They will see my address", language="en", given_at=given,
        referrer_id=referrer.pk,
    )  # fmt: skip
    Suppression.objects.create(email="no@thanks.example", reason="unsubscribed")
    Suppression.objects.create(email="NO@Thanks.example", reason="staff")
    Suppression.objects.create(email="other@place.example")
    return endorsement, referrer, given


def test_it_moves_every_consent_keeping_its_words_language_and_time(old_apps):
    endorsement, referrer, given = old_rows(old_apps)
    apps = migrate(AFTER)
    Consent = apps.get_model("privacy", "Consent")
    moved = {c.purpose: c for c in Consent.objects.all()}
    assert set(moved) == {"list_publicly", "contact_reply", "send_letter"}
    listing = moved["list_publicly"]
    assert listing.source == f"endorsement:{endorsement.pk}"
    assert listing.email == "lea@clinique.example"
    assert listing.wording == "Inscrivez-nous" and listing.language == "fr"
    assert listing.given_at == given and listing.withdrawn_at is None
    assert listing.campaign_id == endorsement.campaign_id
    reply_to = moved["send_letter"]
    assert reply_to.source == f"referrer:{referrer.pk}"
    assert reply_to.email == "amina@example.org" and reply_to.language == "en"


def test_it_keeps_only_keyed_hashes_on_the_suppression_list(old_apps):
    old_rows(old_apps)
    apps = migrate(AFTER)
    Suppression = apps.get_model("endorsements", "Suppression")
    hashes = set(Suppression.objects.values_list("email_hash", flat=True))
    assert hashes == {keyed_hash("no@thanks.example"), keyed_hash("other@place.example")}
    columns = [c.name for c in connection.introspection.get_table_description(
        connection.cursor(), "endorsements_suppression"
    )]  # fmt: skip
    assert "email" not in columns
    # The oldest entry of a repeated address is the one kept, with its reason.
    assert Suppression.objects.get(email_hash=keyed_hash("no@thanks.example")).reason == (
        "unsubscribed"
    )
