"""The contact form, as a person uses it, with JavaScript turned off."""

from django.core import mail
from django.core.management import call_command

from portevoix.campaigns.models import ContactMessage


def test_a_person_sends_a_message_with_javascript_off(no_js_page, live_server, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["team@council.example"]
    call_command("load_demo", "--no-staff", verbosity=0)
    page = no_js_page
    page.goto(live_server.url + "/")
    assert "/fr/campagnes/" in page.url

    page.get_by_role("link", name="Nous joindre").first.click()
    page.get_by_label("Votre nom").fill("Nadia")
    page.get_by_label("Votre adresse courriel").fill("nadia@example")
    page.get_by_label("Votre message").fill("Notre école veut appuyer la demande.")
    page.get_by_role("button", name="Envoyer mon message").click()

    # A bad address and no consent: clear errors, nothing typed is lost.
    assert page.get_by_role("alert").is_visible()
    assert "ne semble pas correcte" in page.content()
    assert (
        page.get_by_label("Votre message").input_value() == "Notre école veut appuyer la demande."
    )
    assert ContactMessage.objects.count() == 0

    page.get_by_label("Votre adresse courriel").fill("nadia@example.org")
    page.get_by_label("J’accepte que l’équipe de la campagne me réponde").check()
    page.get_by_role("button", name="Envoyer mon message").click()

    assert page.get_by_role("heading", name="Merci, votre message a bien été reçu").is_visible()
    stored = ContactMessage.objects.get()
    assert stored.name == "Nadia" and stored.language == "fr"
    assert [m.to for m in mail.outbox] == [["team@council.example"]]


def test_the_language_switch_works_without_javascript(no_js_page, live_server):
    call_command("load_demo", "--no-staff", verbosity=0)
    page = no_js_page
    page.goto(live_server.url + "/fr/")
    page.get_by_role("link", name="Pour les organismes").first.click()
    assert page.url.endswith("/organismes/")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/campaigns/familles-ensemble/organizations/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_an_english_browser_lands_on_the_english_site(browser, live_server):
    call_command("load_demo", "--no-staff", verbosity=0)
    context = browser.new_context(locale="en-CA")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.url.endswith("/en/campaigns/familles-ensemble/")
    context.close()
