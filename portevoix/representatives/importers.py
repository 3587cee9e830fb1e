"""Load districts, people, postal areas and boundaries from files or the Represent API.

Every importer is idempotent: it matches what it reads to what is stored by a stable key,
counts what it created, updated and retired, and never touches a record a staff member
corrected (it records the difference in `pending_changes` instead).
"""

import csv
import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portevoix.lib.pagecache import bump_content_version

from . import geo
from .lookup import normalize_postal_code
from .models import (
    FEDERAL_BOUNDARY_SET,
    PROVINCE_CODES,
    District,
    PostalArea,
    PostalAreaHint,
    PostalCode,
    Representative,
    search_key,
)

PROVINCE_NAMES = {
    "alberta": "AB",
    "british columbia": "BC",
    "manitoba": "MB",
    "new brunswick": "NB",
    "newfoundland and labrador": "NL",
    "nova scotia": "NS",
    "northwest territories": "NT",
    "nunavut": "NU",
    "ontario": "ON",
    "prince edward island": "PE",
    "quebec": "QC",
    "saskatchewan": "SK",
    "yukon": "YT",
}
# The first two digits of a federal district number name its province (Elections Canada).
FEDERAL_PROVINCE_PREFIX = {
    "10": "NL",
    "11": "PE",
    "12": "NS",
    "13": "NB",
    "24": "QC",
    "35": "ON",
    "46": "MB",
    "47": "SK",
    "48": "AB",
    "59": "BC",
    "60": "YT",
    "61": "NT",
    "62": "NU",
}
FSA_HINT_CONFIDENCE = 0.5
MAX_RETIRED_AT_ONCE = 20


@dataclass
class ImportReport:
    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    held: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def summary(self):
        line = (
            f"{self.label}: {self.created} created, {self.updated} updated, "
            f"{self.retired} retired, {self.unchanged} unchanged"
        )
        if self.held:
            line += f", {len(self.held)} kept as corrected by staff"
        if self.skipped:
            line += f", {len(self.skipped)} skipped"
        return line

    def details(self):
        for item in self.held:
            yield f"  corrected by staff, import differs: {item}"
        for item in self.skipped:
            yield f"  skipped: {item}"


def file_date(path):
    """What a file's data is 'as of' when nobody says otherwise: the day it was written."""
    return datetime.date.fromtimestamp(Path(path).stat().st_mtime)


