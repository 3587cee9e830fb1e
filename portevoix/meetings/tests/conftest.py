import pytest
from django.utils import translation

from portevoix.letters.tests.factories import (
    LetterTemplateFactory,
    RepresentativeFactory,
    postal_code_for,
)


@pytest.fixture(autouse=True)
def english_by_default():
    with translation.override("en"):
        yield


@pytest.fixture
def mp(db):
    mp = RepresentativeFactory(
        name="Hélène Tremblay",
        gender="f",
        email="helene.tremblay@parl.gc.ca",
        district__name_fr="Laurier—Sainte-Marie",
        district__name_en="Laurier—Sainte-Marie",
        offices=[
            {
                "type": "legislature",
                "postal": "House of Commons\nOttawa ON  K1A 0A6",
                "tel": "1-613-992-6779",
            },
            {"type": "constituency", "postal": "", "tel": "1-514-522-1339"},
        ],
    )
    postal_code_for(mp.district, "H2X1Y4")
    return mp


@pytest.fixture
def request_template(campaign):
    return LetterTemplateFactory(campaign=campaign, key="meeting-request")
