"""The demo campaign's text, in French and English. (Draft: being written.)"""

CAMPAIGN = {
    "slug": "familles-ensemble",
    "status": "active",
    "position": 0,
    "organization_name_fr": "Conseil pour les droits des personnes réfugiées (démo)",
    "organization_name_en": "Council for Refugee Rights (demo)",
    "title_fr": "Réunir les familles pendant l’attente",
    "title_en": "Keep families together while they wait",
    "ask_fr": "Demandons au gouvernement du Canada de délivrer des permis de séjour temporaire.",
    "ask_en": "We ask the Government of Canada to issue temporary resident permits.",
    "background_fr": "",
    "background_en": "",
    "organizations_intro_fr": "",
    "organizations_intro_en": "",
    "individuals_intro_fr": "",
    "individuals_intro_en": "",
    "share_text_fr": "",
    "share_text_en": "",
    "contact_email": "",
}

ACTIONS = [
    {
        "audience": "organizations",
        "key": "org-write-minister",
        "position": 1,
        "title_fr": "Écrire au ministre",
        "title_en": "Write to the Minister",
        "summary_fr": "Une lettre.",
        "summary_en": "A letter.",
        "details_fr": "",
        "details_en": "",
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
]

RESOURCES = []


def campaign_fields():
    return {key: value for key, value in CAMPAIGN.items() if key != "slug"}
