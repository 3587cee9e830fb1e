"""A meeting request greets and titles whoever the meeting is with, in both languages."""

import pytest
from django.utils import translation

from portevoix.letters.tests.factories import (
    DistrictFactory,
    MinisterFactory,
    PremierFactory,
    RepresentativeFactory,
)
from portevoix.meetings import actions
from portevoix.meetings.tests.helpers import FORM_DATA
from portevoix.representatives.models import District, OfficeHolder


def request_to(campaign, template, target, language):
    with translation.override(language):
        meeting = actions.request_meeting(
            campaign=campaign,
            template=template,
            target=target,
            data={**FORM_DATA, "email": "amelie@example.org"},
            slots=[],
            language=language,
        )
    return meeting.letter


def provincial_member(province, gender, riding):
    district = DistrictFactory(
        level=District.Level.PROVINCIAL,
        boundary_set=f"{province.lower()}-2022",
        province=province,
        name_fr=riding,
        name_en=riding,
    )
    return RepresentativeFactory(
        name="Luc Membre", gender=gender, district=district, elected_office="MNA"
    )


@pytest.mark.parametrize(
    ("language", "salutation", "title"),
    [
        ("fr", "Madame la Députée,", "Députée (Laurier—Sainte-Marie)"),
        ("en", "Dear Hélène Tremblay,", "Member of Parliament for Laurier—Sainte-Marie"),
    ],
)
def test_it_addresses_an_mp_as_an_mp(campaign, request_template, mp, language, salutation, title):
    letter = request_to(
        campaign, request_template, actions.target_for_district(mp.district), language
    )
    assert letter.body.startswith(salutation)
    assert letter.to_title == title


@pytest.mark.parametrize(
    ("province", "gender", "language", "salutation", "title"),
    [
        ("QC", "m", "fr", "Monsieur le Député,", "Député de Taschereau à l'Assemblée nationale"),
        ("QC", "m", "en", "Dear Luc Membre,", "Member of the National Assembly for Taschereau"),
        (
            "ON",
            "",
            "fr",
            "Madame la Députée, Monsieur le Député,",
            "Député·e provincial·e (Taschereau)",
        ),
        ("ON", "", "en", "Dear Luc Membre,", "Member of Provincial Parliament for Taschereau"),
        ("MB", "f", "fr", "Madame la Députée,", "Députée à l'Assemblée législative (Taschereau)"),
        ("MB", "f", "en", "Dear Luc Membre,", "Member of the Legislative Assembly for Taschereau"),
    ],
)
def test_it_addresses_a_provincial_member_as_a_member_of_their_legislature(
    campaign, request_template, province, gender, language, salutation, title
):
    member = provincial_member(province, gender, "Taschereau")
    letter = request_to(
        campaign, request_template, actions.target_for_district(member.district), language
    )
    assert letter.body.startswith(salutation)
    assert letter.to_title == title
    assert "Member of Parliament" not in letter.to_title
    assert letter.representative == member


@pytest.mark.parametrize(
    ("language", "salutation", "closing"),
    [
        ("fr", "Madame la Ministre,", "vous prie d'agréer, Madame la Ministre,"),
        ("en", "Dear Minister,", "Thank you for your attention."),
    ],
)
def test_it_addresses_the_federal_minister_as_a_minister(
    campaign, request_template, language, salutation, closing
):
    minister = MinisterFactory()
    letter = request_to(campaign, request_template, actions.target_for_office(minister), language)
    assert letter.body.startswith(salutation)
    assert closing in letter.body
    assert letter.to_title == (minister.title_fr if language == "fr" else minister.title_en)
    assert letter.to_email == "minister@cic.example"
    assert letter.representative is None
    assert "Député" not in letter.body and "Member of Parliament" not in letter.to_title


@pytest.mark.parametrize(
    ("language", "salutation"),
    [("fr", "Monsieur le Premier Ministre,"), ("en", "Dear Premier,")],
)
def test_it_addresses_a_premier_as_a_premier(campaign, request_template, language, salutation):
    premier = PremierFactory()
    letter = request_to(campaign, request_template, actions.target_for_office(premier), language)
    assert letter.body.startswith(salutation)
    assert letter.to_title == (premier.title_fr if language == "fr" else premier.title_en)
    assert letter.province == "QC"


@pytest.mark.parametrize(
    ("language", "salutation"),
    [("fr", "Madame la Ministre, Monsieur le Ministre,"), ("en", "Dear Minister,")],
)
def test_it_addresses_a_provincial_minister_inclusively_when_we_do_not_know(
    campaign, request_template, language, salutation
):
    holder = MinisterFactory(
        role=OfficeHolder.Role.PROVINCIAL_IMMIGRATION_MINISTER,
        province="ON",
        title_fr="Ministre du Travail, de l'Immigration (Ontario)",
        title_en="Minister of Labour, Immigration (Ontario)",
        name="Sam Exemple",
        gender="",
        email="minister@ontario.example",
    )
    letter = request_to(campaign, request_template, actions.target_for_office(holder), language)
    assert letter.body.startswith(salutation)
    assert letter.to_name == "Sam Exemple"


def test_a_minister_who_is_also_an_mp_is_not_given_their_riding_as_the_writers(
    campaign, request_template, mp
):
    minister = MinisterFactory(representative=mp)
    letter = request_to(campaign, request_template, actions.target_for_office(minister), "en")
    assert letter.riding_name == ""
    assert letter.body.startswith("Dear Minister,")
