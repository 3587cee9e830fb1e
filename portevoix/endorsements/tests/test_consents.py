"""Endorsement consents live in the privacy app's one table: shown, withdrawn, erased there."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from portevoix.endorsements.factories import (
    EndorsementFactory,
    OrganizationFactory,
    ReferrerFactory,
)
from portevoix.endorsements.models import ENDORSEMENT_SOURCE, Endorsement
from portevoix.endorsements.tests.helpers import endorsement_form, url
from portevoix.endorsements.tests.test_invitations import invite
from portevoix.privacy.actions import erase_personal_data, record_consent
from portevoix.privacy.links import make_token
from portevoix.privacy.models import Consent, Purpose
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db
EMAIL = "lea.roy@sante.example"


def endorse(client, campaign, capture, **overrides):
    with capture(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), endorsement_form(**overrides))
    return Endorsement.objects.get()


def approved(campaign, capture, client, **overrides):
    endorsement = endorse(client, campaign, capture, **overrides)
    Endorsement.objects.filter(pk=endorsement.pk).update(status=Endorsement.Status.APPROVED)
    return endorsement


def endorsers_page(client, campaign):
    response = client.get(url("endorsements:list", campaign.slug))
    assert response.status_code == 200
    return response.content.decode()


def listing_consent(endorsement):
    return endorsement.consents().get(purpose=Purpose.LIST_PUBLICLY)


def test_the_persons_data_page_shows_the_endorsement_consents(
    client, campaign, django_capture_on_commit_callbacks
):
    endorse(client, campaign, django_capture_on_commit_callbacks)
    page = client.get(f"/en/my-data/{make_token(EMAIL)}/").content.decode()
    assert "Be listed publicly" in page
    assert "Answer my message" in page
    assert "name and email are never shown" in page  # the wording as the person saw it
    assert page.count("Withdraw this consent") == 2


def test_withdrawing_the_listing_consent_on_the_data_page_unlists_the_organization(
    client, campaign, django_capture_on_commit_callbacks
):
    endorsement = approved(campaign, django_capture_on_commit_callbacks, client)
    consent = listing_consent(endorsement)
    token = make_token(EMAIL)
    response = client.post(f"/en/my-data/{token}/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302
    assert not Consent.objects.get(pk=consent.pk).is_active()
    assert not endorsement.is_listed()
    html = endorsers_page(client, campaign)
    assert "Clinique Santé Pour Tous" not in html
    # Still counted: the organization endorsed, it is only no longer named.
    assert Endorsement.objects.public_counts() == {"total": 1, "unlisted": 1}


def test_a_cached_list_forgets_the_name_once_the_consent_is_withdrawn(
    client, campaign, django_capture_on_commit_callbacks
):
    endorsement = approved(campaign, django_capture_on_commit_callbacks, client)
    assert "Clinique Santé Pour Tous" in endorsers_page(client, campaign)
    token = make_token(EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/my-data/{token}/consents/{listing_consent(endorsement).pk}/withdraw/")
    assert "Clinique Santé Pour Tous" not in endorsers_page(client, campaign)


def test_without_the_listing_consent_an_approved_endorsement_is_not_named(
    client, campaign, django_capture_on_commit_callbacks
):
    form = endorsement_form()
    del form["consent_listing"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), form)
    Endorsement.objects.update(status=Endorsement.Status.APPROVED)
    assert "Clinique Santé Pour Tous" not in endorsers_page(client, campaign)
    assert not Consent.objects.filter(purpose=Purpose.LIST_PUBLICLY).exists()


def test_a_listing_consent_given_later_names_an_approved_endorsement_at_once(
    client, campaign, django_capture_on_commit_callbacks
):
    endorsement = approved(campaign, django_capture_on_commit_callbacks, client, consent_listing="")
    assert "Clinique Santé Pour Tous" not in endorsers_page(client, campaign)
    with django_capture_on_commit_callbacks(execute=True):
        record_consent(
            email=EMAIL,
            purpose=Purpose.LIST_PUBLICLY,
            wording="List us",
            language="en",
            campaign=campaign,
            source=f"{ENDORSEMENT_SOURCE}{endorsement.pk}",
        )
    # The page was kept: the new consent told the cache, since the endorsement is shown.
    assert "Clinique Santé Pour Tous" in endorsers_page(client, campaign)


def test_erasing_the_contact_removes_their_consents_and_the_name_but_keeps_the_count(
    client, campaign, django_capture_on_commit_callbacks
):
    endorsement = approved(campaign, django_capture_on_commit_callbacks, client)
    assert "Clinique Santé Pour Tous" in endorsers_page(client, campaign)
    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(EMAIL)
    assert not endorsement.consents().exists()
    assert not Consent.objects.filter(email=EMAIL).exists()
    assert Endorsement.objects.filter(status=Endorsement.Status.APPROVED).count() == 1
    # Erasure deleted the consent rows, which tells the page cache: the name goes at once.
    assert "Clinique Santé Pour Tous" not in endorsers_page(client, campaign)


def test_a_withdrawn_listing_consent_of_one_endorsement_leaves_the_others_listed(campaign):
    kept = EndorsementFactory(
        campaign=campaign, organization=OrganizationFactory(name="Organisme A")
    )
    withdrawn = EndorsementFactory(
        campaign=campaign, organization=OrganizationFactory(name="Organisme B")
    )
    Consent.objects.filter(source=withdrawn.consent_source()).update(withdrawn_at=kept.created_at)
    names = [e.organization.name for e in campaign.endorsements.for_public_display()]
    assert names == ["Organisme A"]


def test_an_inviter_sending_through_porte_voix_records_the_reply_to_consent_once(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(email="nadia@clinique.example")
    invite(client, referrer, django_capture_on_commit_callbacks)
    invite(client, referrer, django_capture_on_commit_callbacks, to_email="autre@org.example")
    [consent] = Consent.objects.filter(source=f"referrer:{referrer.pk}")
    assert consent.purpose == Purpose.SEND_LETTER
    assert consent.email == "nadia@clinique.example"
    assert consent.campaign == referrer.campaign
    assert "answer me" in consent.wording or "répondre" in consent.wording
    assert len(mail.outbox) == 2


def test_the_admin_shows_an_endorsements_consents(client, cast, campaign):
    endorsement = EndorsementFactory(campaign=campaign)
    sign_in_staff(client, cast["sophie"])
    page = client.get(reverse("admin:endorsements_endorsement_change", args=[endorsement.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Inscrire notre organisme sur la liste publique." in text
    changelist = reverse("admin:endorsements_endorsement_changelist")
    for choice, shown in (("yes", True), ("no", False)):
        listing = client.get(changelist, {"listed": choice})
        assert listing.status_code == 200
        assert (escape(endorsement.organization.name) in listing.content.decode()) is shown
    assert re.search(r"\d{4}-\d{2}-\d{2}\)", text)
