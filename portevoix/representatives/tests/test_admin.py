"""Staff see source and age, correct a record, and see what the last import would change."""

import datetime

import pytest
from django.utils import timezone

from portevoix.representatives import importers, setup
from portevoix.representatives.models import OfficeHolder, Representative
from portevoix.test import sign_in_staff


@pytest.fixture
def staff_client(client, cast):
    sign_in_staff(client, cast["sophie"])
    return client


def test_the_admin_lists_people_with_source_and_flags_old_data(staff_client, federal_data):
    Representative.objects.filter(name="Yasir Naqvi").update(as_of=datetime.date(2020, 1, 1))
    page = staff_client.get("/admin/representatives/representative/?q=naqvi").content.decode()
    assert "mps_45th_parliament_joined.csv" in page
    assert "plus de 90 jours" in page  # the admin speaks French by default
    stale = staff_client.get("/admin/representatives/representative/?age=stale").content.decode()
    assert "Yasir Naqvi" in stale and "Paul Connors" not in stale


def test_a_staff_edit_marks_the_record_corrected_and_survives_import(staff_client, federal_data):
    mp = Representative.objects.get(name="Yasir Naqvi")
    url = f"/admin/representatives/representative/{mp.pk}/change/"
    form = staff_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "release_to_imports"}
    data.update({"email": "bureau.naqvi@parl.gc.ca", "offices": "[]", "gender": "m"})
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    importers.import_representatives_csv(
        federal_data / "federal" / "mps_45th_parliament_joined.csv"
    )
    mp.refresh_from_db()
    assert mp.staff_corrected_at is not None
    assert mp.email == "bureau.naqvi@parl.gc.ca"
    page = staff_client.get(url).content.decode()
    assert "yasir.naqvi@parl.gc.ca" in page  # what the import would have set


def test_office_holders_with_no_name_are_flagged(staff_client, db):
    setup.load_fixed_targets()
    page = staff_client.get("/admin/representatives/officeholder/").content.decode()
    assert "nom manquant : à compléter" in page
    assert "Lena Metlege Diab" in page
    incomplete = staff_client.get("/admin/representatives/officeholder/?complete=no")
    assert "Premier of Alberta" in incomplete.content.decode()


def test_the_admin_says_how_to_load_missing_data(staff_client, db):
    page = staff_client.get("/admin/").content.decode()
    assert "setup_representatives" in page
    page = staff_client.get("/admin/representatives/district/").content.decode()
    assert "setup_representatives" in page


def test_people_who_are_not_staff_cannot_see_it(client, cast):
    client.force_login(cast["omar"])
    response = client.get("/admin/representatives/representative/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_fixed_targets_never_invent_a_name(db):
    report = setup.load_fixed_targets()
    assert report.created == 27
    assert OfficeHolder.objects.for_province("QC").count() == 2
    assert all(holder.name == "" for holder in OfficeHolder.objects.exclude(province=""))
    minister = OfficeHolder.objects.federal_immigration_minister()
    assert "K1A 1L1" in minister.mailing_address
    assert minister.email == "" and minister.needs_completion()
    assert setup.load_fixed_targets().created == 0
    OfficeHolder.objects.filter(province="ON", role="premier").update(
        name="Staff Set Name", staff_corrected_at=timezone.now()
    )
    setup.load_fixed_targets()
    assert OfficeHolder.objects.get(province="ON", role="premier").name == "Staff Set Name"