def _comparable(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


LOOK_IT_UP = object()


def upsert(model, key, values, report, record=LOOK_IT_UP):
    """Create or update one record; a staff-corrected record only gets `pending_changes`.

    Callers importing many rows pass the stored `record` (or None) found in one query.
    """
    if record is LOOK_IT_UP:
        record = model.objects.filter(**key).first()
    if record is None:
        record = model(**key, **values, imported_at=timezone.now())
        record.save()
        report.created += 1
        return record
    differences = {
        name: {"stored": _comparable(getattr(record, name)), "import": _comparable(value)}
        for name, value in values.items()
        if getattr(record, name) != value and name not in ("as_of", "source")
    }
    if record.staff_corrected_at:
        if record.pending_changes != differences:
            record.pending_changes = differences
            record.save(update_fields=["pending_changes"])
        if differences:
            report.held.append(f"{record}: {', '.join(sorted(differences))}")
        else:
            report.unchanged += 1
        return record
    provenance = [name for name in ("as_of", "source") if name in values]
    if not differences and all(getattr(record, name) == values[name] for name in provenance):
        report.unchanged += 1
        return record
    for name, value in values.items():
        setattr(record, name, value)
    record.imported_at = timezone.now()
    record.save()
    report.updated += 1
    return record


# --- Districts -----------------------------------------------------------------------------


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def import_elections_canada_districts(path, as_of=None):
    """Elections Canada's Representation Order table: FED_NUM, ED_NAMEE, ED_NAMEF, PROV."""
    report = ImportReport("Federal districts")
    as_of = as_of or file_date(path)
    stored = {d.number: d for d in District.objects.federal()}
    for row in read_csv(path):
        number = row["FED_NUM"].strip()
        values = {
            "name_en": row["ED_NAMEE"].strip(),
            "name_fr": row["ED_NAMEF"].strip(),
            "province": row.get("PROV") or FEDERAL_PROVINCE_PREFIX[number[:2]],
            "source": f"Elections Canada {Path(path).name}",
            "as_of": as_of,
        }
        key = {"level": "federal", "boundary_set": FEDERAL_BOUNDARY_SET, "number": number}
        upsert(District, key, values, report, stored.get(number))
    return report


OCD_FEDERAL = re.compile(r"country:ca/ed:(?P<number>\d+)-(?P<year>\d{4})$")
OCD_PROVINCIAL = re.compile(r"country:ca/(?:province|territory):(?P<prov>[a-z]{2})/ed:(?P<id>.+)$")


@transaction.atomic
def import_ocd_districts(path, boundary_set="", as_of=None):
    """An Open Civic Data division-id CSV (id, name, name_fr): federal or one province.

    Names are only set when the district is new: Elections Canada's spelling of a federal
    name wins over the Open Civic Data one, whichever file is imported first.
    """
    report = ImportReport(f"Districts from {Path(path).name}")
    as_of = as_of or file_date(path)
    boundary_set = boundary_set or Path(path).stem.replace("_", "-")
    for row in read_csv(path):
        key, province = _ocd_key(row["id"], boundary_set)
        if key is None:
            report.skipped.append(row["id"])
            continue
        district = District.objects.filter(**key).first()
        if district is None:
            name_en = row.get("name", "").strip()
            values = {
                "name_en": name_en,
                "name_fr": (row.get("name_fr") or "").strip() or name_en,
                "province": province,
                "ocd_id": row["id"],
                "source": f"Open Civic Data {Path(path).name}",
                "as_of": as_of,
            }
            upsert(District, key, values, report)
        elif district.ocd_id != row["id"]:
            district.ocd_id = row["id"]
            district.save(update_fields=["ocd_id"])
            report.updated += 1
        else:
            report.unchanged += 1
    return report


def _ocd_key(ocd_id, boundary_set):
    federal = OCD_FEDERAL.search(ocd_id)
    if federal:
        if federal["year"] != "2023":
            return None, ""
        number = federal["number"]
        key = {"level": "federal", "boundary_set": FEDERAL_BOUNDARY_SET, "number": number}
        return key, FEDERAL_PROVINCE_PREFIX.get(number[:2], "")
    provincial = OCD_PROVINCIAL.search(ocd_id)
    if provincial and provincial["prov"].upper() in PROVINCE_CODES:
        number = re.sub(r"-\d{4}$", "", provincial["id"])
        key = {"level": "provincial", "boundary_set": boundary_set, "number": number}
        return key, provincial["prov"].upper()
    return None, ""


# --- Representatives -----------------------------------------------------------------------


class DistrictIndex:
    """Find a district by number or by its name however it is spelled."""

    def __init__(self, districts):
        self.by_number = {d.number: d for d in districts}
        self.by_name = {}
        for district in districts:
            self.by_name[search_key(district.name_en)] = district
            self.by_name[search_key(district.name_fr)] = district

    def find(self, number="", name=""):
        return self.by_number.get((number or "").strip()) or self.by_name.get(search_key(name))


def representative_values(row, source, as_of, elected_office):
    office_postal = (row.get("hill_office_postal") or row.get("postal") or "").strip()
    office = {"type": "legislature", "postal": office_postal, "tel": "", "fax": ""}
    office["tel"] = (row.get("tel") or "").strip()
    name = (row.get("name") or "").strip()
    first, last = (row.get("first_name") or "").strip(), (row.get("last_name") or "").strip()
    return {
        "name": name or f"{first} {last}".strip(),
        "first_name": first,
        "last_name": last,
        "party": (row.get("party") or "").strip(),
        "email": (row.get("email") or "").strip(),
        "photo_url": (row.get("photo_url") or "").strip(),
        "elected_office": (row.get("elected_office") or "").strip() or elected_office,
        "offices": [office] if office_postal or office["tel"] else [],
        "source": source,
        "as_of": as_of,
    }


@transaction.atomic
def import_representatives_rows(
    rows, districts, source, as_of, elected_office="MP", allow_retiring_many=False
):
    """Upsert one person per district row; retire whoever served a district and is gone.

    `districts` is the queryset the rows belong to: a serving person of those districts who
    is not in the rows has left and is retired, never deleted.
    """
    report = ImportReport(f"Representatives from {source}")
    index = DistrictIndex(list(districts))
    seen = set()
    stored = {
        (person.district_id, person.import_key): person
        for person in Representative.objects.filter(district__in=districts)
    }
    for row in rows:
        number = row.get("fed_num") or row.get("district_number") or ""
        district = index.find(number, row.get("riding_en") or row.get("district_name") or "")
        if district is None:
            report.skipped.append(f"{row.get('name')}: no district {number or row}")
            continue
        values = representative_values(row, source, as_of, elected_office)
        person = _upsert_person(district, values, report, stored)
        seen.add(person.pk)
    leavers = Representative.objects.serving().filter(district__in=districts).exclude(pk__in=seen)
    # A truncated file or a partial answer must not retire a whole legislature.
    limit = max(MAX_RETIRED_AT_ONCE, len(seen) // 10)
    if len(leavers) > limit and not allow_retiring_many:
        report.skipped.append(
            f"{len(leavers)} people would be retired (more than {limit}): nobody retired; "
            "check the data, then import again allowing it"
        )
        return report
    for person in leavers:
        if person.staff_corrected_at:
            person.pending_changes = {"retired_at": {"stored": None, "import": as_of.isoformat()}}
            person.save(update_fields=["pending_changes"])
            report.held.append(f"{person}: retired_at")
            continue
        person.retired_at = as_of
        person.save(update_fields=["retired_at"])
        report.retired += 1
    return report


def _upsert_person(district, values, report, stored):
    # Matched on the name as imported, so a staff member may correct the name itself.
    key = {"district": district, "import_key": search_key(values["name"])}
    record = stored.get((district.pk, key["import_key"]))
    return upsert(Representative, key, {**values, "retired_at": None}, report, record)


def import_representatives_csv(
    path, level="federal", boundary_set="", province="", as_of=None, allow_retiring_many=False
):
    districts = District.objects.filter(level=level)
    if level == "federal":
        districts = districts.filter(boundary_set=boundary_set or FEDERAL_BOUNDARY_SET)
    elif boundary_set:
        districts = districts.filter(boundary_set=boundary_set)
    if province:
        districts = districts.filter(province=province)
    office = "MP" if level == "federal" else "MLA"
    return import_representatives_rows(
        read_csv(path),
        districts,
        Path(path).name,
        as_of or file_date(path),
        office,
        allow_retiring_many,
    )


def import_representatives_from_represent(
    client, set_name, level, province="", as_of=None, allow_retiring_many=False
):
    """A whole representative set from Represent, e.g. house-of-commons."""
    rows = [represent_row(item) for item in client.representatives(set_name)]
    if level == "federal":
        _create_missing_federal_districts(rows, as_of or timezone.localdate())
    districts = District.objects.filter(level=level)
    if level == "federal":
        districts = districts.filter(boundary_set=FEDERAL_BOUNDARY_SET)
    if province:
        districts = districts.filter(province=province)
    as_of = as_of or timezone.localdate()
    office = "MP" if level == "federal" else "MLA"
    source = f"Represent {set_name}"
    return import_representatives_rows(rows, districts, source, as_of, office, allow_retiring_many)


def _create_missing_federal_districts(rows, as_of):
    """Without district files, Represent's own riding names and numbers start the table."""
    known = set(District.objects.federal().values_list("number", flat=True))
    for row in rows:
        number = row["district_number"]
        if number and number.isdigit() and number not in known:
            District.objects.create(
                level="federal",
                boundary_set=FEDERAL_BOUNDARY_SET,
                number=number,
                name_en=row["district_name"],
                name_fr=row["district_name"],
                province=FEDERAL_PROVINCE_PREFIX.get(number[:2], ""),
                source="Represent",
                as_of=as_of,
            )
            known.add(number)


def represent_row(item):
    """A Represent representative as a row of the documented CSV shape."""
    offices = item.get("offices") or []
    postal = next((o.get("postal", "") for o in offices if o.get("postal")), "")
    tel = next((o.get("tel", "") for o in offices if o.get("tel")), "")
    boundary_url = (item.get("related") or {}).get("boundary_url", "")
    return {
        "district_number": boundary_url.rstrip("/").rsplit("/", 1)[-1] if boundary_url else "",
        "district_name": item.get("district_name", ""),
        "name": item.get("name", ""),
        "first_name": item.get("first_name", ""),
        "last_name": item.get("last_name", ""),
        "party": item.get("party_name", ""),
        "email": item.get("email", ""),
        "photo_url": item.get("photo_url", ""),
        "elected_office": item.get("elected_office", ""),
        "postal": postal,
        "tel": tel,
    }


# --- Postal areas --------------------------------------------------------------------------


@transaction.atomic
def import_geonames_fsa(path, as_of=None):
    """GeoNames' CA postal file: country, FSA, place, province, code, ..., lat, lon, accuracy."""
    report = ImportReport("Postal areas")
    as_of = as_of or file_date(path)
    stored = {area.fsa: area for area in PostalArea.objects.all()}
    for fsa, values in read_geonames(path).items():
        values.update({"source": f"GeoNames {Path(path).name}", "as_of": as_of})
        upsert(PostalArea, {"fsa": fsa}, values, report, stored.get(fsa))
    return report


def read_geonames(path):
    """One entry per FSA; an FSA listed under several places keeps them all in its name."""
    areas = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            columns = line.rstrip("\n").split("\t")
            if len(columns) < 11 or not re.fullmatch(r"[A-Z]\d[A-Z]", columns[1]):
                continue
            if columns[1] in areas:
                areas[columns[1]]["place_name"] += f", {columns[2]}"
                continue
            areas[columns[1]] = {
                "province": columns[4],
                "place_name": columns[2],
                "latitude": float(columns[9]) if columns[9] else None,
                "longitude": float(columns[10]) if columns[10] else None,
            }
    return areas


@transaction.atomic
def import_fsa_hints(path, as_of=None):
    """FSA -> likely federal district, from JSON {fsa: {ridingId, ridingName}} or a CSV
    with columns fsa, district_number and/or district_name. Kept as low-confidence hints."""
    report = ImportReport("Postal area hints")
    as_of = as_of or file_date(path)
    source = Path(path).name
    index = DistrictIndex(list(District.objects.federal()))
    areas = {area.fsa: area for area in PostalArea.objects.all()}
    stored = {(h.postal_area_id, h.district_id): h for h in PostalAreaHint.objects.all()}
    wanted = {"confidence": FSA_HINT_CONFIDENCE, "source": source, "as_of": as_of}
    kept, new = set(), []
    for fsa, number, name in _hint_rows(path):
        area, district = areas.get(fsa.upper()), index.find("", name) or index.find(number)
        if area is None or district is None:
            report.skipped.append(f"{fsa}: {'unknown area' if area is None else name}")
            continue
        hint = stored.get((area.pk, district.pk))
        if hint is None:
            new.append(PostalAreaHint(postal_area=area, district=district, **wanted))
        elif any(getattr(hint, name) != value for name, value in wanted.items()):
            PostalAreaHint.objects.filter(pk=hint.pk).update(**wanted)
            report.updated += 1
        else:
            report.unchanged += 1
        if hint is not None:
            kept.add(hint.pk)
    created = PostalAreaHint.objects.bulk_create(new)
    report.created = len(created)
    kept.update(hint.pk for hint in created)
    gone = PostalAreaHint.objects.filter(source=source).exclude(pk__in=kept)
    report.retired, _deleted = gone.delete()
    return report


def _hint_rows(path):
    if str(path).endswith(".json"):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for fsa, hint in data.items():
            yield fsa, str(hint.get("ridingId", "")), hint.get("ridingName", "")
        return
    for row in read_csv(path):
        yield row["fsa"], row.get("district_number", ""), row.get("district_name", "")


# --- Boundaries and the exact postal code table --------------------------------------------


def read_centroids(path):
    """A CSV of postal_code, lat, lon; codes are normalized, impossible ones reported."""
    good, bad = [], []
    for row in read_csv(path):
        try:
            code = normalize_postal_code(row["postal_code"])
            good.append((code, float(row["lat"]), float(row["lon"])))
        except ValueError:
            bad.append(row["postal_code"])
    return good, bad


@dataclass
class BoundaryImport:
    districts: ImportReport
    outlines: ImportReport
    postal_codes: ImportReport | None = None

    def reports(self):
        return [r for r in (self.districts, self.outlines, self.postal_codes) if r is not None]


@transaction.atomic
def import_boundaries(
    path, *, level, province, boundary_set, key_field, name_field="", centroids=None, as_of=None
):
    """Read district shapes, make sure each district exists, store an outline of each for
    maps, then place postal codes in them."""
    report = ImportReport(f"Boundaries from {Path(path).name}")
    as_of = as_of or file_date(path)
    if str(path).endswith((".json", ".geojson")):
        areas = geo.read_geojson(path, key_field, name_field)
    else:
        areas = geo.read_shapefile(path, key_field, name_field)
    districts = {}
    for area in areas:
        key = {"level": level, "boundary_set": boundary_set, "number": area.key}
        district = District.objects.filter(**key).first()
        if district is None:
            name_en, _sep, name_fr = area.name.partition(" / ")
            values = {
                "name_en": name_en.strip() or area.key,
                "name_fr": name_fr.strip() or name_en.strip() or area.key,
                "province": _province_of(level, area.key, province),
                "source": Path(path).name,
                "as_of": as_of,
            }
            district = upsert(District, key, values, report)
        else:
            report.unchanged += 1
        districts[area.key] = district
    result = BoundaryImport(report, store_outlines(path, areas, districts, level, boundary_set))
    if centroids:
        project = geo.projection_for_file(path) if not str(path).endswith("json") else None
        result.postal_codes = place_postal_codes(
            areas,
            districts,
            centroids,
            project,
            f"{Path(path).name} + {Path(centroids).name}",
            as_of,
        )
    return result


def _province_of(level, number, province):
    """A federal district's number names its province, whatever the command was told."""
    if level == District.Level.FEDERAL and re.fullmatch(r"\d{5}", number):
        return FEDERAL_PROVINCE_PREFIX.get(number[:2], province)
    return province


def store_outlines(path, areas, districts, level, boundary_set):
    """Replace the outlines of the districts in the file; a district of the same set and
    province that the file no longer has loses its outline (it would be out of date)."""
    report = ImportReport("Outlines for maps")
    coordinates = geo.coordinates_of_file(path)
    changed = []
    for area in areas:
        district = districts[area.key]
        outline = geo.outline_for(area, coordinates)
        if outline is None:
            report.skipped.append(f"{district}: too small to draw")
            outline_d, box = "", []
        else:
            outline_d, box = outline.d, list(outline.bbox)
        if (district.outline, district.outline_box) == (outline_d, box):
            report.unchanged += 1
            continue
        report.created += not district.outline
        report.updated += bool(district.outline)
        district.outline, district.outline_box = outline_d, box
        changed.append(district)
    District.objects.bulk_update(changed, ["outline", "outline_box"])
    provinces = {district.province for district in districts.values()}
    gone = (
        District.objects.filter(level=level, boundary_set=boundary_set, province__in=provinces)
        .exclude(outline="")
        .exclude(pk__in=[district.pk for district in districts.values()])
    )
    report.retired = gone.update(outline="", outline_box=[])
    if changed or report.retired:
        bump_content_version()  # bulk writes send no signal: maps on public pages change
    return report


def place_postal_codes(areas, districts, centroids_path, project, source, as_of):
    report = ImportReport("Postal codes placed by boundary")
    points, bad = read_centroids(centroids_path)
    report.skipped.extend(f"{code}: not a possible postal code" for code in bad)
    level = next(iter(districts.values())).level if districts else "provincial"
    for code, lat, lon in points:
        x, y = project(lat, lon) if project else (lon, lat)
        area = geo.locate(areas, x, y)
        if area is None:
            report.skipped.append(f"{code}: outside every district")
            continue
        district = districts[area.key]
        current = PostalCode.objects.filter(code=code, level=level).first()
        if current is None:
            PostalCode.objects.create(code=code, district=district, source=source, as_of=as_of)
            report.created += 1
        elif current.district_id != district.pk:
            current.district, current.source, current.as_of = district, source, as_of
            current.save()
            report.updated += 1
        else:
            report.unchanged += 1
    return report
