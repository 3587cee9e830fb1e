"""`manage.py setup_representatives`: Represent when it answers, else files, else fixed targets."""

import io

from django.core.management import call_command

from portevoix.representatives.models import (
    CampaignTarget,
    District,
    OfficeHolder,
    Representative,
)


def setup_output():
    out = io.StringIO()
    call_command("setup_representatives", stdout=out)
    return out.getvalue()


def test_with_the_data_folder_it_loads_everything_and_links_the_minister(
    db, shared_data, settings, campaign
):
    settings.REPRESENTATIVES_DATA = str(shared_data)
    settings.REPRESENT_ENABLED = False
    output = setup_output()
    assert "343 created" in output
    assert District.objects.federal().count() == 343
    minister = OfficeHolder.objects.federal_immigration_minister()
    assert minister.representative.district.name_en == "Halifax West"
    again = setup_output()
    assert " created, " in again and "343 unchanged" in again
    assert "1 created" not in again and "343 created" not in again


def test_without_data_it_keeps_the_fixed_targets_and_says_how_to_load_the_rest(db, settings):
    settings.REPRESENTATIVES_DATA = ""
    settings.REPRESENT_ENABLED = False
    output = setup_output()
    assert OfficeHolder.objects.count() == 27
    assert not Representative.objects.exists()
    assert "setup_representatives" in output


def test_with_represent_answering_it_loads_mps_from_it(db, represent_server, settings):
    settings.REPRESENTATIVES_DATA = ""
    represent_server.answer(
        "/representatives/house-of-commons/?limit=100", "house_of_commons_page1"
    )
    represent_server.answer(
        "/representatives/house-of-commons/?limit=1&offset=1", "house_of_commons_page2"
    )
    output = setup_output()
    assert "2 created" in output
    assert District.objects.federal().get(number="10001").current_representative().name == (
        "Paul Connors"
    )


def test_with_represent_down_it_carries_on(db, represent_server, settings):
    settings.REPRESENTATIVES_DATA = ""
    represent_server.answer("/representatives/house-of-commons/?limit=100", status=503, body=b"")
    output = setup_output()
    assert "did not answer" in output
    assert OfficeHolder.objects.count() == 27


def test_the_demo_campaign_gets_its_fixed_and_looked_up_targets(db, settings):
    from portevoix.campaigns.factories import CampaignFactory

    settings.REPRESENTATIVES_DATA = ""
    settings.REPRESENT_ENABLED = False
    campaign = CampaignFactory(slug="familles-ensemble")
    setup_output()
    setup_output()
    targets = CampaignTarget.objects.filter(campaign=campaign)
    assert targets.fixed().get().office_holder.role == "federal_immigration_minister"
    assert sorted(targets.looked_up().values_list("kind", "role")) == [
        ("mp", ""),
        ("provincial", "premier"),
        ("provincial", "provincial_immigration_minister"),
    ]
    quebec_premier = targets.get(role="premier").resolve(province="QC")
    assert quebec_premier[0].title_en == "Premier of Quebec"
