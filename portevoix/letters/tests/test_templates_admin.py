"""Staff: templates with checked placeholders, the demo letters, letters listed and retried."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.models import Letter, LetterTemplate
from portevoix.letters.tests.factories import LetterFactory, LetterTemplateFactory
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db


def test_an_unknown_placeholder_is_refused_on_save(campaign):
    template = LetterTemplateFactory.build(campaign=campaign, key="ind-write-mp")
    template.body_en = "Dear {recipient}, {riding}"
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert "body_en" in refused.value.message_dict
    assert "{recipient}" in str(refused.value.message_dict["body_en"])


def test_a_stray_brace_is_refused_on_save(campaign):
    template = LetterTemplateFactory.build(campaign=campaign, key="ind-write-mp")
    template.subject_fr = "Objet {riding"
    with pytest.raises(ValidationError):
        template.full_clean()


def test_the_demo_letters_load_once_in_both_languages_with_valid_placeholders():
    campaign = CampaignFactory(slug="familles-ensemble")
    call_command("load_demo_letters", stdout=io.StringIO())
    edited = LetterTemplate.objects.get(key="ind-write-mp")
    edited.title_fr = "Titre revu par l’équipe"
    edited.save()

    call_command("load_demo_letters", stdout=io.StringIO())

    keys = set(campaign.letter_templates.values_list("key", flat=True))
    assert keys == {
        "org-write-minister",
        "ind-write-mp",
        "refugee-write-mp",
        "ind-write-minister",
        "org-write-province",
        "meeting-request",
    }
    assert LetterTemplate.objects.get(key="ind-write-mp").title_fr == "Titre revu par l’équipe"
    for template in LetterTemplate.objects.all():
        template.full_clean()
        assert "PST" in template.body_fr or "permis de séjour temporaire" in template.body_fr
        assert "temporary resident permit" in template.body_en.lower()


def test_staff_see_the_templates_preview_and_the_letters_list(client, cast):
    template = LetterTemplateFactory()
    LetterFactory(template=template, status=Letter.Status.FAILED, last_error="451 try later")
    sign_in_staff(client, cast["sophie"])

    change = client.get(f"/admin/letters/lettertemplate/{template.pk}/change/")
    listing = client.get("/admin/letters/letter/?status__exact=failed")

    assert change.status_code == 200
    assert "Madame la Députée," in change.content.decode()
    assert listing.status_code == 200
    assert "451 try later" in listing.content.decode()


def test_staff_can_send_a_failed_letter_again(client, cast, django_capture_on_commit_callbacks):
    letter = LetterFactory(status=Letter.Status.FAILED, attempts=6, last_error="451")
    sign_in_staff(client, cast["sophie"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/letters/letter/",
            {"action": "retry_failed", "_selected_action": [letter.pk]},
        )

    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    assert letter.attempts == 7


def test_people_who_are_not_staff_cannot_read_letters_in_the_admin(client, cast):
    letter = LetterFactory()
    client.force_login(cast["xavier"])
    response = client.get(f"/admin/letters/letter/{letter.pk}/body/")
    assert response.status_code == 302
    assert letter.body not in response.content.decode()


PREVIEW = "/admin/letters/lettertemplate/preview/"


def test_staff_preview_text_they_are_editing_without_saving(admin_client, campaign):
    template = LetterTemplateFactory(campaign=campaign, body_fr="Texte enregistré")
    response = admin_client.post(
        PREVIEW,
        {
            "subject_fr": "Objet pour {riding}",
            "subject_en": "About {riding}",
            "body_fr": "{salutation}\n\nTexte en cours, signé {sender_name}.",
            "body_en": "{salutation}\n\nWork in progress {oops}.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Texte en cours, signé Alex Tremblay." in page
    assert "Objet pour Laurier—Sainte-Marie" in page
    assert "{oops}" in page  # named among the problems
    template.refresh_from_db()
    assert template.body_fr == "Texte enregistré"


def test_the_preview_needs_a_post_from_staff(admin_client, client, cast):
    assert admin_client.get(PREVIEW).status_code == 405
    client.force_login(cast["xavier"])
    assert client.post(PREVIEW, {"body_fr": "x"}).status_code == 302  # to the admin sign-in
