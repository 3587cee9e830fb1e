"""Forward sortation areas from GeoNames and FSA-to-riding hints."""

from portevoix.representatives import importers
from portevoix.representatives.models import PostalArea, PostalAreaHint


def test_it_imports_every_fsa_with_province_and_centroid(postal_data):
    assert PostalArea.objects.count() == 1651  # 1,655 lines, two FSAs listed twice
    area = PostalArea.objects.get(fsa="K1A")
    assert area.province == "ON"
    assert 45 < area.latitude < 46


def test_hints_are_suggestions_with_lower_confidence(postal_data):
    hint = PostalAreaHint.objects.get(postal_area__fsa="A0A")
    assert hint.district.name_en == "Cape Spear"
    assert hint.confidence < 1
    assert PostalAreaHint.objects.count() > 1300


def test_keys_that_are_not_real_fsas_are_skipped(postal_data):
    report = importers.import_fsa_hints(postal_data / "postal" / "letter-tool_fsa-to-riding.json")
    assert len(report.skipped) >= 19
    assert report.created == 0


def test_a_second_import_changes_nothing(postal_data):
    report = importers.import_geonames_fsa(postal_data / "postal" / "geonames_CA_fsa.txt")
    assert (report.created, report.updated) == (0, 0)


def test_hints_from_a_csv_replace_that_files_old_hints(postal_data, tmp_path):
    path = tmp_path / "hints.csv"
    path.write_text("fsa,district_number\nK1A,35001\nK1B,35001\n")
    first = importers.import_fsa_hints(path)
    assert first.created == 2
    path.write_text("fsa,district_number\nK1A,35001\n")
    second = importers.import_fsa_hints(path)
    assert second.retired == 1
