"""Loading what the demo and a fresh installation need: districts, people and fixed targets.

Order of preference: the Represent API when it answers quickly; else a folder of files laid
out like the public reference data (REPRESENTATIVES_DATA); else the fixed targets only, with
instructions for staff on how to load the rest.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from . import importers
from .models import CampaignTarget, District, OfficeHolder, Representative

# When these facts were checked; staff see them age in the admin and re-check them.
FACTS_AS_OF = datetime.date(2025, 5, 13)
FACTS_SOURCE = "Porte-voix setup: public facts, to re-check before use"

MINISTER = {
    "title_en": "Minister of Immigration, Refugees and Citizenship",
    "title_fr": "Ministre de l’Immigration, des Réfugiés et de la Citoyenneté",
    "name": "Lena Metlege Diab",
    "mailing_address": "365 Laurier Avenue West\nOttawa ON  K1A 1L1",
    "representative_name": "Lena Metlege Diab",
}

# (code, English name, French name with its article, legislature mailing address)
LEGISLATURES = [
    (
        "AB",
        "Alberta",
        "de l’Alberta",
        "Legislature Building\n10800 97 Avenue NW\nEdmonton AB  T5K 2B6",
    ),
    (
        "BC",
        "British Columbia",
        "de la Colombie-Britannique",
        "Parliament Buildings\n501 Belleville Street\nVictoria BC  V8V 1X4",
    ),
    ("MB", "Manitoba", "du Manitoba", "Legislative Building\n450 Broadway\nWinnipeg MB  R3C 0V8"),
    (
        "NB",
        "New Brunswick",
        "du Nouveau-Brunswick",
        "Legislative Building\n706 Queen Street\nFredericton NB  E3B 1C5",
    ),
    (
        "NL",
        "Newfoundland and Labrador",
        "de Terre-Neuve-et-Labrador",
        "Confederation Building\nP.O. Box 8700\nSt. John’s NL  A1B 4J6",
    ),
    (
        "NS",
        "Nova Scotia",
        "de la Nouvelle-Écosse",
        "Province House\n1726 Hollis Street\nHalifax NS  B3J 2Y3",
    ),
    (
        "NT",
        "the Northwest Territories",
        "des Territoires du Nord-Ouest",
        "Legislative Assembly\nP.O. Box 1320\nYellowknife NT  X1A 2L9",
    ),
    ("NU", "Nunavut", "du Nunavut", "Legislative Assembly\nP.O. Box 1200\nIqaluit NU  X0A 0H0"),
    ("ON", "Ontario", "de l’Ontario", "Legislative Building, Queen’s Park\nToronto ON  M7A 1A1"),
    (
        "PE",
        "Prince Edward Island",
        "de l’Île-du-Prince-Édouard",
        "Legislative Assembly\nP.O. Box 2000\nCharlottetown PE  C1A 7N8",
    ),
    (
        "QC",
        "Quebec",
        "du Québec",
        "Assemblée nationale\n1045, rue des Parlementaires\nQuébec QC  G1A 1A3",
    ),
    (
        "SK",
        "Saskatchewan",
        "de la Saskatchewan",
        "Legislative Building\n2405 Legislative Drive\nRegina SK  S4S 0B3",
    ),
    ("YT", "Yukon", "du Yukon", "Yukon Legislative Assembly\nBox 2703\nWhitehorse YT  Y1A 2C6"),
]


def provincial_roles():
    """Thirteen premiers and thirteen ministers for immigration; names left for staff."""
    for code, name_en, name_fr, address in LEGISLATURES:
        yield {
            "role": OfficeHolder.Role.PREMIER,
            "province": code,
            "title_en": f"Premier of {name_en}",
            "title_fr": f"Premier ministre ou première ministre {name_fr}",
            "mailing_address": address,
        }
        yield {
            "role": OfficeHolder.Role.PROVINCIAL_IMMIGRATION_MINISTER,
            "province": code,
            "title_en": f"Minister responsible for immigration, {name_en.removeprefix('the ')}",
            "title_fr": f"Ministre responsable de l’immigration {name_fr}",
            "mailing_address": address,
        }


@transaction.atomic
def load_fixed_targets():
    """The federal Minister and the provincial roles; never overwrites a staff correction."""
    report = importers.ImportReport("Fixed targets")
    minister = {k: v for k, v in MINISTER.items() if k != "representative_name"}
    minister["representative"] = (
        Representative.objects.serving().filter(name=MINISTER["representative_name"]).first()
    )
    holders = [{"role": OfficeHolder.Role.FEDERAL_IMMIGRATION_MINISTER, "province": "", **minister}]
    for holder in holders + list(provincial_roles()):
        key = {"role": holder.pop("role"), "province": holder.pop("province")}
        values = {**holder, "source": FACTS_SOURCE, "as_of": FACTS_AS_OF}
        importers.upsert(OfficeHolder, key, values, report)
    return report


@transaction.atomic
def link_demo_campaign_targets():
    """The demo campaign writes to the Minister, the person's MP and their provincial offices."""
    from portevoix.campaigns.demo_content import CAMPAIGN
    from portevoix.campaigns.models import Campaign

    campaign = Campaign.objects.filter(slug=CAMPAIGN["slug"]).first()
    minister = OfficeHolder.objects.federal_immigration_minister()
    if campaign is None or minister is None:
        return 0
    wanted = [
        {"kind": CampaignTarget.Kind.FIXED, "office_holder": minister, "role": ""},
        {"kind": CampaignTarget.Kind.MP, "office_holder": None, "role": ""},
        {"kind": CampaignTarget.Kind.PROVINCIAL, "office_holder": None, "role": "premier"},
        {
            "kind": CampaignTarget.Kind.PROVINCIAL,
            "office_holder": None,
            "role": "provincial_immigration_minister",
        },
    ]
    created = 0
    for target in wanted:
        created += CampaignTarget.objects.get_or_create(campaign=campaign, **target)[1]
    return created


