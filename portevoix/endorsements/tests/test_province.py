"""The page for organizations asking their provincial government for support."""

import datetime

import pytest

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.tests.helpers import url
from portevoix.representatives.models import OfficeHolder

pytestmark = pytest.mark.django_db


def office(province, role, **fields):
    return OfficeHolder.objects.create(
        role=role,
        province=province,
        title_fr=f"Ministre responsable de l’immigration ({province})",
        title_en=f"Minister responsible for immigration ({province})",
        source="Site du gouvernement",
        as_of=datetime.date(2025, 9, 1),
        **fields,
    )


def page(client, campaign, language="en", query=""):
    return client.get(url("endorsements:province", campaign.slug, language=language, query=query))


def test_it_gives_the_reasons_in_both_languages(client, campaign):
    english = page(client, campaign).content.decode()
    french = page(client, campaign, language="fr").content.decode()
    assert "Why your province has a stake" in english
    assert "Pourquoi votre province est concernée" in french
    assert "/fr/campagnes/" in url("endorsements:province", campaign.slug, language="fr")


def test_it_shows_the_chosen_provinces_office_holders(client, campaign):
    office(
        "MB", "provincial_immigration_minister", name="Alex Doe", email="minister@gov.mb.example"
    )
    office("QC", "premier", name="Autre Personne")
    html = page(client, campaign, query="?province=mb").content.decode()
    assert "Minister responsible for immigration (MB)" in html
    assert "Alex Doe" in html and "minister@gov.mb.example" in html
    assert "Autre Personne" not in html


def test_a_province_without_known_offices_says_where_to_look(client, campaign):
    html = page(client, campaign, language="fr", query="?province=NU").content.decode()
    assert "pas encore les coordonnées" in html and "Nunavut" in html


def test_an_unknown_province_is_explained(client, campaign):
    response = page(client, campaign, query="?province=ZZ")
    assert response.status_code == 200
    assert "We do not know this province" in response.content.decode()


def test_it_links_to_the_provincial_letter_when_the_campaign_has_one(client, campaign):
    from portevoix.letters.models import LetterTemplate

    assert "Write the letter to your province" not in page(client, campaign).content.decode()
    LetterTemplate.objects.create(
        campaign=campaign,
        key="org-write-province",
        audience="organization",
        target="provincial",
        title_fr="Lettre",
        title_en="Letter",
        subject_fr="Objet",
        subject_en="Subject",
        body_fr="Madame, Monsieur,",
        body_en="Dear Premier,",
    )
    html = page(client, campaign).content.decode()
    assert f"/en/campaigns/{campaign.slug}/letters/new/org-write-province/" in html


def test_queries_do_not_grow_with_the_office_holders(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    office("ON", "premier")
    office("ON", "provincial_immigration_minister")
    campaign = CampaignFactory()
    with django_assert_max_num_queries(3):
        assert page(client, campaign, query="?province=ON").status_code == 200


def test_it_refuses_other_methods(client, campaign):
    assert client.post(url("endorsements:province", campaign.slug)).status_code == 405
