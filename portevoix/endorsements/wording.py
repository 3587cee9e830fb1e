"""Prepared invitations, per sector and language, that the inviter edits before sending.

Written as whole texts in each language rather than translated phrase by phrase: the
inviter chooses the language of the organization it writes to, whatever the page's language.
"""

from portevoix.endorsements.models import Sector

SECTOR_REASONS = {
    Sector.HEALTH: (
        "Des années de séparation pèsent sur la santé physique et mentale des personnes que "
        "vous soignez. Des familles réunies sont des familles en meilleure santé.",
        "Years of separation weigh on the physical and mental health of the people you care "
        "for. Families that are together are healthier families.",
    ),
    Sector.EDUCATION: (
        "Les enfants qui attendent un parent pendant des années emportent cette inquiétude en "
        "classe. Réunir les familles, c’est aussi soutenir la réussite des élèves.",
        "Children who wait years for a parent carry that worry into the classroom. Reuniting "
        "families also helps students succeed.",
    ),
    Sector.SOCIAL_JUSTICE: (
        "Une mesure simple, déjà prévue par la loi, épargnerait à ces familles des années "
        "d’attente loin les unes des autres : c’est une question de justice.",
        "A simple measure that the law already provides for would spare these families years "
        "of waiting apart. It is a question of fairness.",
    ),
    Sector.ANTI_RACISM: (
        "Les longs délais de réunification touchent des personnes qui font déjà face à bien "
        "des obstacles. L’équité, c’est aussi ne pas leur demander d’attendre séparées.",
        "Long reunification delays fall on people who already face many barriers. Equity "
        "also means not asking them to wait apart.",
    ),
    Sector.FAITH: (
        "Beaucoup de communautés de foi accueillent et accompagnent des familles réfugiées. "
        "Garder les familles unies rejoint des valeurs que nous partageons.",
        "Many faith communities welcome and walk with refugee families. Keeping families "
        "together reflects values we share.",
    ),
    Sector.CHILDREN: (
        "Les enfants ont le droit de grandir auprès de leurs parents, et chaque année de "
        "séparation compte dans la vie d’un enfant.",
        "Children have a right to grow up with their parents, and every year apart matters "
        "in a child's life.",
    ),
    Sector.SETTLEMENT: (
        "Vous voyez chaque jour à quel point la séparation freine l’installation : apprendre "
        "une langue, trouver un emploi ou se rétablir est plus difficile quand on craint pour "
        "sa famille.",
        "You see every day how separation slows settlement: learning a language, finding "
        "work or healing is harder when you fear for your family.",
    ),
    Sector.LEGAL: (
        "La loi canadienne permet déjà de délivrer des permis de séjour temporaire lorsque les "
        "circonstances le justifient : la demande consiste à utiliser cet outil existant.",
        "Canadian law already allows temporary resident permits when the circumstances "
        "justify it: the request is to use this existing tool.",
    ),
    Sector.LABOUR: (
        "Une travailleuse ou un travailleur qui s’inquiète pour sa famille à l’autre bout du "
        "monde ne peut pas donner toute sa mesure. La réunification familiale concerne aussi "
        "les milieux de travail.",
        "Workers who worry about family on the other side of the world cannot give their "
        "best. Family reunification is a workplace issue too.",
    ),
    Sector.OTHER: (
        "La réunification familiale touche toutes les sphères de la vie communautaire. Votre "
        "appui montrerait à quel point cette demande est largement partagée.",
        "Family reunification touches every part of community life. Your support would show "
        "how widely this request is shared.",
    ),
}

SUBJECT = {
    "fr": "Invitation à appuyer la campagne « {title} »",
    "en": "An invitation to endorse “{title}”",
}

OPENING = {
    ("fr", "organization"): "Je vous écris au nom de {inviter} pour inviter votre organisme à "
    "appuyer la campagne « {title} », menée par {campaign_organization}.",
    ("fr", "person"): "Je me permets de vous écrire pour inviter votre organisme à appuyer la "
    "campagne « {title} », menée par {campaign_organization}.",
    ("en", "organization"): "I am writing on behalf of {inviter} to invite your organization "
    "to endorse the campaign “{title}”, led by {campaign_organization}.",
    ("en", "person"): "I am writing to invite your organization to endorse the campaign "
    "“{title}”, led by {campaign_organization}.",
}

BODY = {
    "fr": "Bonjour,\n\n{opening}\n\n{ask}\n\n{reason}\n\nAppuyer la demande ne prend que "
    "quelques minutes : votre organisme ajoute son nom à la recommandation et choisit s’il "
    "figure ou non sur la liste publique.\n\nMerci de considérer cette invitation,\n\n{inviter}",
    "en": "Hello,\n\n{opening}\n\n{ask}\n\n{reason}\n\nEndorsing takes a few minutes: your "
    "organization adds its name to the recommendation and chooses whether it appears on the "
    "public list.\n\nThank you for considering it,\n\n{inviter}",
}


def prepared_invitation(campaign, referrer, sector, language):
    """(subject, body) of the invitation offered for this sector, in `language`."""
    language = language if language in BODY else "fr"
    reason_fr, reason_en = SECTOR_REASONS.get(sector, SECTOR_REASONS[Sector.OTHER])
    values = {
        "title": getattr(campaign, f"title_{language}") or campaign.title_fr,
        "campaign_organization": getattr(campaign, f"organization_name_{language}"),
        "inviter": referrer.name,
    }
    opening = OPENING[(language, referrer.kind)].format(**values)
    body = BODY[language].format(
        opening=opening,
        ask=getattr(campaign, f"ask_{language}"),
        reason=reason_fr if language == "fr" else reason_en,
        inviter=referrer.name,
    )
    return SUBJECT[language].format(**values), body
