"""Public pages come from the cache until content changes; personal pages never do."""

import gzip

import pytest
from django.urls import reverse
from django.utils import translation

from portevoix.campaigns.factories import CampaignFactory, ResourceFactory, SuggestedActionFactory
from portevoix.campaigns.models import Audience, Campaign

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_without_touching_the_database(client, django_assert_num_queries):
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert second["Cache-Control"] == "public, no-cache"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_staff_edit_shows_on_the_next_request(client, admin_client, language):
    campaign = CampaignFactory(slug="edit", ask_fr="Ancienne demande", ask_en="Old ask")
    url = "/fr/campagnes/edit/" if language == "fr" else "/en/campaigns/edit/"
    client.get(url)

    form = admin_client.get(f"/admin/campaigns/campaign/{campaign.pk}/change/").context["adminform"]
    initial = form.form.initial
    data = {name: "" if initial.get(name) is None else initial[name] for name in form.form.fields}
    data.update(
        {
            "ask_fr": "Nouvelle demande",
            "ask_en": "New ask",
            "actions-TOTAL_FORMS": 0,
            "actions-INITIAL_FORMS": 0,
            "resources-TOTAL_FORMS": 0,
            "resources-INITIAL_FORMS": 0,
        }
    )
    saved = admin_client.post(f"/admin/campaigns/campaign/{campaign.pk}/change/", data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors

    page = client.get(url).content.decode()
    assert ("Nouvelle demande" if language == "fr" else "New ask") in page
    assert "Old ask" not in page and "Ancienne demande" not in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_forms_and_private_pages_show_a_campaign_edit_at_once(client, language):
    """They read the campaign from a per-process copy, kept only until content changes."""
    campaign = CampaignFactory(slug="edit", title_fr="Ancien titre", title_en="Old title")
    with translation.override(language):
        url = reverse("endorsements:endorse", args=[campaign.slug])
    old_title = "Ancien titre" if language == "fr" else "Old title"
    assert old_title in client.get(url).content.decode()
    assert old_title in client.get(url).content.decode()  # now from the copy

    campaign.title_fr, campaign.title_en = "Nouveau titre", "New title"
    campaign.save()
    page = client.get(url).content.decode()
    assert ("Nouveau titre" if language == "fr" else "New title") in page
    assert "Old title" not in page and "Ancien titre" not in page

    campaign.status = Campaign.Status.DRAFT
    campaign.save()
    assert client.get(url).status_code == 404


def test_adding_or_removing_an_action_or_resource_shows_at_once(client):
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/individuals/"
    client.get(url)
    action = SuggestedActionFactory(
        campaign=campaign, audience=Audience.INDIVIDUALS, title_en="Phone your MP"
    )
    assert b"Phone your MP" in client.get(url).content
    action.delete()
    assert b"Phone your MP" not in client.get(url).content

    resources_url = f"/en/campaigns/{campaign.slug}/resources/"
    client.get(resources_url)
    ResourceFactory(campaign=campaign, language="en", title="New leaflet")
    assert b"New leaflet" in client.get(resources_url).content


def test_a_conditional_request_gets_not_modified(client):
    campaign = CampaignFactory()
    url = f"/fr/campagnes/{campaign.slug}/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_pages_are_compressed_for_clients_that_accept_it(client):
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/"
    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content)


def test_a_draft_previewed_by_staff_is_never_cached_for_visitors(client, admin_client):
    draft = CampaignFactory(status=Campaign.Status.DRAFT, title_en="Secret draft")
    url = f"/en/campaigns/{draft.slug}/"
    assert b"Secret draft" in admin_client.get(url).content
    assert client.get(url).status_code == 404


def test_signed_in_people_get_a_fresh_page(admin_client, client):
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/"
    client.get(url)
    assert "ETag" not in admin_client.get(url)


def test_a_page_with_a_personal_form_is_never_stored(client):
    campaign = CampaignFactory()
    response = client.get(f"/en/campaigns/{campaign.slug}/contact/")
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_the_cache_can_be_turned_off(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/"
    client.get(url)
    with django_assert_num_queries(3):
        client.get(url)


def test_a_cached_answer_keeps_every_security_header(client):
    campaign = CampaignFactory()
    url = f"/fr/campagnes/{campaign.slug}/"
    first = client.get(url)
    second = client.get(url)
    for header in [
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ]:
        assert second[header] == first[header], header
    assert second["Content-Language"] == "fr"
    assert second.content == first.content


def test_a_query_string_is_never_answered_from_the_cache(client, django_assert_num_queries):
    campaign = CampaignFactory()
    url = f"/en/campaigns/{campaign.slug}/"
    client.get(url)
    with django_assert_num_queries(3):
        assert client.get(url + "?utm_source=x").status_code == 200


def test_a_page_cached_for_a_while_renders_again_once_that_while_is_over(rf, settings):
    import time_machine
    from django.http import HttpResponse

    from portevoix.lib.pagecache import PageCacheMiddleware, public_page

    renders = []

    @public_page(fresh_for=60)
    def counts(request):
        renders.append(1)
        return HttpResponse(f"render {len(renders)}")

    middleware = PageCacheMiddleware(counts)
    with time_machine.travel(0, tick=False) as clock:
        assert middleware(rf.get("/en/results/")).content == b"render 1"
        assert middleware(rf.get("/en/results/")).content == b"render 1"
        clock.shift(61)
        assert middleware(rf.get("/en/results/")).content == b"render 2"
