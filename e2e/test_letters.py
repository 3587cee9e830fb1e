"""Writing a letter in a real browser, confirmed by email, delivered by a real worker."""

import re

import pytest
from django.core import mail

from e2e.axe import assert_accessible
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import (
    LetterTemplateFactory,
    MinisterFactory,
    RepresentativeFactory,
    postal_code_for,
)

OWN_WORDS = "Ma voisine attend sa fille depuis quatre ans : « c’est trop long »."


@pytest.fixture
def setting(campaign):
    mp = RepresentativeFactory(
        name="Hélène Tremblay",
        gender="f",
        email="helene.tremblay@parl.gc.ca",
        district__name_fr="Laurier—Sainte-Marie",
    )
    postal_code_for(mp.district, "H2X1Y4")
    minister = MinisterFactory(email="ministre@cic.example")
    template = LetterTemplateFactory(campaign=campaign, key="ind-write-minister")
    return {"mp": mp, "minister": minister, "template": template}


def write_the_letter(page, live_server, template, accessibility=True):
    """Every step, checked for accessibility on the way when scripts can run (axe is a script)."""
    check = assert_accessible if accessibility else (lambda page: None)
    page.goto(live_server.url + template.get_absolute_url())
    check(page)
    page.get_by_label("Votre code postal").fill("h2x 1y4")
    page.get_by_role("button", name="Continuer").click()

    page.get_by_text("Hélène Tremblay").wait_for()
    check(page)
    page.get_by_role("button", name="Ce sont les bons destinataires").click()

    page.get_by_label("Votre nom").wait_for()
    check(page)
    page.get_by_label("Votre nom").fill("Amélie Côté")
    page.get_by_label("Votre adresse courriel").fill("amelie@example.org")
    page.get_by_role("button", name="Continuer vers la lettre").click()

    body = page.get_by_label("Votre lettre")
    body.wait_for()
    check(page)
    body.fill(body.input_value() + "\n\n" + OWN_WORDS)
    page.get_by_role("button", name="Voir l’aperçu de ma lettre").click()

    page.locator("article.letter").get_by_text(OWN_WORDS).wait_for()
    check(page)
    page.get_by_label(re.compile("Envoyez cette lettre pour moi")).check()
    page.get_by_role("button", name="M’envoyer le lien de confirmation").click()
    page.get_by_text("Nous avons envoyé un lien de confirmation").wait_for()
    check(page)


def test_a_letter_to_the_minister_with_a_copy_to_the_mp_arrives_once_each(
    page, live_server, worker, smtp_server, setting
):
    worker.start(
        {
            "SITE_URL": live_server.url,
            "LETTER_DOMAIN_RATE_PER_MINUTE": "0",
            "DEFAULT_FROM_EMAIL": "Porte-voix <lettres@porte-voix.example>",
        }
    )
    write_the_letter(page, live_server, setting["template"])

    [confirmation] = smtp_server.wait_for(1)
    assert confirmation["To"].addresses[0].addr_spec == "amelie@example.org"
    link = re.search(r"http://\S+/confirmer/\S+/", confirmation.get_content()).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirmer et envoyer ma lettre").click()

    messages = smtp_server.wait_for(2)
    letters = [m for m in messages if m["Message-ID"].startswith("<letter-")]
    assert len(letters) == 1
    [received] = [r for r in smtp_server.received if r.message in letters]
    assert sorted(received.rcpt_tos) == ["helene.tremblay@parl.gc.ca", "ministre@cic.example"]
    message = received.message
    assert message["From"].addresses[0].display_name == "Amélie Côté via Porte-voix"
    assert message["From"].addresses[0].addr_spec == "lettres@porte-voix.example"
    assert message["Reply-To"].addresses[0].addr_spec == "amelie@example.org"
    assert message["To"].addresses[0].addr_spec == "ministre@cic.example"
    assert message["Cc"].addresses[0].addr_spec == "helene.tremblay@parl.gc.ca"
    assert message["Subject"].strip() == setting["template"].subject_fr
    text = message.get_content()
    assert text.startswith("Madame la Ministre,")
    assert OWN_WORDS in text
    assert "Copie : Hélène Tremblay, Députée (Laurier—Sainte-Marie)" in text

    page.reload()
    page.get_by_text("Statut : Envoyée").wait_for()
    assert Letter.objects.get().status == Letter.Status.SENT


def test_the_whole_flow_works_without_javascript(no_js_page, live_server, setting):
    write_the_letter(no_js_page, live_server, setting["template"], accessibility=False)

    [confirmation] = mail.outbox
    link = re.search(r"http://\S+/confirmer/\S+/", confirmation.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    no_js_page.goto(f"{live_server.url}/{path}")
    no_js_page.get_by_role("button", name="Confirmer et envoyer ma lettre").click()

    no_js_page.get_by_text("Statut : Envoyée").wait_for()
    sent = [m for m in mail.outbox if m.extra_headers.get("Message-ID", "").startswith("<letter-")]
    assert len(sent) == 1
    assert sent[0].to == ["ministre@cic.example"]
    assert sent[0].cc == ["helene.tremblay@parl.gc.ca"]
