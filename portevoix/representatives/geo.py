"""Boundaries: read polygons, project points into their coordinates, find which one holds a point.

Written by hand so the product needs no geographic library: ray casting with a bounding-box
prefilter, holes and multi-part districts handled, and the oblique stereographic projection
(EPSG method 9809) that New Brunswick's boundaries use.
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
    prj = Path(boundary_path).with_suffix(".prj")
    return projection_for(prj.read_text(encoding="utf-8") if prj.exists() else "")


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
