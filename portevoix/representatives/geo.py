"""Boundaries: read polygons, project points into their coordinates, find which one holds a point.

Written by hand so the product needs no geographic library: ray casting with a bounding-box
prefilter, holes and multi-part districts handled, and the oblique stereographic projection
(EPSG method 9809) that New Brunswick's boundaries use, both ways.

The same shapes, simplified, become small outlines to draw maps with (see `outline_for`).
"""

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import shapefile


@dataclass
class Area:
    """One district's shape: a list of rings; holes are rings inside another ring."""

    key: str
    name: str
    rings: list = field(default_factory=list)
    bbox: tuple = (math.inf, math.inf, -math.inf, -math.inf)

    def __post_init__(self):
        xs = [x for ring in self.rings for x, _y in ring]
        ys = [y for ring in self.rings for _x, y in ring]
        if xs:
            self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x, y):
        xmin, ymin, xmax, ymax = self.bbox
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            return False
        # Even-odd rule over every ring: a point in a hole crosses two rings and is outside.
        inside = False
        for ring in self.rings:
            if ring_crossings(ring, x, y) % 2:
                inside = not inside
        return inside


def ring_crossings(ring, x, y):
    crossings = 0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y):
            at_x = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < at_x:
                crossings += 1
        x1, y1 = x2, y2
    return crossings


def locate(areas, x, y):
    """The first area that holds the point, or None."""
    for area in areas:
        if area.contains(x, y):
            return area
    return None


def interior_point(area):
    """A point surely inside the area: the middle of its widest inside span at mid-height."""
    xmin, ymin, xmax, ymax = area.bbox
    for fraction in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        y = ymin + (ymax - ymin) * fraction
        crossings = sorted(_crossing_xs(area.rings, y))
        spans = list(zip(crossings[::2], crossings[1::2], strict=False))
        if spans:
            start, end = max(spans, key=lambda span: span[1] - span[0])
            return (start + end) / 2, y
    raise ValueError(f"no interior point found for {area.key}")


def _crossing_xs(rings, y):
    for ring in rings:
        x1, y1 = ring[-1]
        for x2, y2 in ring:
            if (y1 > y) != (y2 > y):
                yield x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            x1, y1 = x2, y2


# --- Reading boundary files ----------------------------------------------------------------


def read_shapefile(path, key_field, name_field=""):
    reader = shapefile.Reader(str(path))
    areas = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        shape = shape_record.shape
        bounds = list(shape.parts) + [len(shape.points)]
        rings = [
            [tuple(point[:2]) for point in shape.points[start:end]]
            for start, end in zip(bounds, bounds[1:], strict=False)
            if end - start >= 3
        ]
        name = str(record.get(name_field, "")) if name_field else ""
        areas.append(Area(key=_as_key(record[key_field]), name=name, rings=rings))
    reader.close()
    return areas


def read_geojson(path, key_property, name_property=""):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    areas = []
    for feature in data.get("features", []):
        properties = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = [[tuple(p[:2]) for p in ring] for polygon in polygons for ring in polygon]
        name = str(properties.get(name_property, "")) if name_property else ""
        areas.append(Area(key=_as_key(properties[key_property]), name=name, rings=rings))
    return areas


