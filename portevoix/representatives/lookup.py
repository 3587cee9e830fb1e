"""Postal code -> districts and the people who represent them: the one lookup every flow uses.

The chain: the exact local table, then earlier online answers, then the Represent API when
enabled, then the districts that probably serve the postal area (a suggestion the person
confirms), and always the searchable list of every district. A guess is never presented as
an answer.
"""

import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    FEDERAL_BOUNDARY_SET,
    CachedAnswer,
    District,
    PostalArea,
    PostalCode,
    Representative,
    search_key,
)

logger = logging.getLogger(__name__)

POSTAL_CODE_PATTERN = re.compile(r"[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d")
IMPOSSIBLE_FIRST_LETTERS = "DFIOQUWZ"
DIGIT_POSITIONS = (1, 3, 5)
PROVINCE_BY_FIRST_LETTER = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "Y": "YT",
    # X serves both the Northwest Territories and Nunavut: the first letter cannot tell.
}
CACHE_DAYS_DEFAULT = 30
DISTRICTS_HELD_SECONDS = 60


class InvalidPostalCode(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class LookupResult:
    postal_code: str
    step: str
    districts: list = field(default_factory=list)
    is_suggestion: bool = False
    message: str = ""
    province: str = ""

    def display_code(self):
        return f"{self.postal_code[:3]} {self.postal_code[3:]}"

    def representatives(self):
        people = (district.current_representative() for district in self.districts)
        return [person for person in people if person]


def normalize_postal_code(raw):
    """'k1a 0a6', 'K1A-0A6', 'K1A OA6' -> 'K1A0A6'; an impossible code raises with a reason."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(text.split()).replace("-", "").upper()
    if not text:
        raise InvalidPostalCode(_("Please enter a postal code, for example K1A 0A6."))
    foreign = sorted({char for char in text if not char.isascii()})
    if foreign:
        raise InvalidPostalCode(
            _(
                "The postal code contains “%(characters)s”, which is not a letter or digit "
                "of the Latin alphabet. Please type it again."
            )
            % {"characters": " ".join(foreign)}
        )
    if len(text) != 6 or not text.isalnum():
        raise InvalidPostalCode(
            _(
                "A postal code has six characters, letter digit letter digit letter digit, "
                "for example K1A 0A6."
            )
        )
    # Only digits can stand where a digit goes, so a letter O there is a zero typed as O.
    chars = list(text)
    for position in DIGIT_POSITIONS:
        if chars[position] == "O":
            chars[position] = "0"
    text = "".join(chars)
    if text[0] in IMPOSSIBLE_FIRST_LETTERS:
        raise InvalidPostalCode(
            _("No Canadian postal code starts with the letter %(letter)s. Please check it.")
            % {"letter": text[0]}
        )
    if not POSTAL_CODE_PATTERN.fullmatch(text):
        raise InvalidPostalCode(
            _(
                "%(code)s cannot be a Canadian postal code: it alternates letter and digit, "
                "and never uses D, F, I, O, Q or U. Please check it."
            )
            % {"code": f"{text[:3]} {text[3:]}"}
        )
    return text


def find_representatives(postal_code):
    code = normalize_postal_code(postal_code)
    province = PROVINCE_BY_FIRST_LETTER.get(code[0], "")
    local = _from_local_table(code)
    if any(d.level == District.Level.FEDERAL for d in local):
        return _answer(code, "local", local, province)
    for step in (_from_cache, _from_represent):
        found = step(code)
        if found is not None and found[1]:
            step_name, districts = found
            return _answer(code, step_name, _merge(districts, local), province)
        if found is not None:
            break  # the online service already said it knows nothing here
    suggested = _from_postal_area(code)
    if suggested:
        return LookupResult(
            postal_code=code,
            step="fsa_suggestion",
            districts=_merge(suggested, local),
            is_suggestion=True,
            message=_(
                "We do not know this exact postal code. Its area is probably in the riding "
                "below: please confirm it is yours, or choose another."
            ),
            province=province or _province_of(suggested),
        )
    return LookupResult(
        postal_code=code,
        step="none",
        districts=local,
        message=_(
            "We could not find the riding for this postal code. Please choose it from the "
            "list: you can search by riding or by MP name."
        ),
        province=province,
    )


def federal_district(result):
    federal = [d for d in result.districts if d.level == District.Level.FEDERAL]
    return federal[0] if len(federal) == 1 else None


def search_districts(query, level="federal"):
    """Districts whose name, or whose serving person's name, holds every word typed."""
    districts = District.objects.filter(level=level)
    if level == District.Level.FEDERAL:
        districts = districts.filter(boundary_set=FEDERAL_BOUNDARY_SET)
    for word in search_key(query or "").split():
        serving = Representative.objects.serving().filter(search_text__contains=word)
        districts = districts.filter(
            Q(search_text__contains=word) | Q(pk__in=serving.values("district_id"))
        )
    return districts.order_by("name_en").prefetch_related("representatives")


# --- The steps -------------------------------------------------------------------------------


def _answer(code, step, districts, province):
    messages = {
        "local": _("Found in our postal code table."),
        "cache": _("Found with the Represent service (earlier answer)."),
        "represent": _("Found with the Represent service."),
    }
    return LookupResult(
        postal_code=code,
        step=step,
        districts=districts,
        message=messages[step],
        province=province or _province_of(districts),
    )


def _ordered(districts):
    return sorted(districts, key=lambda d: (d.level != District.Level.FEDERAL, d.name_en))


def _merge(first, second):
    seen = {d.pk for d in first}
    return _ordered(list(first) + [d for d in second if d.pk not in seen])


def _province_of(districts):
    return districts[0].province if districts else ""


class DistrictMemory:
    """Every district with its people, held in this process so a local lookup is one query.

    Saving a district or a person here clears it at once; changes made by another process
    are seen within DISTRICTS_HELD_SECONDS.
    """

    def __init__(self):
        self.by_pk, self.loaded_at = {}, -float("inf")

    def districts(self, pks):
        expired = time.monotonic() - self.loaded_at > DISTRICTS_HELD_SECONDS
        if expired or any(pk not in self.by_pk for pk in pks):
            self.load()
        return [self.by_pk[pk] for pk in pks if pk in self.by_pk]

    def load(self):
        people = Prefetch("representatives", queryset=Representative.objects.order_by("pk"))
        self.by_pk = {d.pk: d for d in District.objects.prefetch_related(people)}
        self.loaded_at = time.monotonic()

    def clear(self, **kwargs):
        self.loaded_at = -float("inf")


district_memory = DistrictMemory()
for _model in (District, Representative):
    receiver([post_save, post_delete], sender=_model, dispatch_uid=f"forget-{_model.__name__}")(
        district_memory.clear
    )


def _fetch_ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _from_local_table(code):
    # Plain SQL: this is the hot path, and the ORM's query building would cost more than the query.
    table = PostalCode._meta.db_table
    pks = _fetch_ids(f"SELECT district_id FROM {table} WHERE code = %s", [code])  # noqa: S608
    return _ordered(district_memory.districts(pks)) if pks else []


def _from_cache(code):
    max_age = timedelta(days=getattr(settings, "REPRESENT_CACHE_DAYS", CACHE_DAYS_DEFAULT))
    oldest = connection.ops.adapt_datetimefield_value(timezone.now() - max_age)
    answers = CachedAnswer._meta.db_table
    links = CachedAnswer.districts.through._meta.db_table
    sql = (
        f"SELECT link.district_id FROM {answers} answer "  # noqa: S608
        f"LEFT JOIN {links} link ON link.cachedanswer_id = answer.id "
        "WHERE answer.postal_code = %s AND answer.fetched_at >= %s"
    )
    rows = _fetch_ids(sql, [code, oldest])
    if not rows:
        return None
    return "cache", _ordered(district_memory.districts([pk for pk in rows if pk is not None]))


def _from_represent(code):
    if not settings.REPRESENT_ENABLED:
        return None
    from .represent import RepresentClient, RepresentError, RepresentNotFound

    try:
        answer = RepresentClient().postcode(code)
    except RepresentNotFound:
        _remember(code, [], city="", province="")
        return "represent", []
    except RepresentError as error:
        logger.warning("Represent lookup for %s failed: %s", code[:3], error)
        return None
    districts = _store_online_answer(answer)
    _remember(code, districts, answer.city, answer.province)
    return "represent", _ordered(districts)


@transaction.atomic
def _store_online_answer(answer):
    from .importers import FEDERAL_PROVINCE_PREFIX, represent_row, representative_values

    districts = []
    for item in answer.federal:
        row = represent_row(item)
        number = row["district_number"]
        district, _created = District.objects.get_or_create(
            level=District.Level.FEDERAL,
            boundary_set=FEDERAL_BOUNDARY_SET,
            number=number,
            defaults={
                "name_en": row["district_name"],
                "name_fr": row["district_name"],
                "province": FEDERAL_PROVINCE_PREFIX.get(number[:2], answer.province),
                "source": "Represent",
                "as_of": timezone.localdate(),
            },
        )
        if district.current_representative() is None:
            values = representative_values(row, "Represent", timezone.localdate(), "MP")
            Representative.objects.create(
                district=district, import_key=search_key(values["name"]), **values
            )
        districts.append(district)
    return districts


def _remember(code, districts, city, province):
    answer, _created = CachedAnswer.objects.update_or_create(
        postal_code=code,
        defaults={"fetched_at": timezone.now(), "city": city, "province": province},
    )
    answer.districts.set(districts)


def _from_postal_area(code):
    area = PostalArea.objects.filter(fsa=code[:3]).first()
    if area is None:
        return []
    return [hint.district for hint in area.hints.select_related("district")]
