"""The public list of endorsers: only what organizations agreed to publish, with counts."""

import pytest

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements import actions
from portevoix.endorsements.factories import EndorsementFactory, OrganizationFactory
from portevoix.endorsements.models import Endorsement
from portevoix.endorsements.tests.helpers import url

pytestmark = pytest.mark.django_db


def listed(campaign, name, sector="health", region="ON", **kwargs):
    organization = OrganizationFactory(name=name, sector=sector, region=region)
    return EndorsementFactory(campaign=campaign, organization=organization, **kwargs)


def page(client, campaign, language="en", query=""):
    response = client.get(url("endorsements:list", campaign.slug, language=language, query=query))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_approved_endorsers_in_both_languages(client, campaign):
    listed(campaign, "Clinique du Quartier", statement="Nous appuyons.")
    english = page(client, campaign)
    french = page(client, campaign, language="fr")
    assert "Clinique du Quartier" in english and "Clinique du Quartier" in french
    assert "1 organization endorses the recommendation." in english
    assert "1 organisme appuie la recommandation." in french
    assert "Health" in english and "Santé" in french
    assert '<blockquote lang="fr">Nous appuyons.</blockquote>' in english


def test_it_never_shows_the_contact_person(client, campaign):
    endorsement = listed(campaign, "Clinique du Quartier")
    html = page(client, campaign)
    assert endorsement.organization.contact_name not in html
    assert endorsement.organization.contact_email not in html


@pytest.mark.parametrize(
    "status",
    [
        Endorsement.Status.UNCONFIRMED,
        Endorsement.Status.PENDING,
        Endorsement.Status.REJECTED,
        Endorsement.Status.MERGED,
    ],
)
def test_an_endorsement_not_approved_never_appears(client, campaign, status):
    listed(campaign, "Organisme en attente", status=status)
    html = page(client, campaign)
    assert "Organisme en attente" not in html
    assert "0 organizations endorse" in html


def test_an_organization_that_did_not_agree_is_counted_but_not_named(client, campaign):
    listed(campaign, "Organisme discret", listed_publicly=False, region="NU", sector="faith")
    listed(campaign, "Organisme public")
    html = page(client, campaign)
    assert "Organisme discret" not in html
    assert "2 organizations endorse the recommendation." in html
    assert "1 of them chose not to be named." in html
    assert "Nunavut" not in html and "Faith community" not in html


def test_it_filters_by_province_and_sector_with_counts(client, campaign):
    listed(campaign, "Santé Ontario", sector="health", region="ON")
    listed(campaign, "École Ontario", sector="education", region="ON")
    listed(campaign, "Santé Québec", sector="health", region="QC")
    html = page(client, campaign, query="?region=ON")
    assert "Santé Ontario" in html and "École Ontario" in html
    assert "Santé Québec" not in html
    assert 'href="?region=ON" aria-current="true">Ontario</a> <span class="count">(2)' in html
    both = page(client, campaign, query="?region=ON&sector=health")
    assert "Santé Ontario" in both and "École Ontario" not in both
    assert "Organizations listed: Ontario, Health" in both


def test_an_unknown_filter_value_is_ignored(client, campaign):
    listed(campaign, "Santé Ontario")
    html = page(client, campaign, query="?region=ZZ&sector=<script>")
    assert "Santé Ontario" in html
    assert "<script>" not in html


def test_it_shows_only_this_campaigns_endorsers(client, campaign):
    listed(CampaignFactory(), "Ailleurs")
    assert "Ailleurs" not in page(client, campaign)


def test_an_approval_shows_at_once_on_the_cached_page(
    client, campaign, cast, django_capture_on_commit_callbacks
):
    endorsement = listed(campaign, "Bientôt là", status=Endorsement.Status.PENDING)
    assert "Bientôt là" not in page(client, campaign)
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_endorsement(endorsement, cast["sophie"])
    assert "Bientôt là" in page(client, campaign)
    with django_capture_on_commit_callbacks(execute=True):
        actions.reject_endorsement(endorsement, cast["sophie"], "Doublon")
    assert "Bientôt là" not in page(client, campaign)


def test_a_burst_of_new_endorsements_leaves_the_cached_pages_alone(
    client, campaign, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from portevoix.endorsements.tests.helpers import endorsement_form
    from portevoix.lib.pagecache import content_version

    page(client, campaign)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            client.post(
                url("endorsements:endorse", campaign.slug),
                endorsement_form(organization_name=f"Nouvelle {n}", contact_email=f"n{n}@x.org"),
            )
    assert Endorsement.objects.filter(status=Endorsement.Status.UNCONFIRMED).count() == 3
    # Nothing public changed: the list still comes from the cache, without a query.
    assert content_version() == before
    with django_assert_num_queries(0):
        page(client, campaign)


def test_an_edit_to_a_shown_organization_shows_at_once(client, campaign):
    endorsement = listed(campaign, "Ancien nom")
    assert "Ancien nom" in page(client, campaign)
    organization = endorsement.organization
    organization.name = "Nouveau nom"
    organization.save()
    assert "Nouveau nom" in page(client, campaign)


def test_queries_do_not_grow_with_the_number_of_endorsers(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    small, large = CampaignFactory(), CampaignFactory()
    listed(small, "Seul")
    for n in range(30):
        listed(large, f"Organisme {n}", region=["ON", "QC", "BC"][n % 3])
    counts = []
    for campaign in (small, large):
        with django_assert_max_num_queries(5) as context:
            page(client, campaign)
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


def test_a_draft_campaign_has_no_public_list(client):
    draft = CampaignFactory(status="draft")
    response = client.get(url("endorsements:list", draft.slug))
    assert response.status_code == 404
