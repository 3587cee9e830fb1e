"""A person sees and erases their data through the emailed link, with JavaScript off."""

import re

from django.core import mail

from e2e.axe import assert_accessible
from portevoix.campaigns.factories import CampaignFactory
from portevoix.campaigns.models import ContactMessage
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Consent, Purpose


def test_a_person_reads_then_erases_their_data(no_js_page, live_server, page):
    campaign = CampaignFactory()
    ContactMessage.objects.create(
        campaign=campaign,
        name="Awa",
        email="awa@example.org",
        message="Mon fils attend.",
        language="fr",
    )
    record_consent(
        email="awa@example.org",
        purpose=Purpose.CONTACT_REPLY,
        language="fr",
        wording="J’accepte qu’on me réponde.",
        campaign=campaign,
    )
    browser_page = no_js_page
    browser_page.goto(live_server.url + "/fr/mes-donnees/")
    browser_page.get_by_label("Votre adresse courriel").fill("awa@example.org")
    browser_page.get_by_role("button", name="M’envoyer le lien").click()
    assert browser_page.get_by_role(
        "heading", name="Vérifiez votre boîte de réception"
    ).is_visible()

    [message] = mail.outbox
    link = re.search(r"http://\S+", message.body).group(0)
    browser_page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    assert "Mon fils attend." in browser_page.content()

    # The page with a person's data is accessible too (checked with scripts on).
    page.goto(browser_page.url)
    assert_accessible(page)

    browser_page.get_by_role("button", name="Retirer ce consentement").click()
    assert not Consent.objects.get().is_active()

    browser_page.get_by_label("Je comprends que tout ce qui figure sur cette page").check()
    browser_page.get_by_role("button", name="Effacer mes données").click()
    assert browser_page.get_by_role("heading", name="Vos données ont été effacées").is_visible()
    assert not ContactMessage.objects.filter(email="awa@example.org").exists()
    assert not Consent.objects.exists()
