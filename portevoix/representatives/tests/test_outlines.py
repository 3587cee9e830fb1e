"""Boundary imports keep a small, simplified outline of each district to draw maps with."""

import io
import json
import re

import pytest
from django.core.management import call_command

from portevoix.representatives import geo, importers
from portevoix.representatives.models import FEDERAL_BOUNDARY_SET, District

NB_SHAPEFILE = "provincial/nb_2024_shapefile/geonb_2024_ped_cep.shp"
STEP = re.compile(r"-?\d+")


def points_of(d):
    """Absolute points of an outline: `M x y l dx dy ... z`, ring after ring."""
    rings = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = (int(n) for n in STEP.findall(ring[0]))
        points = [(x, y)]
        steps = [int(n) for n in STEP.findall(ring[1])]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def square(lon, lat, size=0.2, wiggles=0):
    """A closed square ring in longitude/latitude, with extra points along its edges."""
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    ring = []
    for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True):
        for step in range(wiggles + 1):
            t = step / (wiggles + 1)
            # A zigzag far smaller than the square: simplification should smooth it away.
            bump = 0.0005 * (step % 2)
            ring.append([x1 + (x2 - x1) * t + bump, y1 + (y2 - y1) * t + bump])
    return ring + [ring[0]]


def geojson(tmp_path, features):
    path = tmp_path / "ridings.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"FED_NUM": number, "NAME": name},
                        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                    }
                    for number, name, polygons in features
                ],
            }
        )
    )
    return path


# Four Prince Edward Island ridings (real numbers), drawn as squares side by side.
PEI = [
    ("11001", "Cardigan", [[square(-62.6, 46.2, wiggles=200)]]),
    ("11002", "Charlottetown", [[square(-62.4, 46.2)]]),
    # Two parts: a square and a small island, and a hole that is a lake.
    (
        "11003",
        "Egmont",
        [
            [square(-62.2, 46.2), square(-62.15, 46.25, size=0.05)[::-1]],
            [square(-62.0, 46.5, size=0.03)],
        ],
    ),
    ("11004", "Malpeque", [[square(-61.8, 46.2)]]),
]


def import_pei(tmp_path, features=PEI):
    return importers.import_boundaries(
        geojson(tmp_path, features),
        level="federal",
        province="PE",
        boundary_set=FEDERAL_BOUNDARY_SET,
        key_field="FED_NUM",
        name_field="NAME",
    )


def test_it_stores_an_outline_for_each_district_of_a_geojson_file(db, tmp_path):
    result = import_pei(tmp_path)
    assert result.outlines.created == 4
    ridings = District.objects.federal().order_by("number")
    assert [d.number for d in ridings] == ["11001", "11002", "11003", "11004"]
    assert {d.province for d in ridings} == {"PE"}
    for riding in ridings:
        assert riding.outline.startswith("M") and riding.outline.endswith("z")
        if riding.number == "11003":
            continue  # its island is further north
        xmin, ymin, xmax, ymax = riding.outline_box
        # A 0.2-degree square is about 15 km by 22 km (30 by 44 units of 500 m), turned
        # some 20 degrees by the Lambert plane's meridians converging to the north.
        assert 25 <= xmax - xmin <= 55 and 35 <= ymax - ymin <= 55, riding.number
    cardigan, charlottetown, egmont, _malpeque = ridings
    # Side by side from west to east, and north is up (smaller y).
    assert cardigan.outline_box[0] < charlottetown.outline_box[0] < egmont.outline_box[0]
    # 800 zigzag points along Cardigan's edges are smoothed down to its corners.
    assert sum(len(ring) for ring in points_of(cardigan.outline)) <= 6
    # Egmont keeps its hole and its island: three rings.
    assert egmont.outline.count("M") == 3


def test_outlines_are_in_one_plane_for_the_whole_country(db, tmp_path):
    far_apart = [
        ("59001", "Far west", [[square(-123.2, 49.2)]]),
        ("10001", "Far east", [[square(-52.8, 47.5)]]),
    ]
    import_pei(tmp_path, far_apart)
    west = District.objects.get(number="59001")
    east = District.objects.get(number="10001")
    assert (west.province, east.province) == ("BC", "NL")
    # About 5,000 km apart: some 10,000 units of 500 m, west on the left.
    assert 8_000 < east.outline_box[0] - west.outline_box[0] < 12_000


def test_importing_again_replaces_outlines_and_clears_those_no_longer_in_the_file(db, tmp_path):
    import_pei(tmp_path)
    before = District.objects.get(number="11002").outline
    moved = [
        ("11001", "Cardigan", [[square(-62.6, 46.2)]]),
        ("11002", "Charlottetown", [[square(-62.4, 46.0, size=0.4)]]),
    ]
    result = import_pei(tmp_path, moved)
    assert District.objects.get(number="11002").outline != before
    # Cardigan without its zigzags simplifies to the same outline: unchanged.
    assert (result.outlines.updated, result.outlines.unchanged) == (1, 1)
    assert result.outlines.retired == 2
    assert District.objects.get(number="11003").outline == ""
    assert District.objects.get(number="11003").outline_box == []
    again = import_pei(tmp_path, moved)
    assert again.outlines.unchanged == 2 and again.outlines.updated == 0