def _as_key(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# --- Projections ---------------------------------------------------------------------------


def projection_for(prj_text):
    """A function (lat, lon) -> (x, y) in the boundary file's coordinates, from its .prj text."""
    if not prj_text or not prj_text.strip().startswith("PROJCS"):
        return lambda lat, lon: (lon, lat)
    method = re.search(r'PROJECTION\["([^"]+)"\]', prj_text).group(1)
    if method not in ("Oblique_Stereographic", "Double_Stereographic"):
        raise ValueError(f"unsupported projection {method}")
    spheroid = re.search(r'SPHEROID\["[^"]*",\s*([\d.]+),\s*([\d.]+)', prj_text)
    params = {
        name.lower(): float(value)
        for name, value in re.findall(r'PARAMETER\["([^"]+)",\s*(-?[\d.]+)\]', prj_text)
    }
    return ObliqueStereographic(
        semi_major=float(spheroid.group(1)),
        inverse_flattening=float(spheroid.group(2)),
        latitude_of_origin=params["latitude_of_origin"],
        central_meridian=params["central_meridian"],
        scale=params["scale_factor"],
        false_easting=params["false_easting"],
        false_northing=params["false_northing"],
    )


def projection_for_file(boundary_path):
    return projection_for(_prj_text(boundary_path))


def _prj_text(boundary_path):
    prj = Path(boundary_path).with_suffix(".prj")
    return prj.read_text(encoding="utf-8") if prj.exists() else ""


# A degree of latitude, the longest a degree gets: thinning by it never drops too much.
METRES_PER_DEGREE = 111_000


@dataclass
class FileCoordinates:
    """How to read a boundary file's coordinates: back to (lat, lon), and their unit's size."""

    unproject: object
    metres_per_unit: float


def coordinates_of_file(boundary_path):
    geographic = FileCoordinates(lambda x, y: (y, x), METRES_PER_DEGREE)
    if str(boundary_path).endswith("json"):
        return geographic
    projection = projection_for_file(boundary_path)
    if not hasattr(projection, "inverse"):
        return geographic
    return FileCoordinates(projection.inverse, 1.0)


class ObliqueStereographic:
    """EPSG method 9809, after IOGP Guidance Note 7-2: latitude/longitude in degrees to metres."""

    def __init__(
        self,
        semi_major,
        inverse_flattening,
        latitude_of_origin,
        central_meridian,
        scale,
        false_easting,
        false_northing,
    ):
        flattening = 1 / inverse_flattening
        self.e = math.sqrt(2 * flattening - flattening**2)
        e2 = self.e**2
        phi0 = math.radians(latitude_of_origin)
        self.lambda0 = math.radians(central_meridian)
        self.k0, self.fe, self.fn = scale, false_easting, false_northing
        sin0 = math.sin(phi0)
        rho0 = semi_major * (1 - e2) / (1 - e2 * sin0**2) ** 1.5
        nu0 = semi_major / math.sqrt(1 - e2 * sin0**2)
        self.radius = math.sqrt(rho0 * nu0)
        self.n = math.sqrt(1 + e2 * math.cos(phi0) ** 4 / (1 - e2))
        s1 = (1 + sin0) / (1 - sin0)
        s2 = (1 - self.e * sin0) / (1 + self.e * sin0)
        w1 = (s1 * s2**self.e) ** self.n
        sin_chi00 = (w1 - 1) / (w1 + 1)
        self.c = (self.n + sin0) * (1 - sin_chi00) / ((self.n - sin0) * (1 + sin_chi00))
        w2 = self.c * w1
        self.chi0 = math.asin((w2 - 1) / (w2 + 1))

    def __call__(self, lat, lon):
        phi, lam = math.radians(lat), math.radians(lon)
        big_lambda = self.n * (lam - self.lambda0) + self.lambda0
        sin_phi = math.sin(phi)
        sa = (1 + sin_phi) / (1 - sin_phi)
        sb = (1 - self.e * sin_phi) / (1 + self.e * sin_phi)
        w = self.c * (sa * sb**self.e) ** self.n
        chi = math.asin((w - 1) / (w + 1))
        delta = big_lambda - self.lambda0
        b = (
            1
            + math.sin(chi) * math.sin(self.chi0)
            + math.cos(chi) * math.cos(self.chi0) * (math.cos(delta))
        )
        x = self.fe + 2 * self.radius * self.k0 * math.cos(chi) * math.sin(delta) / b
        y = (
            self.fn
            + 2
            * self.radius
            * self.k0
            * (
                math.sin(chi) * math.cos(self.chi0)
                - math.cos(chi) * math.sin(self.chi0) * (math.cos(delta))
            )
            / b
        )
        return x, y

    def inverse(self, x, y):
        """Metres back to latitude/longitude in degrees (IOGP 7-2, reverse case)."""
        dx, dy = x - self.fe, y - self.fn
        scaled_radius = 2 * self.radius * self.k0
        g = scaled_radius * math.tan(math.pi / 4 - self.chi0 / 2)
        h = 2 * scaled_radius * math.tan(self.chi0) + g
        i = math.atan2(dx, h + dy)
        j = math.atan2(dx, g - dy) - i
        chi = self.chi0 + 2 * math.atan((dy - dx * math.tan(j / 2)) / scaled_radius)
        big_lambda = j + 2 * i + self.lambda0
        lam = (big_lambda - self.lambda0) / self.n + self.lambda0
        sin_chi = math.sin(chi)
        psi = 0.5 * math.log((1 + sin_chi) / (self.c * (1 - sin_chi))) / self.n
        phi = 2 * math.atan(math.exp(psi)) - math.pi / 2
        for _step in range(20):
            e_sin = self.e * math.sin(phi)
            psi_i = math.log(
                math.tan(phi / 2 + math.pi / 4) * ((1 - e_sin) / (1 + e_sin)) ** (self.e / 2)
            )
            change = (psi_i - psi) * math.cos(phi) * (1 - e_sin**2) / (1 - self.e**2)
            phi -= change
            if abs(change) < 1e-12:
                break
        return math.degrees(phi), math.degrees(lam)


class LambertConformalConic:
    """EPSG method 9802 (two standard parallels): latitude/longitude in degrees to metres."""

    def __init__(
        self,
        semi_major,
        inverse_flattening,
        latitude_of_origin,
        central_meridian,
        standard_parallels,
        false_easting,
        false_northing,
    ):
        flattening = 1 / inverse_flattening
        self.a = semi_major
        self.e = math.sqrt(2 * flattening - flattening**2)
        self.lambda0 = math.radians(central_meridian)
        self.fe, self.fn = false_easting, false_northing
        phi1, phi2 = (math.radians(p) for p in standard_parallels)
        m1, m2 = self._m(phi1), self._m(phi2)
        t1, t2 = self._t(phi1), self._t(phi2)
        self.n = (math.log(m1) - math.log(m2)) / (math.log(t1) - math.log(t2))
        self.big_f = m1 / (self.n * t1**self.n)
        self.r0 = self.a * self.big_f * self._t(math.radians(latitude_of_origin)) ** self.n

    def _m(self, phi):
        return math.cos(phi) / math.sqrt(1 - (self.e * math.sin(phi)) ** 2)

    def _t(self, phi):
        e_sin = self.e * math.sin(phi)
        return math.tan(math.pi / 4 - phi / 2) / ((1 - e_sin) / (1 + e_sin)) ** (self.e / 2)

    def __call__(self, lat, lon):
        r = self.a * self.big_f * self._t(math.radians(lat)) ** self.n
        theta = self.n * (math.radians(lon) - self.lambda0)
        return self.fe + r * math.sin(theta), self.fn + self.r0 - r * math.cos(theta)


# Statistics Canada's Lambert conformal conic (EPSG:3347, NAD83 on GRS 1980): one plane for the
# whole country, true to shape locally, so every district of a level shares one coordinate space.
CANADA_LAMBERT = LambertConformalConic(
    semi_major=6378137.0,
    inverse_flattening=298.257222101,
    latitude_of_origin=63.390675,
    central_meridian=-91.86666666666667,
    standard_parallels=(49, 77),
    false_easting=6200000,
    false_northing=3000000,
)


# --- Outlines for maps ---------------------------------------------------------------------

# One outline unit is 500 m on the Canada Lambert plane: a map of a province is a few hundred
# pixels wide, so finer detail would only add bytes; the smallest urban riding (about 3 km
# across) still keeps a recognisable shape.
OUTLINE_UNIT_METRES = 500
MAX_OUTLINE_POINTS = 40
# Bends smaller than this share of the area's width or height are smoothed away.
DETAIL = 1 / 40
# Rings left out to meet the budget (small islands) may add up to this share of the area.
MAX_DROPPED_AREA = 0.02


@dataclass
class Outline:
    """An SVG path `d` in outline units (x east, y south) and its box (xmin, ymin, xmax, ymax)."""

    d: str
    bbox: tuple
    points: int


def outline_for(area, coordinates, budget=MAX_OUTLINE_POINTS, unit=OUTLINE_UNIT_METRES):
    """The area simplified to at most `budget` points, on the Canada Lambert plane.

    `coordinates` (a FileCoordinates) reads the file's points. Returns None when nothing of
    the area is left at this scale: a shape is never made up.
    """
    rings = []
    for ring in area.rings:
        # Half a unit: finer detail is lost in the rounding anyway.
        thinned = _thin(ring, unit / 2 / coordinates.metres_per_unit)
        points = []
        for x, y in thinned:
            east, north = CANADA_LAMBERT(*coordinates.unproject(x, y))
            points.append((east / unit, -north / unit))
        if len(points) >= 3:
            rings.append((points, _importance(points)))
    tolerance = _first_tolerance(rings)
    for _step in range(40):
        kept, dropped_area, total_area = _fit(rings, tolerance, budget)
        if kept and dropped_area <= MAX_DROPPED_AREA * total_area:
            break
        tolerance *= 1.5
    if not kept:
        return None
    return Outline(
        d="".join(_ring_path(ring) for ring in kept),
        bbox=_bbox(kept),
        points=sum(len(ring) for ring in kept),
    )


def _first_tolerance(rings):
    """Detail worth keeping: a fraction of the area's size, at least half a unit."""
    if not rings:
        return 0.5
    box = _bbox([points for points, _importance in rings])
    return max(0.5, max(box[2] - box[0], box[3] - box[1]) * DETAIL)


def _thin(ring, distance):
    """Drop points closer than `distance` to the last one kept: cheap, before projecting."""
    kept = [ring[0]]
    for x, y in ring[1:]:
        last_x, last_y = kept[-1]
        if abs(x - last_x) + abs(y - last_y) >= distance:
            kept.append((x, y))
    while len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    return kept


def _importance(points):
    """Per point, the Douglas-Peucker tolerance under which it is kept.

    The ring is cut at its first point and the point farthest from it; a point's importance
    never exceeds that of the split that made it, so a tolerance keeps a consistent subset.
    """
    n = len(points)
    closed = points + [points[0]]
    far = max(range(n), key=lambda i: _distance2(points[0], points[i]))
    importance = [0.0] * (n + 1)
    importance[0] = importance[far] = importance[n] = math.inf
    stack = [(0, far, math.inf), (far, n, math.inf)]
    while stack:
        start, end, ceiling = stack.pop()
        if end - start < 2:
            continue
        best, best_distance = start + 1, -1.0
        for i in range(start + 1, end):
            distance = _segment_distance(closed[i], closed[start], closed[end])
            if distance > best_distance:
                best, best_distance = i, distance
        importance[best] = min(best_distance, ceiling)
        stack.append((start, best, importance[best]))
        stack.append((best, end, importance[best]))
    return importance[:n]


def _fit(rings, tolerance, budget):
    """Rings simplified at `tolerance`, rounded, largest first while within the budget."""
    simplified = []
    for points, importance in rings:
        kept = _rounded([p for p, i in zip(points, importance, strict=True) if i > tolerance])
        size = abs(_area(kept))
        if len(kept) >= 3 and size > 0:
            simplified.append((size, kept))
    simplified.sort(key=lambda item: -item[0])
    kept, used, dropped_area = [], 0, 0.0
    for size, ring in simplified:
        if used + len(ring) <= budget:
            kept.append(ring)
            used += len(ring)
        else:
            dropped_area += size
    return kept, dropped_area, sum(size for size, _ring in simplified)


def _rounded(points):
    rounded = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    while len(rounded) > 1 and rounded[-1] == rounded[0]:
        rounded.pop()
    return rounded


def _ring_path(ring):
    """`M x y l dx dy ... z`: relative steps keep the numbers short."""
    steps = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        steps += [x2 - x1, y2 - y1]
    return f"M{_numbers(ring[0])}l{_numbers(steps)}z"


def _numbers(values):
    """Numbers as SVG reads them: a minus sign separates as well as a space does."""
    text = ""
    for value in values:
        text += ("" if not text or value < 0 else " ") + str(value)
    return text


def _bbox(rings):
    xs = [x for ring in rings for x, _y in ring]
    ys = [y for ring in rings for _x, y in ring]
    return (min(xs), min(ys), max(xs), max(ys))


def _area(ring):
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _distance2(a, b):
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _segment_distance(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)
