"""What a letter needs from a representative: a title in each language and an address."""

import datetime

from django.utils import translation

from portevoix.representatives.models import District, Representative


def make_mp(db, gender="", offices=None):
    district = District.objects.create(
        level="federal",
        boundary_set="federal-electoral-districts-2023-representation-order",
        number="24003",
        name_fr="Trois-Rivières",
        name_en="Trois-Rivières",
        province="QC",
        source="test",
        as_of=datetime.date(2025, 5, 1),
    )
    return Representative.objects.create(
        name="Camille Tremblay",
        district=district,
        gender=gender,
        offices=offices or [],
        source="test",
        as_of=datetime.date(2025, 5, 1),
    )


def test_the_french_title_follows_the_form_of_address(db):
    assert make_mp(db, "f").title_for("fr") == "députée de Trois-Rivières"


def test_the_french_title_is_inclusive_when_unknown(db):
    mp = make_mp(db, "")
    assert mp.title_for("fr") == "député·e de Trois-Rivières"
    assert mp.title_for("en") == "Member of Parliament for Trois-Rivières"


def test_an_mp_without_an_address_gets_the_house_of_commons_in_each_language(db):
    mp = make_mp(db)
    with translation.override("fr"):
        assert mp.mailing_address() == "Chambre des communes, Ottawa ON  K1A 0A6"
    with translation.override("en"):
        assert mp.mailing_address() == "House of Commons, Ottawa ON  K1A 0A6"


def test_a_known_office_address_wins(db):
    mp = make_mp(db, offices=[{"type": "constituency", "postal": "1 rue X", "tel": "", "fax": ""}])
    assert mp.mailing_address() == "1 rue X"


def test_a_retired_mp_is_not_the_current_one(db):
    mp = make_mp(db)
    assert mp.district.current_representative() == mp
    mp.retired_at = datetime.date(2025, 6, 1)
    mp.save()
    assert mp.is_retired()
    assert District.objects.get(pk=mp.district_id).current_representative() is None