def files_in(folder):
    """The reference files a folder laid out like the public data holds, by purpose."""
    root = Path(folder)
    candidates = {
        "districts": root / "federal" / "FED_CA_2023_EN.csv",
        "ocd": root / "federal" / "ca_federal_electoral_districts-2023.csv",
        "mps": root / "federal" / "mps_45th_parliament_joined.csv",
        "fsa": root / "postal" / "geonames_CA_fsa.txt",
        "hints": root / "postal" / "letter-tool_fsa-to-riding.json",
    }
    return {name: path for name, path in candidates.items() if path.is_file()}


def load_from_files(folder):
    files = files_in(folder)
    reports = []
    if "districts" in files:
        reports.append(importers.import_elections_canada_districts(files["districts"]))
    if "ocd" in files:
        reports.append(importers.import_ocd_districts(files["ocd"]))
    if "mps" in files:
        reports.append(importers.import_representatives_csv(files["mps"]))
    if "fsa" in files:
        reports.append(importers.import_geonames_fsa(files["fsa"]))
    if "hints" in files:
        reports.append(importers.import_fsa_hints(files["hints"]))
    return reports


def missing_data_instructions():
    """What staff should run when districts or people are missing; empty when all is loaded."""
    if Representative.objects.serving().filter(district__level="federal").exists():
        return []
    if District.objects.federal().exists():
        return [
            _(
                "No MP is loaded yet, so people cannot find their MP. Run "
                "“manage.py import_representatives --represent” (online) or "
                "“manage.py import_representatives --csv FILE”."
            )
        ]
    return [
        _(
            "No ridings or MPs are loaded yet: only the Minister and provincial offices can be "
            "written to. Run “manage.py setup_representatives” with REPRESENT_ENABLED=1, or "
            "with REPRESENTATIVES_DATA set to a folder of data files (see the README)."
        )
    ]


def data_folder():
    folder = getattr(settings, "REPRESENTATIVES_DATA", "")
    return folder if folder and Path(folder).is_dir() else ""
