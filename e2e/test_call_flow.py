"""Calling an MP without JavaScript: find the MP, read the script, record the outcome in one tap."""

import pytest
from django.urls import reverse
from django.utils import translation

from e2e.axe import assert_accessible
from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.tests.factories import RepresentativeFactory, postal_code_for
from portevoix.meetings.models import Call


@pytest.fixture
def setting(transactional_db):
    campaign = CampaignFactory(call_phone="1-866-599-4999")
    mp = RepresentativeFactory(
        name="Hélène Tremblay",
        district__name_fr="Laurier—Sainte-Marie",
        district__name_en="Laurier—Sainte-Marie",
        offices=[{"type": "constituency", "tel": "514-555-0199", "postal": "Montréal"}],
    )
    postal_code_for(mp.district, "H2X1Y4")
    return {"campaign": campaign, "mp": mp}


def call_page(page, live_server, campaign, language):
    with translation.override(language):
        page.goto(live_server.url + reverse("meetings:call", args=[campaign.slug]))


def test_a_call_is_recorded_in_one_tap_with_javascript_off(no_js_page, live_server, setting):
    page = no_js_page
    call_page(page, live_server, setting["campaign"], "fr")
    page.get_by_label("Votre code postal").fill("H2X 1Y4")
    page.get_by_role("button", name="Trouver mon ou ma député·e").click()
    page.get_by_role("link", name="Continuer avec cette circonscription").click()

    page.get_by_role("heading", name="Appelez Hélène Tremblay").wait_for()
    assert page.get_by_role("link", name="514-555-0199").get_attribute("href") == (
        "tel:514-555-0199"
    )
    page.get_by_label("Que vous a-t-on répondu ? (facultatif)").fill("On transmettra à la députée.")
    page.get_by_role("button", name="J'ai parlé à son personnel").click()

    page.get_by_role("heading", name="Merci d'avoir appelé").wait_for()
    call = Call.objects.get()
    assert call.outcome == Call.Outcome.SPOKE_TO_STAFF
    assert call.representative == setting["mp"]
    assert call.what_they_said == "On transmettra à la députée."
    assert Call.objects.completed().count() == 1


def test_the_call_page_meets_wcag_aa(page, live_server, setting):
    with translation.override("en"):
        url = reverse("meetings:call_mp", args=[setting["campaign"].slug])
    page.goto(f"{live_server.url}{url}?district={setting['mp'].district.pk}")
    page.get_by_role("heading", name="Call Hélène Tremblay").wait_for()
    assert_accessible(page)
