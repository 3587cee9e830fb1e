"""Referral codes on shared links: visits counted per channel and referrer, actions credited."""

import pytest
from django.urls import reverse

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.factories import EndorsementFactory, ReferrerFactory
from portevoix.endorsements.models import Endorsement
from portevoix.endorsements.tests.helpers import endorsement_form, url
from portevoix.letters.tests.factories import LetterFactory, LetterTemplateFactory
from portevoix.spread.models import ShareVisit
from portevoix.spread.referrals import COOKIE_NAME
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db


def follow(client, campaign, link, language="fr", **headers):
    return client.get(url("spread:visit", campaign.slug, link, language=language), **headers)


def visits(campaign, **filters):
    return sum(v.count for v in ShareVisit.objects.filter(campaign=campaign, **filters))


def test_a_shared_link_counts_a_visit_and_leads_to_the_campaign(client, campaign):
    response = follow(client, campaign, "whatsapp")
    assert response.status_code == 302
    assert response["Location"] == url("campaigns:detail", campaign.slug, language="fr")
    follow(client, campaign, "whatsapp")
    assert visits(campaign, channel="whatsapp", referrer=None) == 2
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 30 * 24 * 3600


def test_it_counts_per_referrer(client, campaign):
    referrer = ReferrerFactory(campaign=campaign)
    follow(client, campaign, f"x.{referrer.code}", language="en")
    assert visits(campaign, channel="x", referrer=referrer) == 1


def test_it_keeps_no_address_and_no_browser_description(client, campaign):
    follow(client, campaign, "email", REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Firefox/130")
    fields = {f.name for f in ShareVisit._meta.get_fields()}
    assert fields == {"id", "campaign", "channel", "referrer", "day", "count"}


@pytest.mark.parametrize("link", ["x.forged99", "nosuchnetwork", "x.", "x.abc.def"])
def test_a_forged_or_unknown_code_is_ignored(client, campaign, link):
    response = follow(client, campaign, link)
    assert response.status_code == 302
    assert COOKIE_NAME not in response.cookies
    assert ShareVisit.objects.count() == 0


def test_a_code_from_another_campaign_is_ignored(client, campaign):
    stranger = ReferrerFactory(campaign=CampaignFactory())
    response = follow(client, campaign, f"x.{stranger.code}")
    assert COOKIE_NAME not in response.cookies
    assert ShareVisit.objects.count() == 0


def test_link_previews_made_by_networks_are_not_counted(client, campaign):
    follow(client, campaign, "facebook", HTTP_USER_AGENT="facebookexternalhit/1.1")
    assert ShareVisit.objects.count() == 0


def test_unknown_campaigns_and_other_methods_are_refused(client, campaign):
    assert follow(client, CampaignFactory.build(slug="nope"), "x").status_code == 404
    draft = CampaignFactory(status="draft")
    assert follow(client, draft, "x").status_code == 404
    assert client.post(url("spread:visit", campaign.slug, "x")).status_code == 405


def test_an_endorsement_after_a_shared_link_is_credited_to_channel_and_referrer(
    client, campaign, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(campaign=campaign)
    follow(client, campaign, f"linkedin.{referrer.code}")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), endorsement_form())
    endorsement = Endorsement.objects.get()
    assert endorsement.referral_channel == "linkedin"
    assert endorsement.referrer == referrer


def test_a_tampered_cookie_gives_no_credit(client, campaign, django_capture_on_commit_callbacks):
    referrer = ReferrerFactory(campaign=campaign)
    client.cookies[COOKIE_NAME] = f"{campaign.pk}:x.{referrer.code}:forged-signature"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), endorsement_form())
    endorsement = Endorsement.objects.get()
    assert endorsement.referrer is None and endorsement.referral_channel == ""


def test_a_link_to_another_campaign_gives_no_credit_here(
    client, campaign, django_capture_on_commit_callbacks
):
    other = CampaignFactory()
    follow(client, other, "x")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), endorsement_form())
    assert Endorsement.objects.get().referral_channel == ""


def test_public_pages_set_no_cookie_and_stay_cacheable(client, campaign):
    response = client.get(url("campaigns:detail", campaign.slug))
    assert not response.cookies
    assert response["Cache-Control"] == "public, no-cache"


def test_staff_see_visits_and_endorsements_per_channel_and_referrer(client, cast, campaign):
    referrer = ReferrerFactory(campaign=campaign, name="Clinique du Parc")
    follow(client, campaign, f"bluesky.{referrer.code}")
    follow(client, campaign, "bluesky")
    EndorsementFactory(campaign=campaign, referrer=referrer, referral_channel="bluesky")
    EndorsementFactory(campaign=campaign, referral_channel="bluesky", status="unconfirmed")
    template = LetterTemplateFactory(campaign=campaign)
    LetterFactory(template=template, status="sent", referrer=referrer, referral_channel="bluesky")
    LetterFactory(template=template, status="draft", referral_channel="bluesky")
    sign_in_staff(client, cast["sophie"])
    report = client.get(reverse("admin:spread_report", args=[campaign.slug]))
    html = report.content.decode()
    assert report.status_code == 200
    # Visits, then letters sent, then endorsements.
    assert '<th scope="row">Bluesky</th><td>2</td><td>1</td><td>1</td>' in html
    assert "Clinique du Parc" in html
    assert f"<td>{referrer.code}</td><td>1</td><td>1</td><td>1</td>" in html


def test_the_report_is_for_staff_only(client, cast, campaign):
    client.force_login(cast["omar"])
    response = client.get(reverse("admin:spread_report", args=[campaign.slug]))
    assert response.status_code == 302 and "/login/" in response["Location"]
