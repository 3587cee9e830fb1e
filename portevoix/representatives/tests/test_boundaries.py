"""Point in polygon over real New Brunswick boundaries, and the postal code table it builds."""

import io

import pytest
from django.core.management import call_command

from portevoix.representatives import geo
from portevoix.representatives.models import District, PostalCode

NB_SHAPEFILE = "provincial/nb_2024_shapefile/geonb_2024_ped_cep.shp"


@pytest.fixture(scope="module")
def nb(shared_data):
    path = shared_data / NB_SHAPEFILE
    return path, geo.read_shapefile(path, "DIST_ID", "PED_Names_"), geo.projection_for_file(path)


def test_the_projection_matches_the_worked_example_of_the_epsg_guidance():
    # IOGP Guidance Note 7-2, oblique stereographic example (Amersfoort / RD New).
    project = geo.ObliqueStereographic(
        semi_major=6377397.155,
        inverse_flattening=299.15281,
        latitude_of_origin=52 + 9 / 60 + 22.178 / 3600,
        central_meridian=5 + 23 / 60 + 15.5 / 3600,
        scale=0.9999079,
        false_easting=155000,
        false_northing=463000,
    )
    x, y = project(53, 6)
    assert x == pytest.approx(196105.283, abs=0.01)
    assert y == pytest.approx(557057.739, abs=0.01)


def test_it_reads_all_49_districts_from_the_shapefile(nb):
    _path, areas, _project = nb
    assert len(areas) == 49
    assert {area.key for area in areas} == {str(n) for n in range(1, 50)}


def test_each_districts_interior_point_falls_in_that_district(nb):
    _path, areas, _project = nb
    for area in areas:
        x, y = geo.interior_point(area)
        assert geo.locate(areas, x, y) is area, area.name


def test_real_places_fall_in_the_district_named_after_them(nb):
    _path, areas, project = nb
    bathurst_city_hall = project(47.6186, -65.6511)
    moncton_city_hall = project(46.0878, -64.7782)
    assert geo.locate(areas, *bathurst_city_hall).name == "Bathurst"
    assert "Moncton" in geo.locate(areas, *moncton_city_hall).name


def test_a_point_outside_the_province_is_in_no_district(nb):
    _path, areas, project = nb
    assert geo.locate(areas, *project(43.6532, -79.3832)) is None  # Toronto
    assert geo.locate(areas, *project(46.8139, -71.2080)) is None  # Québec City


def test_a_point_in_a_hole_is_outside_and_every_part_counts():
    outer = [(0, 0), (10, 0), (10, 10), (0, 10)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6)]
    island = [(20, 20), (22, 20), (22, 22), (20, 22)]
    area = geo.Area(key="1", name="Ring", rings=[outer, hole, island])
    assert area.contains(2, 2)
    assert not area.contains(5, 5)
    assert area.contains(21, 21)
    assert not area.contains(15, 15)


def test_it_reads_geojson_in_latitude_and_longitude(tmp_path):
    path = tmp_path / "areas.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"num": 7, "name": "Square"}, "geometry": {"type": "Polygon",'
        ' "coordinates": [[[-66, 45], [-65, 45], [-65, 46], [-66, 46], [-66, 45]]]}}]}'
    )
    areas = geo.read_geojson(path, "num", "name")
    assert geo.locate(areas, -65.5, 45.5).key == "7"
    assert geo.locate(areas, -64, 45.5) is None


def test_the_command_builds_the_postal_code_table_from_centroids(db, shared_data, tmp_path):
    centroids = tmp_path / "centroids.csv"
    centroids.write_text(
        "postal_code,lat,lon\n"
        "E2A 1A1,47.6186,-65.6511\n"  # Bathurst city hall
        "M5H 2N2,43.6532,-79.3832\n"  # Toronto: outside New Brunswick
        "D0D 0D0,47.6,-65.6\n"  # not a possible postal code
    )
    out = io.StringIO()
    call_command(
        "import_boundaries",
        str(shared_data / NB_SHAPEFILE),
        "--province=NB",
        "--boundary-set=nb-2024",
        "--key-field=DIST_ID",
        "--name-field=PED_Names_",
        f"--centroids={centroids}",
        stdout=out,
    )
    assert "49 created" in out.getvalue()
    assert "1 created" in out.getvalue() and "2 skipped" in out.getvalue()
    row = PostalCode.objects.get(code="E2A1A1")
    assert row.district.name_en == "Bathurst"
    assert row.level == "provincial"
    restigouche = District.objects.get(level="provincial", number="1")
    assert (restigouche.name_en, restigouche.name_fr) == ("Restigouche West", "Restigouche-Ouest")
    assert not PostalCode.objects.filter(code="M5H2N2").exists()


def test_the_command_refuses_a_missing_file(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command(
            "import_boundaries",
            "/nonexistent.shp",
            "--province=NB",
            "--boundary-set=x",
            "--key-field=DIST_ID",
        )