def test_districts_without_boundaries_have_no_outline(db, tmp_path, shared_data):
    importers.import_elections_canada_districts(shared_data / "federal/FED_CA_2023_EN.csv")
    import_pei(tmp_path)
    drawn = District.objects.federal().exclude(outline="")
    assert sorted(drawn.values_list("number", flat=True)) == ["11001", "11002", "11003", "11004"]
    assert District.objects.federal().filter(outline="").count() == 343 - 4


def test_a_district_too_small_to_draw_gets_no_outline(db, tmp_path):
    tiny = [("11001", "Speck", [[square(-62.6, 46.2, size=0.0005)]])]
    result = import_pei(tmp_path, tiny)
    assert District.objects.get(number="11001").outline == ""
    assert "too small to draw" in " ".join(result.outlines.details())


def test_lambert_matches_the_worked_example_of_the_epsg_guidance():
    # IOGP Guidance Note 7-2, Lambert conformal conic (2SP), NAD27 / Texas South Central,
    # in US survey feet.
    feet = 0.3048006096012192
    project = geo.LambertConformalConic(
        semi_major=6378206.400 / feet,
        inverse_flattening=294.97870,
        latitude_of_origin=27 + 50 / 60,
        central_meridian=-99,
        standard_parallels=(28 + 23 / 60, 30 + 17 / 60),
        false_easting=2000000,
        false_northing=0,
    )
    easting, northing = project(28.5, -96)
    assert easting == pytest.approx(2963503.91, abs=0.05)
    assert northing == pytest.approx(254759.80, abs=0.05)


# --- The real New Brunswick boundaries --------------------------------------------------------


@pytest.fixture(scope="module")
def nb_outlines(shared_data):
    path = shared_data / NB_SHAPEFILE
    coordinates = geo.coordinates_of_file(path)
    areas = geo.read_shapefile(path, "DIST_ID", "PED_Names_")
    return areas, [geo.outline_for(area, coordinates) for area in areas]


def test_the_stereographic_projection_goes_back_to_latitude_and_longitude(shared_data):
    coordinates = geo.coordinates_of_file(shared_data / NB_SHAPEFILE)
    project = geo.projection_for_file(shared_data / NB_SHAPEFILE)
    for lat, lon in [(47.6186, -65.6511), (45.2733, -66.0633), (47.3737, -68.3251)]:
        back = coordinates.unproject(*project(lat, lon))
        assert back == pytest.approx((lat, lon), abs=1e-9)


def test_each_nb_outline_is_simplified_within_the_budget_and_inside_its_box(nb_outlines):
    _areas, outlines = nb_outlines
    assert all(outline is not None for outline in outlines)
    for outline in outlines:
        rings = points_of(outline.d)
        points = [point for ring in rings for point in ring]
        assert len(points) == outline.points <= geo.MAX_OUTLINE_POINTS
        assert all(len(ring) >= 3 for ring in rings)
        xmin, ymin, xmax, ymax = outline.bbox
        assert all(xmin <= x <= xmax and ymin <= y <= ymax for x, y in points)
        assert (min(x for x, _y in points), max(y for _x, y in points)) == (xmin, ymax)
    # About 140 bytes a district: the whole province under 8 KB.
    assert sum(len(outline.d) for outline in outlines) < 8 * 1024


def test_each_nb_outline_covers_the_districts_own_interior_point(nb_outlines, shared_data):
    areas, outlines = nb_outlines
    coordinates = geo.coordinates_of_file(shared_data / NB_SHAPEFILE)
    for area, outline in zip(areas, outlines, strict=True):
        x, y = geo.interior_point(area)
        east, north = geo.CANADA_LAMBERT(*coordinates.unproject(x, y))
        unit = geo.OUTLINE_UNIT_METRES
        xmin, ymin, xmax, ymax = outline.bbox
        assert xmin - 1 <= east / unit <= xmax + 1, area.name
        assert ymin - 1 <= -north / unit <= ymax + 1, area.name


def test_the_command_stores_the_outlines_of_the_nb_shapefile(db, shared_data):
    out = io.StringIO()
    call_command(
        "import_boundaries",
        str(shared_data / NB_SHAPEFILE),
        "--province=NB",
        "--boundary-set=nb-2024",
        "--key-field=DIST_ID",
        "--name-field=PED_Names_",
        stdout=out,
    )
    assert "Outlines for maps: 49 created" in out.getvalue()
    districts = District.objects.provincial("NB")
    assert districts.count() == 49
    assert not districts.filter(outline="").exists()
    bathurst = districts.get(name_en="Bathurst")
    assert len(bathurst.outline_box) == 4
    # Provincial outlines share the federal plane: New Brunswick sits east of Ontario's x.
    assert 15_000 < bathurst.outline_box[0] < 17_000
