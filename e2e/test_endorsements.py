"""Endorsements and invitations as people use them, in real Chromium, with real email."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from e2e.staff import staff_context
from portevoix.campaigns.demo_content import CAMPAIGN

SLUG = CAMPAIGN["slug"]
WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
PUBLIC_PAGES = [
    "endorsements:endorse",
    "endorsements:sent",
    "endorsements:list",
    "endorsements:invite_start",
    "endorsements:province",
]


def path(name, *args, language="fr"):
    with translation.override(language):
        return reverse(name, args=[SLUG, *args])


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def links_in(message, base):
    return re.findall(re.escape(base) + r"\S+", text_of(message))


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    settings.STAFF_NOTIFICATION_EMAILS = ["team@council.example"]
    call_command("load_demo", "--no-staff", verbosity=0)


def violations_on(page):
    results = Axe().run(page, options=WCAG_A_AA)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_outreach_pages_have_no_accessibility_violations(page, live_server, demo, language):
    problems = {}
    for name in PUBLIC_PAGES:
        response = page.goto(live_server.url + path(name, language=language))
        assert response.status == 200, name
        if found := violations_on(page):
            problems[name] = found
    page.goto(live_server.url + path("endorsements:endorse", language=language))
    page.locator("button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    if found := violations_on(page):
        problems["endorse with errors"] = found
    assert problems == {}


def endorse(page, base, organization, email):
    page.goto(base + path("endorsements:endorse"))
    page.get_by_label("Nom de votre organisme").fill(organization)
    page.get_by_label("Secteur", exact=True).select_option("health")
    page.get_by_label("Province ou territoire", exact=True).select_option("QC")
    page.get_by_label("Personne-ressource", exact=True).fill("Léa Roy")
    page.get_by_label("Adresse courriel de la personne-ressource", exact=True).fill(email)
    page.get_by_label("L’équipe de la campagne peut écrire").check()
    page.get_by_label("Inscrire notre organisme sur la liste publique").check()
    page.get_by_role("button", name="Appuyer", exact=True).click()
    assert page.get_by_role("heading", name="Merci ! Une dernière étape").is_visible()


def confirm_from_email(page, message, base):
    [confirm] = links_in(message, base)
    page.goto(confirm)
    page.get_by_role("button", name="Confirmer notre appui").click()
    assert "votre appui est confirmé" in page.content()


def approve_in_admin(browser, base, organization):
    context = staff_context(browser, base)
    admin = context.new_page()
    admin.goto(base + reverse("admin:endorsements_endorsement_changelist"))
    admin.get_by_role("row", name=re.compile(organization)).get_by_role("checkbox").check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    admin.get_by_text("1 appui mis à jour.").wait_for()
    context.close()


def test_an_organization_endorses_recruits_an_ally_and_sees_its_count(
    no_js_page, browser, live_server, demo, smtp
):
    base, page = live_server.url, no_js_page
    endorse(page, base, "Clinique Santé Pour Tous", "lea@sante.example")
    [confirmation] = smtp.wait_for(1)
    assert confirmation["To"] == "lea@sante.example"
    confirm_from_email(page, confirmation, base)
    allies_url = page.url
    smtp.wait_for(2)  # staff are told there is an endorsement to review

    # Not yet approved: not on the public list.
    page.goto(base + path("endorsements:list"))
    assert "Clinique Santé Pour Tous" not in page.content()
    approve_in_admin(browser, base, "Clinique Santé Pour Tous")
    approved = smtp.wait_for(3)[2]
    assert "est approuvé" in approved["Subject"]
    for language in ("fr", "en"):
        page.goto(base + path("endorsements:list", language=language))
        assert page.get_by_role("heading", name="Clinique Santé Pour Tous").is_visible()
        assert "lea@sante.example" not in page.content() and "Léa Roy" not in page.content()

    # Invite an ally by email, through Porte-voix.
    page.goto(allies_url)
    page.get_by_label("Son secteur").select_option("education")
    page.get_by_role("button", name="Préparer l’invitation").click()
    assert "réussite des élèves" in page.get_by_label("Message").input_value()
    page.get_by_label("Organisme que vous invitez").fill("École du Parc")
    page.get_by_label("Son adresse courriel").fill("direction@ecole.example")
    page.get_by_label("Les organismes que j’invite verront").check()
    page.get_by_role("button", name="Envoyer par Porte-voix").click()
    assert "Votre invitation est en route" in page.content()
    invitation = smtp.wait_for(4)[3]
    assert invitation["To"] == "direction@ecole.example"
    assert invitation["Reply-To"] == "Clinique Santé Pour Tous <lea@sante.example>"
    assert invitation["List-Unsubscribe"].strip().startswith(f"<{base}/fr/desabonnement/")
    assert "0 organisme a appuyé" in page.content()

    # The ally endorses through the link; once confirmed, the inviter's count rises.
    endorse_link = links_in(invitation, base)[0]
    ally = browser.new_context(java_script_enabled=False, locale="fr-CA").new_page()
    ally.goto(endorse_link)
    ally.get_by_label("Nom de votre organisme").fill("École du Parc")
    ally.get_by_label("Secteur", exact=True).select_option("education")
    ally.get_by_label("Province ou territoire", exact=True).select_option("QC")
    ally.get_by_label("Personne-ressource", exact=True).fill("Sam Chen")
    ally.get_by_label("Adresse courriel de la personne-ressource", exact=True).fill(
        "direction@ecole.example"
    )
    ally.get_by_label("L’équipe de la campagne peut écrire").check()
    ally.get_by_role("button", name="Appuyer", exact=True).click()
    confirm_from_email(ally, smtp.wait_for(5)[4], base)
    page.goto(allies_url)
    assert "1 organisme a appuyé la campagne grâce à vos invitations" in page.content()
    assert "Parmi eux, sur la liste publique" not in page.content()  # not approved: not named
