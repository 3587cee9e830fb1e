import pytest
from django.urls import reverse
from django.utils import translation

from portevoix.campaigns.factories import CampaignFactory, ResourceFactory, SuggestedActionFactory
from portevoix.campaigns.models import Audience, Campaign

pytestmark = pytest.mark.django_db


def test_it_sends_the_root_to_french_when_the_browser_states_no_preference(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_it_sends_the_root_to_english_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")
    assert response["Location"] == "/en/"


def test_it_sends_the_root_to_french_for_a_canadian_french_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.5")
    assert response["Location"] == "/fr/"


def test_it_goes_straight_to_the_only_active_campaign(client):
    campaign = CampaignFactory(slug="seule")
    CampaignFactory(slug="brouillon", status=Campaign.Status.DRAFT)
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"] == "/en/campaigns/seule/"
    assert client.get("/fr/")["Location"] == "/fr/campagnes/seule/"
    assert campaign.is_public()


def test_it_lists_several_active_campaigns_side_by_side(client):
    CampaignFactory(title_en="Families together", title_fr="Familles réunies")
    CampaignFactory(title_en="Second ask", title_fr="Deuxième demande")
    response = client.get("/en/")
    assert response.status_code == 200
    assert b"Families together" in response.content
    assert b"Second ask" in response.content
    assert "Deuxième demande" in client.get("/fr/").content.decode()


def test_it_says_so_when_no_campaign_is_running(client):
    CampaignFactory(status=Campaign.Status.CLOSED)
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "aucune campagne" in response.content.decode().lower()


def test_it_shows_the_campaign_in_each_language(client):
    campaign = CampaignFactory(title_fr="Familles réunies", title_en="Families together")
    SuggestedActionFactory(campaign=campaign, audience=Audience.ORGANIZATIONS, title_en="Write")
    SuggestedActionFactory(campaign=campaign, audience=Audience.INDIVIDUALS, title_en="Call")
    french = client.get(f"/fr/campagnes/{campaign.slug}/")
    english = client.get(f"/en/campaigns/{campaign.slug}/")
    assert french.status_code == english.status_code == 200
    assert "Familles réunies" in french.content.decode()
    assert '<html lang="fr">' in french.content.decode()
    assert "Families together" in english.content.decode()
    assert b"Write" in english.content and b"Call" in english.content


def test_the_language_switch_keeps_the_visitor_on_the_same_page(client):
    campaign = CampaignFactory(slug="familles")
    response = client.get("/fr/campagnes/familles/organismes/")
    assert 'href="/en/campaigns/familles/organizations/"' in response.content.decode()
    response = client.get("/en/campaigns/familles/individuals/")
    assert 'href="/fr/campagnes/familles/personnes/"' in response.content.decode()
    assert campaign.slug == "familles"


def test_it_uses_translated_addresses(campaign):
    with translation.override("fr"):
        assert reverse("campaigns:resources", args=[campaign.slug]).startswith("/fr/campagnes/")
    with translation.override("en"):
        assert reverse("campaigns:contact", args=[campaign.slug]).endswith("/contact/")


def test_the_audience_pages_list_their_actions_with_details(client):
    campaign = CampaignFactory()
    SuggestedActionFactory(
        campaign=campaign,
        audience=Audience.ORGANIZATIONS,
        title_en="Meet an MP",
        details_en="Bring someone living family separation.",
    )
    SuggestedActionFactory(campaign=campaign, audience=Audience.INDIVIDUALS, title_en="Post")
    page = client.get(f"/en/campaigns/{campaign.slug}/organizations/").content.decode()
    assert "Meet an MP" in page and "Bring someone living family separation." in page
    assert "Post" not in page


def test_an_action_links_to_its_tool_in_the_visitors_language(client):
    campaign = CampaignFactory(slug="x")
    SuggestedActionFactory(campaign=campaign, audience=Audience.EVERYONE, tool="contact")
    assert 'href="/fr/campagnes/x/nous-joindre/"' in client.get("/fr/campagnes/x/").content.decode()
    assert 'href="/en/campaigns/x/contact/"' in client.get("/en/campaigns/x/").content.decode()


def test_an_action_with_an_unknown_tool_shows_no_broken_button(client):
    campaign = CampaignFactory(slug="y")
    SuggestedActionFactory(
        campaign=campaign, audience=Audience.EVERYONE, tool="nonexistent", link_label_en="Go"
    )
    assert ">Go<" not in client.get("/en/campaigns/y/").content.decode()


def test_a_draft_campaign_is_hidden_from_visitors(client):
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    assert client.get(f"/en/campaigns/{draft.slug}/").status_code == 404


def test_staff_can_preview_a_draft_campaign(client, cast):
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    client.force_login(cast["sophie"])
    assert client.get(f"/en/campaigns/{draft.slug}/").status_code == 200
    client.force_login(cast["xavier"])
    assert client.get(f"/en/campaigns/{draft.slug}/").status_code == 404


def test_an_unknown_campaign_is_not_found(client):
    assert client.get("/fr/campagnes/inconnue/").status_code == 404


def test_pages_refuse_to_change_state(client, campaign):
    assert client.post(f"/en/campaigns/{campaign.slug}/").status_code == 405
    assert client.post(f"/en/campaigns/{campaign.slug}/resources/").status_code == 405
    assert client.delete("/").status_code == 405


def test_resources_are_listed_in_the_page_language_first(client, campaign):
    ResourceFactory(campaign=campaign, language="fr", title="Fiche en français")
    ResourceFactory(campaign=campaign, language="en", title="English fact sheet")
    english = client.get(f"/en/campaigns/{campaign.slug}/resources/").content.decode()
    assert english.index("English fact sheet") < english.index("Fiche en français")
    assert (
        "English fact sheet" not in client.get(f"/fr/campagnes/{campaign.slug}/").content.decode()
    )


def test_a_resource_is_always_downloaded_never_shown_as_a_page(client, campaign):
    resource = ResourceFactory(campaign=campaign)
    response = client.get(resource.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"contenu"


def test_a_resource_of_another_campaign_is_not_found(client, campaign):
    other = ResourceFactory()
    url = reverse("campaigns:resource", args=[campaign.slug, other.pk])
    assert client.get(url).status_code == 404


def test_a_resource_whose_file_vanished_is_not_found(client, campaign):
    resource = ResourceFactory(campaign=campaign)
    resource.file.delete(save=False)
    assert client.get(resource.get_absolute_url()).status_code == 404
