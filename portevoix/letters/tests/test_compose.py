"""Writing a letter without JavaScript: choose, recipients, about you, write, preview."""

import pytest
from django.urls import reverse
from django.utils import translation

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import (
    DistrictFactory,
    LetterTemplateFactory,
    MinisterFactory,
    PremierFactory,
    RepresentativeFactory,
    postal_code_for,
)

pytestmark = pytest.mark.django_db


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"letters:{name}", args=args)


@pytest.fixture
def mp():
    representative = RepresentativeFactory(
        name="Hélène Tremblay", gender="f", district__name_fr="Laurier—Sainte-Marie"
    )
    postal_code_for(representative.district, "H2X1Y4")
    return representative


@pytest.fixture
def minister():
    return MinisterFactory()


def start(client, template, language="fr", **data):
    response = client.post(
        url("start", template.campaign.slug, template.key, language=language), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Letter.objects.latest("created_at"), response["Location"]


def through_recipients(client, letter, **data):
    response = client.post(letter.step_url("recipients"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    letter.refresh_from_db()
    return letter


def about(client, letter, **data):
    values = {"name": "Amélie Côté", "email": "Amelie@Example.org", **data}
    response = client.post(letter.step_url("sender"), values)
    assert response.status_code == 302, response.content.decode()[:3000]
    letter.refresh_from_db()
    return letter


def test_the_chooser_lists_the_campaigns_letters_by_who_writes(client, campaign):
    LetterTemplateFactory(campaign=campaign, key="ind-write-mp")
    LetterTemplateFactory(campaign=campaign, key="org-write-minister")

    page = client.get(url("choose", campaign.slug)).content.decode()

    assert "Lettre à votre député·e" in page
    assert "Lettre d'un organisme au ministre" in page.replace("&#x27;", "'")


def test_an_unknown_letter_or_campaign_is_not_found(client, campaign):
    assert client.get(url("start", campaign.slug, "no-such-letter")).status_code == 404
    assert client.get(url("choose", "no-such-campaign")).status_code == 404


def test_a_draft_campaigns_letters_are_hidden_from_visitors(client, campaign):
    template = LetterTemplateFactory(campaign=campaign)
    campaign.status = "draft"
    campaign.save()
    assert client.get(template.get_absolute_url()).status_code == 404


def test_an_invalid_postal_code_is_refused_with_its_reason(client, campaign):
    template = LetterTemplateFactory(campaign=campaign)
    response = client.post(template.get_absolute_url(), {"postal_code": "D1A 0A6"})
    assert response.status_code == 400
    assert "lettre D" in response.content.decode()
    assert not Letter.objects.exists()


def test_the_postal_code_finds_the_mp_and_the_writer_confirms_it(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign)
    letter, location = start(client, template, postal_code="h2x 1y4")

    page = client.get(location).content.decode()
    assert "Hélène Tremblay" in page
    assert "Laurier—Sainte-Marie" in page

    letter = through_recipients(client, letter, district=mp.district.pk)
    assert letter.to_name == "Hélène Tremblay"
    assert letter.to_email == mp.email
    assert letter.to_title == "Députée (Laurier—Sainte-Marie)"
    assert "Chambre des communes" in letter.to_address or "House of Commons" in letter.to_address


def test_the_writer_can_pick_another_riding_from_a_search(client, campaign, mp):
    other = RepresentativeFactory(name="Marc Gagnon", gender="m", district__name_fr="Outremont")
    template = LetterTemplateFactory(campaign=campaign)
    letter, location = start(client, template, postal_code="H2X1Y4")

    page = client.get(location, {"q": "gagnon"}).content.decode()
    assert "Outremont" in page

    letter = through_recipients(client, letter, district=other.district.pk)
    assert letter.to_name == "Marc Gagnon"
    assert letter.to_title == "Député (Outremont)"


def test_a_riding_without_a_known_mp_is_refused_kindly(client, campaign):
    vacant = DistrictFactory(name_fr="Circonscription vacante")
    template = LetterTemplateFactory(campaign=campaign)
    letter, location = start(client, template, postal_code="H2X1Y4")

    response = client.post(location, {"district": vacant.pk})

    assert response.status_code == 400
    assert "siège est peut-être vacant" in response.content.decode()
    letter.refresh_from_db()
    assert letter.to_name == ""


def test_a_made_up_riding_is_refused(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign)
    letter, location = start(client, template, postal_code="H2X1Y4")
    assert client.post(location, {"district": 999999}).status_code == 400


def test_the_template_is_filled_in_with_the_right_french_forms(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign)
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)
    letter = about(client, letter)

    assert letter.body.startswith("Madame la Députée,")
    assert "circonscription de Laurier—Sainte-Marie" in letter.body
    assert letter.sender_email == "amelie@example.org"
    assert letter.is_template_verbatim


def test_english_letters_use_english_forms(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign)
    letter, _location = start(client, template, language="en", postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)
    letter = about(client, letter)

    assert letter.language == "en"
    assert letter.body.startswith("Dear Hélène Tremblay,")
    assert letter.to_title.startswith("Member of Parliament for")


def test_an_individual_writing_to_the_minister_copies_their_mp(client, campaign, mp, minister):
    template = LetterTemplateFactory(campaign=campaign, key="ind-write-minister")
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk, office_holder=minister.pk)

    assert letter.to_email == "minister@cic.example"
    assert letter.cc_addresses() == [mp.email]
    assert letter.cc_name == "Hélène Tremblay"
    letter = about(client, letter)
    assert letter.body.startswith("Madame la Ministre,")


def test_an_organization_without_a_postal_code_writes_to_the_minister_alone(
    client, campaign, minister
):
    template = LetterTemplateFactory(campaign=campaign, key="org-write-minister")
    letter, _location = start(client, template, postal_code="")
    letter = through_recipients(client, letter, office_holder=minister.pk)

    assert letter.cc_addresses() == []
    response = client.post(letter.step_url("sender"), {"name": "Sam", "email": "sam@x.org"})
    assert response.status_code == 400
    assert "nom de votre organisme" in response.content.decode()


def test_a_local_organization_can_copy_its_mp(client, campaign, mp, minister):
    template = LetterTemplateFactory(campaign=campaign, key="org-write-minister")
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(
        client, letter, district=mp.district.pk, office_holder=minister.pk, copy_mp="on"
    )
    assert letter.cc_addresses() == [mp.email]


def test_an_organization_writes_to_its_provincial_government(client, campaign):
    premier = PremierFactory()
    template = LetterTemplateFactory(campaign=campaign, key="org-write-province")
    letter, _location = start(client, template, province="QC")
    letter = through_recipients(client, letter, office_holder=premier.pk)
    letter = about(client, letter, organization="Accueil Montréal")

    assert letter.to_email == "premier@quebec.example"
    assert letter.body.startswith("Monsieur le Premier Ministre,")
    assert "Accueil Montréal" in letter.body


def test_the_refugee_letter_warns_about_safety_and_weaves_in_the_story(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign, key="refugee-write-mp")
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)

    page = client.get(letter.step_url("sender")).content.decode()
    assert "Ne donnez aucune adresse" in page

    letter = about(
        client,
        letter,
        story_who="ma femme et nos deux enfants",
        story_how_long="trois ans",
        story_effect="Nos enfants grandissent sans leur père.",
    )
    assert "Qui attend : ma femme et nos deux enfants" in letter.body
    assert "Nos enfants grandissent sans leur père." in letter.body
    assert not letter.is_template_verbatim


