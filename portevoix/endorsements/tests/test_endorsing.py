"""An organization endorses a campaign and confirms it from its email."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portevoix.endorsements import links
from portevoix.endorsements.models import Endorsement
from portevoix.endorsements.tests.helpers import endorsement_form, links_in, url
from portevoix.privacy.models import Consent, Purpose

pytestmark = pytest.mark.django_db


def endorse(client, campaign, capture, language="en", **overrides):
    with capture(execute=True):
        return client.post(
            url("endorsements:endorse", campaign.slug, language=language),
            endorsement_form(**overrides),
        )


def test_it_shows_the_form_in_both_languages(client, campaign):
    english = client.get(url("endorsements:endorse", campaign.slug))
    french = client.get(url("endorsements:endorse", campaign.slug, language="fr"))
    assert english.status_code == french.status_code == 200
    assert "Name of your organization" in english.content.decode()
    assert "Nom de votre organisme" in french.content.decode()
    assert "/fr/campagnes/" in url("endorsements:endorse", campaign.slug, language="fr")
    assert english["Cache-Control"] == "private, no-store"


def test_it_records_the_endorsement_and_asks_to_confirm_it(
    client, campaign, django_capture_on_commit_callbacks
):
    response = endorse(client, campaign, django_capture_on_commit_callbacks, language="fr")
    assert response.status_code == 302
    assert response["Location"] == url("endorsements:sent", campaign.slug, language="fr")
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.UNCONFIRMED
    assert endorsement.organization.contact_email == "lea.roy@sante.example"
    assert endorsement.organization.website == "https://sante-pour-tous.example"
    assert endorsement.language == "fr" and endorsement.is_listed()
    [message] = mail.outbox
    assert message.to == ["lea.roy@sante.example"]
    assert "Confirmez l’appui de Clinique Santé Pour Tous" in message.subject
    [confirm_path] = links_in(message)
    assert confirm_path.startswith(f"/fr/campagnes/{campaign.slug}/appuyer/confirmer/")


def test_it_records_each_consent_with_its_wording_language_and_time(
    client, campaign, django_capture_on_commit_callbacks
):
    endorse(client, campaign, django_capture_on_commit_callbacks, language="fr")
    endorsement = Endorsement.objects.get()
    consents = {c.purpose: c for c in Consent.objects.all()}
    assert set(consents) == {Purpose.CONTACT_REPLY, Purpose.LIST_PUBLICLY}
    listing = consents[Purpose.LIST_PUBLICLY]
    assert listing.language == "fr" and "jamais" in listing.wording
    assert listing.given_at is not None and listing.is_active()
    # In the privacy app's one table, tied to the endorsement and to the contact's address.
    assert listing.email == "lea.roy@sante.example"
    assert listing.source == f"endorsement:{endorsement.pk}"
    assert listing.campaign == campaign
    assert "écrire" in consents[Purpose.CONTACT_REPLY].wording


def test_without_consent_to_be_listed_it_records_no_listing_consent(
    client, campaign, django_capture_on_commit_callbacks
):
    form = endorsement_form()
    del form["consent_listing"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), form)
    endorsement = Endorsement.objects.get()
    assert not endorsement.is_listed()
    assert [c.purpose for c in endorsement.consents()] == [Purpose.CONTACT_REPLY]


def test_it_refuses_an_incomplete_form_and_keeps_what_was_typed(client, campaign):
    response = client.post(
        url("endorsements:endorse", campaign.slug, language="fr"),
        endorsement_form(contact_email="lea@", sector="", consent_contact=""),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Cette adresse courriel ne semble pas correcte" in page
    assert "Veuillez choisir le secteur" in page
    assert "Clinique Santé Pour Tous" in page
    assert Endorsement.objects.count() == 0


def test_it_refuses_an_unknown_sector_or_province(client, campaign):
    response = client.post(
        url("endorsements:endorse", campaign.slug), endorsement_form(sector="spies", region="XX")
    )
    assert response.status_code == 400
    assert Endorsement.objects.count() == 0


def test_a_second_submission_makes_no_duplicate(
    client, campaign, django_capture_on_commit_callbacks
):
    endorse(client, campaign, django_capture_on_commit_callbacks)
    response = endorse(client, campaign, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Endorsement.objects.count() == 1
    assert len(mail.outbox) == 1  # a fresh link only after a few minutes
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        endorse(client, campaign, django_capture_on_commit_callbacks)
    assert Endorsement.objects.count() == 1
    assert len(mail.outbox) == 2


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(client, campaign):
    response = client.post(
        url("endorsements:endorse", campaign.slug), endorsement_form(nickname="bot")
    )
    assert response.status_code == 302
    assert Endorsement.objects.count() == 0
    assert mail.outbox == []


def test_it_limits_endorsements_per_network_address(client, campaign, settings):
    settings.ENDORSEMENTS_PER_HOUR_PER_NETWORK = 2
    for n in range(2):
        client.post(
            url("endorsements:endorse", campaign.slug),
            endorsement_form(organization_name=f"Org {n}"),
        )
    response = client.post(
        url("endorsements:endorse", campaign.slug), endorsement_form(organization_name="Org 9")
    )
    assert response.status_code == 400
    assert "many endorsements from your connection" in response.content.decode()
    assert Endorsement.objects.count() == 2


def test_behind_a_proxy_the_limit_is_each_visitors_network(client, campaign, settings):
    settings.ENDORSEMENTS_PER_HOUR_PER_NETWORK = 1
    settings.BEHIND_PROXY = True

    def endorse_from(visitor, name):
        form = endorsement_form(organization_name=name)
        page = url("endorsements:endorse", campaign.slug)
        return client.post(page, form, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)

    assert endorse_from("203.0.113.5", "Org 1").status_code == 302
    assert endorse_from("203.0.113.5", "Org 2").status_code == 400
    assert endorse_from("198.51.100.7", "Org 3").status_code == 302
    assert set(Endorsement.objects.values_list("organization__name", flat=True)) == {
        "Org 1",
        "Org 3",
    }


def test_it_refuses_other_methods_and_unknown_campaigns(client, campaign):
    assert client.put(url("endorsements:endorse", campaign.slug)).status_code == 405
    assert client.get(url("endorsements:endorse", "no-such-campaign")).status_code == 404


def confirmation_path(campaign, client, capture):
    endorse(client, campaign, capture)
    return links_in(mail.outbox[-1])[0]


def test_opening_the_link_asks_for_a_click_and_confirms_nothing(
    client, campaign, django_capture_on_commit_callbacks
):
    path = confirmation_path(campaign, client, django_capture_on_commit_callbacks)
    response = client.get(path)
    assert response.status_code == 200
    assert "Confirm our endorsement" in response.content.decode()
    assert Endorsement.objects.get().status == Endorsement.Status.UNCONFIRMED


def test_confirming_sends_it_to_staff_and_opens_the_next_steps(
    client, campaign, django_capture_on_commit_callbacks
):
    path = confirmation_path(campaign, client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.PENDING
    assert endorsement.confirmed_at is not None
    assert endorsement.own_referrer.email == "lea.roy@sante.example"
    assert endorsement.own_referrer.has_confirmed_email()
    assert response.status_code == 302
    next_steps = client.get(response["Location"])
    page = next_steps.content.decode()
    assert "your endorsement is confirmed" in page
    assert "Invite an organization" in page
    staff_mail = mail.outbox[-1]
    assert staff_mail.to == ["team@council.example"]
    assert "Clinique Santé Pour Tous" in staff_mail.subject


def test_confirming_twice_changes_nothing_more(
    client, campaign, django_capture_on_commit_callbacks
):
    path = confirmation_path(campaign, client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(path)
        second = client.post(path)
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 2  # the link, then one notice to staff
    assert Endorsement.objects.get().own_referrer is not None


def test_a_forged_confirmation_link_is_refused(client, campaign):
    response = client.get(url("endorsements:confirm", campaign.slug, "forged:token"))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_a_link_for_another_campaign_is_refused(
    client, campaign, django_capture_on_commit_callbacks
):
    from portevoix.campaigns.factories import CampaignFactory

    endorse(client, campaign, django_capture_on_commit_callbacks)
    token = links.confirmation_token(Endorsement.objects.get())
    other = CampaignFactory()
    assert client.post(url("endorsements:confirm", other.slug, token)).status_code == 400
    assert Endorsement.objects.get().status == Endorsement.Status.UNCONFIRMED


def test_an_expired_link_asks_to_endorse_again(
    client, campaign, settings, django_capture_on_commit_callbacks
):
    path = confirmation_path(campaign, client, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(path)
    assert response.status_code == 410
    assert Endorsement.objects.get().status == Endorsement.Status.UNCONFIRMED


def test_the_check_your_email_page_exists_in_both_languages(client, campaign):
    english = client.get(url("endorsements:sent", campaign.slug))
    french = client.get(url("endorsements:sent", campaign.slug, language="fr"))
    assert "check your email" in english.content.decode()
    assert "vérifiez vos courriels" in french.content.decode()
