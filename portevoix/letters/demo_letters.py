# ruff: noqa: E501  (each paragraph of a letter is one line, as staff edit it in the admin)
"""The letters the demo campaign offers, in French and in English.

Each asks for the same thing: temporary resident permits for the family members of
refugees, so that they can live in Canada while their permanent residence is processed.
"""

ASK_FR = (
    "Je vous demande de délivrer des permis de séjour temporaire (PST) aux membres de la "
    "famille des personnes réfugiées, afin qu'ils puissent vivre au Canada pendant le "
    "traitement de leur demande de résidence permanente, au lieu d'attendre séparés pendant "
    "des années."
)
ASK_EN = (
    "I am asking you to issue temporary resident permits (TRPs) to the family members of "
    "refugees, so that they can live in Canada while their permanent residence applications "
    "are processed, instead of waiting apart for years."
)

LETTERS = [
    {
        "key": "org-write-minister",
        "audience": "organization",
        "target": "federal_minister",
        "copy_mp": "optional",
        "guided_story": False,
        "position": 1,
        "title_fr": "Lettre d'un organisme au ministre de l'Immigration",
        "title_en": "Letter from an organization to the Minister of Immigration",
        "summary_fr": (
            "Au nom de votre organisme, au ministre de l'Immigration, des Réfugiés et de la "
            "Citoyenneté. Un organisme local peut mettre sa ou son député·e en copie."
        ),
        "summary_en": (
            "On behalf of your organization, to the Minister of Immigration, Refugees and "
            "Citizenship. A local organization can copy its MP."
        ),
        "subject_fr": "Réunir les familles des personnes réfugiées : des permis de séjour "
        "temporaire, maintenant",
        "subject_en": "Reunite refugees' families: temporary resident permits now",
        "body_fr": """{salutation},

Je vous écris au nom de notre organisme, {organization}. Chaque jour, nous accompagnons des personnes réfugiées qui ont trouvé la sécurité au Canada, mais dont le conjoint, la conjointe ou les enfants attendent encore ailleurs, souvent dans le danger, que leur demande de résidence permanente soit traitée.

Ces séparations durent des années. Elles pèsent sur la santé des parents et des enfants, freinent l'apprentissage de la langue, l'emploi et l'intégration, et laissent des familles entières dans l'incertitude.

Le Canada dispose déjà d'un outil pour y remédier. """
        + ASK_FR
        + """ Les vérifications de sécurité et de santé peuvent se faire comme pour tout permis temporaire ; la famille, elle, pourrait enfin se retrouver.

Notre organisme est prêt à accueillir ces familles et à les accompagner dès leur arrivée. Nous serions heureux de vous présenter des situations concrètes et de vous rencontrer.

Je vous prie d'agréer, {salutation}, l'expression de ma haute considération.""",
        "body_en": """{salutation},

I am writing on behalf of {organization}. Every day, we work with refugees who have found safety in Canada, but whose spouses or children are still waiting elsewhere, often in danger, for their permanent residence applications to be processed.

These separations last for years. They harm the health of parents and children, slow down language learning, work and settlement, and leave whole families in uncertainty.

Canada already has a tool to end this. """
        + ASK_EN
        + """ Security and medical checks can be done as for any temporary permit; the family could finally be together.

Our organization is ready to welcome these families and support them from the day they arrive. We would be glad to share concrete situations with you and to meet with you.

Sincerely,""",
    },
    {
        "key": "ind-write-mp",
        "audience": "individual",
        "target": "mp",
        "copy_mp": "never",
        "guided_story": False,
        "position": 2,
        "title_fr": "Lettre à votre député·e",
        "title_en": "Letter to your MP",
        "summary_fr": "Demandez à la personne qui vous représente à Ottawa de porter la demande.",
        "summary_en": "Ask the person who represents you in Ottawa to carry the request.",
        "subject_fr": "Une demande de votre circonscription : réunir les familles des "
        "personnes réfugiées",
        "subject_en": "A request from your riding: reunite refugees' families",
        "body_fr": """{salutation},

J'habite dans la circonscription de {riding} et je vous écris au sujet des familles de personnes réfugiées qui restent séparées pendant des années.

Des personnes protégées par le Canada attendent que leur conjoint, leur conjointe ou leurs enfants les rejoignent. Pendant le traitement de la résidence permanente, ces proches restent à l'étranger, parfois dans des situations dangereuses.

"""
        + ASK_FR
        + """

Je vous demande de porter cette demande auprès du ministre de l'Immigration, des Réfugiés et de la Citoyenneté et de me faire savoir ce que vous comptez faire.

Je vous prie d'agréer, {salutation}, l'expression de mes salutations distinguées.""",
        "body_en": """{salutation},

I live in {riding} and I am writing to you about the families of refugees who stay separated for years.

People whom Canada has protected are waiting for their spouses or children to join them. While permanent residence is processed, these family members remain abroad, sometimes in dangerous situations.

"""
        + ASK_EN
        + """

I ask you to raise this with the Minister of Immigration, Refugees and Citizenship, and to let me know what you will do.

Sincerely,""",
    },
    {
        "key": "refugee-write-mp",
        "audience": "refugee",
        "target": "mp",
        "copy_mp": "never",
        "guided_story": True,
        "position": 3,
        "title_fr": "Je suis réfugié·e et séparé·e de ma famille : lettre à mon député·e",
        "title_en": "I am a refugee separated from my family: letter to my MP",
        "summary_fr": (
            "Une lettre pour vous, si vous attendez votre famille. Vous pouvez raconter, si "
            "vous le voulez, ce que vit votre famille. Ne donnez aucun détail qui pourrait la "
            "mettre en danger."
        ),
        "summary_en": (
            "A letter for you, if you are waiting for your family. If you wish, you can tell "
            "what your family is going through. Give no detail that could put them at risk."
        ),
        "subject_fr": "Ma famille attend : je vous demande votre aide",
        "subject_en": "My family is waiting: I am asking for your help",
        "body_fr": """{salutation},

Je m'appelle {sender_name} et j'habite dans la circonscription de {riding}. Le Canada m'a accordé sa protection, et je lui en suis reconnaissant·e. Mais une partie de ma famille est restée loin de moi, et nous attendons d'être réunis.

{story}

Chaque mois d'attente est difficile, pour moi comme pour les miens. Il existe pourtant une solution simple. """
        + ASK_FR
        + """

Je vous demande de soutenir cette demande auprès du ministre de l'Immigration, des Réfugiés et de la Citoyenneté. Je serais heureux·se de vous en parler.

Je vous prie d'agréer, {salutation}, l'expression de mes salutations respectueuses.""",
        "body_en": """{salutation},

My name is {sender_name} and I live in {riding}. Canada gave me protection, and I am grateful. But part of my family is still far from me, and we are waiting to be together again.

{story}

Every month of waiting is hard, for me and for my loved ones. Yet there is a simple solution. """
        + ASK_EN
        + """

I ask you to support this request with the Minister of Immigration, Refugees and Citizenship. I would be glad to talk with you about it.

Sincerely,""",
    },
    {
        "key": "ind-write-minister",
        "audience": "individual",
        "target": "federal_minister",
        "copy_mp": "always",
        "guided_story": False,
        "position": 4,
        "title_fr": "Lettre au ministre de l'Immigration, avec copie à votre député·e",
        "title_en": "Letter to the Minister of Immigration, with a copy to your MP",
        "summary_fr": "Écrivez directement au ministre ; votre député·e reçoit une copie.",
        "summary_en": "Write to the Minister directly; your MP receives a copy.",
        "subject_fr": "Des permis de séjour temporaire pour les familles des personnes réfugiées",
        "subject_en": "Temporary resident permits for refugees' families",
        "body_fr": """{salutation},

J'habite dans la circonscription de {riding} et je vous écris parce que des familles de personnes réfugiées restent séparées pendant des années, le temps que leur demande de résidence permanente soit traitée.

Ces attentes ont un coût humain : des enfants qui grandissent sans l'un de leurs parents, des proches qui vivent dans le danger, des personnes qui ne peuvent pas commencer pleinement leur nouvelle vie au Canada.

"""
        + ASK_FR
        + """

Cette mesure est juste, et elle est à votre portée. J'espère que vous la prendrez sans tarder.

Je vous prie d'agréer, {salutation}, l'expression de ma haute considération.""",
        "body_en": """{salutation},

I live in {riding} and I am writing because the families of refugees stay separated for years while their permanent residence applications are processed.

These waits have a human cost: children growing up without one of their parents, loved ones living in danger, people who cannot fully begin their new lives in Canada.

"""
        + ASK_EN
        + """

This measure is fair, and it is within your power. I hope you will take it without delay.

Sincerely,""",
    },
    {
        "key": "org-write-province",
        "audience": "organization",
        "target": "provincial",
        "copy_mp": "never",
        "guided_story": False,
        "position": 5,
        "title_fr": "Lettre d'un organisme à son gouvernement provincial",
        "title_en": "Letter from an organization to its provincial government",
        "summary_fr": (
            "À la première ou au premier ministre, ou à la ou au ministre responsable de "
            "l'immigration : les longues séparations nuisent aussi à votre province."
        ),
        "summary_en": (
            "To the premier or to the minister responsible for immigration: long separations "
            "also hurt your province."
        ),
        "subject_fr": "Réunir les familles réfugiées : l'intérêt de la province",
        "subject_en": "Reuniting refugee families: in the province's interest",
        "body_fr": """{salutation},

Je vous écris au nom de notre organisme, {organization}, qui accompagne des personnes réfugiées établies dans notre province.

Beaucoup d'entre elles attendent pendant des années que leur conjoint, leur conjointe ou leurs enfants les rejoignent. Ces séparations ne sont pas seulement une épreuve pour les familles : elles ont des conséquences pour la province. Elles pèsent sur la santé et les services sociaux, ralentissent l'apprentissage de la langue et l'entrée en emploi, et compliquent la réussite scolaire des enfants qui arrivent tard.

La délivrance des visas relève d'Ottawa, mais la voix des provinces compte. Nous demandons à votre gouvernement d'appuyer publiquement, auprès du gouvernement fédéral, la délivrance de permis de séjour temporaire (PST) aux membres de la famille des personnes réfugiées pendant le traitement de leur résidence permanente.

Nous serions heureux de vous rencontrer pour en discuter.

Je vous prie d'agréer, {salutation}, l'expression de ma haute considération.""",
        "body_en": """{salutation},

I am writing on behalf of {organization}, which supports refugees who have settled in our province.

Many of them wait for years for their spouses or children to join them. These separations are not only an ordeal for families: they matter to the province. They weigh on health and social services, slow down language learning and entry into work, and make school harder for children who arrive late.

Visas are issued by Ottawa, but the provinces' voice counts. We ask your government to publicly support, with the federal government, issuing temporary resident permits (TRPs) to the family members of refugees while their permanent residence is processed.

We would welcome the chance to meet with you to discuss it.

Sincerely,""",
    },
    {
        # Written by the meetings app, which fills in the proposed times and place: it is not
        # offered in the list of letters, only through "Request a meeting".
        "key": "meeting-request",
        "audience": "individual",
        "target": "mp",
        "copy_mp": "never",
        "guided_story": False,
        "is_active": False,
        "position": 6,
        "title_fr": "Demande de rencontre",
        "title_en": "Meeting request",
        "summary_fr": (
            "Demandez une rencontre à votre député·e, ou à une ou un ministre, avec une "
            "délégation qui comprend une personne qui vit la séparation familiale."
        ),
        "summary_en": (
            "Ask your MP, or a minister, for a meeting with a delegation that includes "
            "someone living family separation."
        ),
        "subject_fr": "Demande de rencontre : réunir les familles des personnes réfugiées",
        "subject_en": "Meeting request: reuniting refugees' families",
        "body_fr": """{salutation},

Je vous écris pour vous demander une rencontre au sujet des familles de personnes réfugiées qui restent séparées pendant des années.

Des personnes que le Canada a protégées attendent que leur conjoint, leur conjointe ou leurs enfants les rejoignent. Pendant le traitement de leur demande de résidence permanente, ces proches restent à l'étranger, parfois dans des situations dangereuses. Une solution existe : délivrer des permis de séjour temporaire (PST) aux membres de la famille des personnes réfugiées, afin qu'ils puissent vivre au Canada pendant le traitement de leur demande, au lieu d'attendre séparés.

Notre délégation comprendra au moins une personne qui vit elle-même la séparation familiale. Elle pourra vous dire, avec ses propres mots, ce que représentent ces années d'attente. Nous aimerions savoir si vous appuyez cette mesure et ce que vous êtes prêt·e à faire pour qu'elle voie le jour.

Nous vous proposons de nous rencontrer :
{proposed_times}

Lieu proposé : {meeting_place}

Une demi-heure nous suffirait. Si ces moments ne vous conviennent pas, nous nous adapterons volontiers à votre horaire ; vous pouvez me répondre directement.

Je vous remercie de votre attention et vous prie d'agréer, {salutation}, l'expression de mes salutations distinguées.""",
        "body_en": """{salutation},

I am writing to ask for a meeting with you about the families of refugees who stay separated for years.

People whom Canada has protected are waiting for their spouses or children to join them. While their permanent residence applications are processed, these family members remain abroad, sometimes in dangerous situations. There is a solution: issue temporary resident permits (TRPs) to the family members of refugees, so that they can live in Canada while their applications are processed, instead of waiting apart.

Our delegation will include at least one person who is living family separation. They can tell you, in their own words, what these years of waiting mean. We would like to know whether you support this measure, and what you are ready to do to see it adopted.

We propose to meet:
{proposed_times}

Proposed place: {meeting_place}

Half an hour would be enough. If these times do not suit you, we will gladly work around your schedule; you can reply to me directly.

Thank you for your attention. Sincerely,""",
    },
]