def test_someone_writing_for_another_person_must_record_their_agreement(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign, key="refugee-write-mp")
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)
    data = {"name": "Inès Aide", "email": "ines@accueil.org", "on_behalf": "on"}

    refused = client.post(letter.step_url("sender"), {**data, "on_behalf_of": "Samir Haddad"})
    assert refused.status_code == 400

    letter = about(
        client, letter, **{**data, "on_behalf_of": "Samir Haddad", "on_behalf_agreed": "on"}
    )
    assert letter.signer_name() == "Samir Haddad"
    assert letter.sender_name == "Inès Aide"
    assert "a accepté que j’écrive cette lettre" in letter.on_behalf_agreement
    assert "Je m'appelle Samir Haddad" in letter.body


@pytest.mark.parametrize("field", ["name", "organization"])
def test_a_line_break_in_a_name_is_refused_so_no_header_can_be_injected(
    client, campaign, mp, field
):
    template = LetterTemplateFactory(campaign=campaign)
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)
    data = {"name": "Amélie", "email": "a@example.org", field: "Amélie\r\nBcc: all@example.org"}

    assert client.post(letter.step_url("sender"), data).status_code == 400
    letter.refresh_from_db()
    assert "Bcc" not in letter.sender_name + letter.sender_organization


def written(client, campaign, mp):
    template = LetterTemplateFactory(campaign=campaign)
    letter, _location = start(client, template, postal_code="H2X1Y4")
    letter = through_recipients(client, letter, district=mp.district.pk)
    return about(client, letter)


