"""Importing the real federal districts and MPs, and importing them again."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portevoix.representatives import importers
from portevoix.representatives.models import District, Representative


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_imports_343_districts_and_343_mps_all_matched(federal_data):
    assert District.objects.federal().count() == 343
    assert Representative.objects.serving().count() == 343
    districts_with_mp = District.objects.federal().filter(representatives__retired_at=None)
    assert districts_with_mp.distinct().count() == 343


def test_it_keeps_both_languages_and_the_province(federal_data):
    district = District.objects.get(number="24003")
    assert district.province == "QC"
    assert district.name_en != "" and district.name_fr != ""
    trois = District.objects.get(name_en="Ottawa Centre")
    assert trois.name_fr == "Ottawa-Centre"
    assert trois.current_representative().name == "Yasir Naqvi"


def test_it_records_source_and_as_of_date(federal_data):
    mp = Representative.objects.get(name="Yasir Naqvi")
    assert mp.source == "mps_45th_parliament_joined.csv"
    assert mp.as_of is not None
    assert District.objects.get(number="35079").source.startswith("Elections Canada")


def test_a_second_import_changes_nothing(federal_data):
    before = list(Representative.objects.values().order_by("pk"))
    again = importers.import_representatives_csv(
        federal_data / "federal" / "mps_45th_parliament_joined.csv"
    )
    districts = importers.import_elections_canada_districts(
        federal_data / "federal" / "FED_CA_2023_EN.csv"
    )
    assert (again.created, again.updated, again.retired, again.unchanged) == (0, 0, 0, 343)
    assert (districts.created, districts.updated, districts.unchanged) == (0, 0, 343)
    after = list(Representative.objects.values().order_by("pk"))
    assert [{**row, "imported_at": None} for row in before] == [
        {**row, "imported_at": None} for row in after
    ]


def test_a_staff_correction_survives_a_reimport_and_the_difference_is_kept(federal_data):
    mp = Representative.objects.get(name="Yasir Naqvi")
    mp.email = "corrected@parl.gc.ca"
    mp.name = "Yasir Naqvi, député"
    mp.staff_corrected_at = timezone.now()
    mp.save()
    report = importers.import_representatives_csv(
        federal_data / "federal" / "mps_45th_parliament_joined.csv"
    )
    mp.refresh_from_db()
    assert mp.email == "corrected@parl.gc.ca"
    assert mp.retired_at is None
    assert mp.pending_changes["email"] == {
        "stored": "corrected@parl.gc.ca",
        "import": "yasir.naqvi@parl.gc.ca",
    }
    assert len(report.held) == 1
    assert report.created == 0


def test_an_mp_who_left_is_retired_not_deleted(federal_data, tmp_path):
    source = (federal_data / "federal" / "mps_45th_parliament_joined.csv").read_text()
    lines = source.splitlines()
    without_naqvi = [line for line in lines if "Yasir Naqvi" not in line]
    with_successor = without_naqvi + [
        "35079,Ottawa Centre,Ottawa-Centre,ON,Camille Tremblay,Camille,Tremblay,Liberal,"
        'camille.tremblay@parl.gc.ca,,"House of Commons, Ottawa ON  K1A 0A6",'
    ]
    changed = tmp_path / "mps.csv"
    changed.write_text("\n".join(with_successor) + "\n")
    output = run("import_representatives", "--csv", str(changed))
    assert "1 created" in output and "1 retired" in output
    naqvi = Representative.objects.get(name="Yasir Naqvi")
    assert naqvi.is_retired()
    district = District.objects.get(number="35079")
    assert district.current_representative().name == "Camille Tremblay"


def test_a_returning_mp_is_serving_again(federal_data, tmp_path):
    path = federal_data / "federal" / "mps_45th_parliament_joined.csv"
    Representative.objects.filter(name="Yasir Naqvi").update(retired_at=timezone.localdate())
    report = importers.import_representatives_csv(path)
    assert report.updated == 1
    assert not Representative.objects.get(name="Yasir Naqvi").is_retired()


def test_it_adds_open_civic_data_ids_without_renaming(federal_data):
    output = run(
        "import_districts",
        "--ocd",
        str(federal_data / "federal" / "ca_federal_electoral_districts-2023.csv"),
    )
    assert "0 created, 343 updated" in output
    district = District.objects.get(number="10001")
    assert district.ocd_id == "ocd-division/country:ca/ed:10001-2023"
    assert District.objects.federal().count() == 343


def test_it_imports_a_province_from_open_civic_data(db, shared_data):
    path = shared_data / "provincial" / "ocd-division-ids" / "province-nb-electoral_districts.csv"
    report = importers.import_ocd_districts(path, boundary_set="nb-2024")
    assert report.created == 49
    first = District.objects.provincial("NB").get(number="1")
    assert (first.name_en, first.name_fr) == ("Restigouche West", "Restigouche-Ouest")


def test_the_command_refuses_without_a_file(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_representatives")
    with pytest.raises(CommandError):
        call_command("import_districts", "--elections-canada", "/nonexistent/file.csv")


def test_a_row_for_an_unknown_district_is_skipped_and_reported(federal_data, tmp_path):
    path = tmp_path / "mps.csv"
    path.write_text("fed_num,riding_en,name,party,email\n99999,Nowhere,A Person,None,a@b.ca\n")
    report = importers.import_representatives_csv(path)
    assert report.created == 0
    assert "A Person" in report.skipped[0]