def test_a_subject_with_a_line_break_is_refused(client, campaign, mp):
    letter = written(client, campaign, mp)
    response = client.post(
        letter.step_url("write"), {"subject": "Bonjour\nBcc: x@example.org", "body": "Texte"}
    )
    assert response.status_code == 400


def test_an_empty_letter_is_refused(client, campaign, mp):
    letter = written(client, campaign, mp)
    response = client.post(letter.step_url("write"), {"subject": "Objet", "body": "  \n  "})
    assert response.status_code == 400
    assert "Votre lettre est vide" in response.content.decode()


def test_the_preview_notices_a_letter_left_word_for_word(client, campaign, mp):
    letter = written(client, campaign, mp)
    client.post(letter.step_url("write"), {"subject": letter.subject, "body": letter.body})

    page = client.get(letter.step_url("preview")).content.decode()
    assert "mot pour mot" in page

    own = letter.body + "\n\nMa voisine attend sa fille depuis quatre ans."
    client.post(letter.step_url("write"), {"subject": letter.subject, "body": own})
    page = client.get(letter.step_url("preview")).content.decode()
    assert "mot pour mot" not in page
    assert "Ma voisine attend sa fille depuis quatre ans." in page


def test_the_preview_offers_mailto_pdf_and_docx(client, campaign, mp):
    letter = written(client, campaign, mp)
    page = client.get(letter.step_url("preview")).content.decode()
    assert f"mailto:{mp.email}?subject=" in page
    assert letter.step_url("pdf") in page
    assert letter.step_url("docx") in page
    assert "Pas besoin de timbre" in page
    assert client.get(letter.step_url("pdf"))["Content-Type"] == "application/pdf"


def test_a_long_letter_is_offered_to_copy_instead_of_a_mailto_link(client, campaign, mp):
    letter = written(client, campaign, mp)
    long_body = letter.body + "\n\n" + "Nous attendons toujours. " * 200
    client.post(letter.step_url("write"), {"subject": letter.subject, "body": long_body})

    page = client.get(letter.step_url("preview")).content.decode()
    assert "mailto:" not in page
    assert "data-copy-source" in page


def test_a_private_link_that_was_tampered_with_is_not_found(client, campaign, mp):
    letter = written(client, campaign, mp)
    token = letter.private_token()
    forged = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.get(url("status", campaign.slug, forged)).status_code == 404
    assert client.get(url("preview", campaign.slug, "not-a-token")).status_code == 404


def test_the_steps_refuse_other_methods(client, campaign, mp):
    letter = written(client, campaign, mp)
    assert client.put(letter.step_url("write")).status_code == 405
    assert client.get(letter.step_url("send")).status_code == 405
    assert client.post(letter.step_url("preview")).status_code == 405
