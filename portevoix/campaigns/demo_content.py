"""The demo campaign: its text in French and English, and its downloadable documents.

Loaded by `manage.py load_demo`. Ministers change: before a release, check the Minister's
name and title in the template letters (RESOURCES).
"""

CAMPAIGN = {
    "slug": "familles-ensemble",
    "status": "active",
    "position": 0,
    "organization_name_fr": "Conseil pour les droits des personnes réfugiées (démo)",
    "organization_name_en": "Council for Refugee Rights (demo)",
    "title_fr": "Réunir les familles pendant l’attente",
    "title_en": "Let families wait together",
    "ask_fr": (
        "Nous demandons au gouvernement du Canada de délivrer des permis de séjour temporaire aux "
        "membres de la famille des personnes réfugiées, pour que les familles puissent vivre "
        "réunies au Canada pendant le traitement de leur demande de résidence permanente, au lieu "
        "d’attendre séparées pendant des années."
    ),
    "ask_en": (
        "We are asking the Government of Canada to issue temporary resident permits to the family "
        "members of people who are refugees, so that families can live together in Canada while "
        "their permanent residence applications are processed, instead of waiting apart for years."
    ),
    "background_fr": (
        "Lorsqu’une personne réfugiée au Canada demande la résidence permanente, elle peut y "
        "inclure des membres de sa famille proche qui vivent à l’étranger, comme son conjoint ou "
        "sa conjointe et ses enfants. Tant que la demande n’est pas acceptée, la famille reste en "
        "général séparée, et cette attente dure souvent des années.\n\n"
        "Ces années comptent. Des enfants grandissent loin d’un parent. Là-bas, des familles "
        "vivent parfois dans des conditions précaires ou dangereuses. Ici, des personnes "
        "apprennent une langue, cherchent du travail et reconstruisent leur vie, tout en "
        "s’inquiétant chaque jour pour leurs proches.\n\n"
        "Il existe pourtant une solution simple. La loi canadienne sur l’immigration prévoit des "
        "permis de séjour temporaire lorsque les circonstances le justifient, et la ministre de "
        "l’Immigration, des Réfugiés et de la Citoyenneté a le pouvoir d’en délivrer. Un tel "
        "permis permettrait aux membres de la famille de venir vivre au Canada pendant le "
        "traitement de la demande de résidence permanente.\n\n"
        "La demande suivrait son cours normal : rien ne serait abrégé ni contourné. La famille "
        "attendrait simplement la décision ensemble, plutôt que séparée.\n\n"
        "Organismes et particuliers, partout au pays, vous pouvez faire avancer cette demande : "
        "écrire, rencontrer votre député·e, en parler autour de vous."
    ),
    "background_en": (
        "When a person who is a refugee in Canada applies for permanent residence, they can "
        "include close family members who live abroad, such as a spouse or partner and children. "
        "Until the application is approved, the family usually waits apart, often for years.\n\n"
        "Those years matter. Children grow up far from a parent. Family members abroad may be "
        "living in unsafe or uncertain conditions. Here in Canada, people are learning a new "
        "language, looking for work and rebuilding their lives, while worrying every day about the "
        "people they love.\n\n"
        "There is a simple way to change this. Canada’s immigration law allows temporary resident "
        "permits to be issued when the circumstances justify it, and the Minister of Immigration, "
        "Refugees and Citizenship has the power to issue them. A permit would let family members "
        "come to Canada and live with their loved one while the permanent residence application is "
        "processed.\n\n"
        "The application would follow its normal course, with no shortcuts. The only difference: "
        "families would wait for the decision together, not apart.\n\n"
        "Organizations and individuals across the country can help move this forward by writing "
        "letters, meeting MPs and spreading the word."
    ),
    "organizations_intro_fr": (
        "Votre organisme connaît les familles, leur réalité et les personnes qui prennent les "
        "décisions : sa voix porte. Choisissez une ou plusieurs actions selon vos moyens. Chacune "
        "compte, et ensemble, elles font avancer la demande."
    ),
    "organizations_intro_en": (
        "Your organization knows the families, what they are going through and the people who make "
        "the decisions. That gives your voice weight. Pick one action or several, whatever fits "
        "your capacity: each one counts, and together they move the request forward."
    ),
    "individuals_intro_fr": (
        "Pas besoin d’être spécialiste de l’immigration pour agir. Une lettre, une conversation "
        "avec votre député·e ou un message à votre entourage peuvent faire la différence. Si vous "
        "êtes une personne réfugiée séparée de votre famille, une lettre modèle a été préparée "
        "pour vous : vous y partagez seulement ce que vous voulez."
    ),
    "individuals_intro_en": (
        "You don’t need to be an immigration expert to make a difference. A letter, a conversation "
        "with your MP or a post to your friends all help. If you are a refugee separated from your "
        "family, there is a template letter written for you, and you share only what you choose to."
    ),
    "share_text_fr": (
        "Des personnes réfugiées au Canada attendent souvent des années avant de retrouver leur "
        "famille. Des permis de séjour temporaire leur permettraient d’attendre ensemble, ici. Je "
        "demande au gouvernement du Canada de les délivrer. Joignez-vous à moi !"
    ),
    "share_text_en": (
        "People who are refugees in Canada often wait years to be reunited with their families. "
        "Temporary resident permits would let families wait together, here. I’m asking the "
        "Government of Canada to issue them. Will you join me?"
    ),
    "contact_email": "",
}

ACTIONS = [
    {
        "audience": "organizations",
        "key": "org-endorse",
        "position": 0,
        "title_fr": "Appuyer la recommandation",
        "title_en": "Endorse the recommendation",
        "summary_fr": (
            "Ajoutez le nom de votre organisme à la liste de celles qui demandent des permis de "
            "séjour temporaire pour les familles des personnes réfugiées."
        ),
        "summary_en": (
            "Add your organization's name to those asking for temporary resident permits for the "
            "families of people who are refugees."
        ),
        "details_fr": (
            "Quelques minutes suffisent\u202f: le nom de l’organisme, son secteur, sa province et "
            "une personne à joindre, qui confirme par courriel. Vous choisissez si votre organisme "
            "figure sur la liste publique\u202f; la personne à joindre n’y apparaît jamais."
        ),
        "details_en": (
            "It takes a few minutes: your organization's name, sector and province, and a contact "
            "person who confirms by email. You choose whether your organization appears on the "
            "public list; the contact person never does."
        ),
        "link_url": "",
        "link_label_fr": "Appuyer",
        "link_label_en": "Endorse",
    },
    {
        "audience": "organizations",
        "key": "org-write-minister",
        "position": 1,
        "title_fr": "Écrire à la ministre de l’Immigration",
        "title_en": "Write to the Minister of Immigration",
        "summary_fr": (
            "Envoyez une lettre au nom de votre organisme à la ministre fédérale de l’Immigration, "
            "des Réfugiés et de la Citoyenneté, à partir de notre lettre modèle. Si votre "
            "organisme est local, envoyez-en une copie à votre député·e."
        ),
        "summary_en": (
            "Send a letter from your organization to the federal Minister of Immigration, Refugees "
            "and Citizenship, starting from our template. If you are a local organization, send a "
            "copy to your MP."
        ),
        "details_fr": (
            "Partez de la lettre modèle et faites-la vôtre : présentez votre organisme en une "
            "phrase, puis dites ce que vous observez auprès des personnes que vous accompagnez. "
            "Quelques lignes concrètes valent mieux qu’un long argumentaire. Ne nommez personne et "
            "ne donnez aucun détail qui permettrait de reconnaître une famille.\n\n"
            "Faites signer la lettre par votre direction générale ou votre présidence : elle aura "
            "plus de poids. La copie à votre député·e lui montre que la question préoccupe des "
            "gens de sa circonscription, et peut ouvrir la porte à une rencontre."
        ),
        "details_en": (
            "Make the template your own: introduce your organization in a sentence, then describe "
            "what you see in your work with families. A few concrete lines are stronger than a "
            "long argument. Never name anyone, and leave out any detail that could identify a "
            "family.\n\n"
            "Have your executive director or board chair sign it, so it carries more weight. A "
            "copy to your MP shows that the issue matters to people in their riding, and can open "
            "the door to a meeting."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "organizations",
        "key": "org-meet-mp",
        "position": 2,
        "title_fr": "Organiser une rencontre avec une ou un député·e",
        "title_en": "Meet with an MP",
        "summary_fr": (
            "Demandez une rencontre à une ou un député·e, à son bureau de circonscription ou à "
            "Ottawa, avec dans votre délégation au moins une personne qui vit la séparation "
            "familiale."
        ),
        "summary_en": (
            "Ask an MP for a meeting, in the riding or in Ottawa, and bring at least one person "
            "who is living family separation."
        ),
        "details_fr": (
            "Une petite délégation suffit : une personne de votre organisme, une personne qui vit "
            "la séparation familiale et, si possible, une personne alliée d’un autre milieu. La "
            "personne qui vit la séparation choisit ce qu’elle raconte et ce qu’elle garde pour "
            "elle. Préparez la rencontre ensemble et répartissez-vous la parole à l’avance.\n\n"
            "Terminez par une demande claire : l’appui de la ou du député·e, et son engagement à "
            "en parler à la ministre. Laissez la fiche d’information, envoyez un mot de "
            "remerciement dans les jours qui suivent, puis racontez-nous comment ça s’est passé."
        ),
        "details_en": (
            "Keep the delegation small: someone from your organization, a person living family "
            "separation and, if you can, an ally from another sector. The person with lived "
            "experience decides what they share and what they keep to themselves. Prepare "
            "together, and agree beforehand who will say what.\n\n"
            "End with a clear ask: will the MP support the request and raise it with the Minister? "
            "Leave the fact sheet behind, send a thank-you note in the days that follow, and tell "
            "us how it went."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "organizations",
        "key": "org-networks",
        "position": 3,
        "title_fr": "Mobiliser vos réseaux",
        "title_en": "Raise it in your networks",
        "summary_fr": (
            "Parlez de la demande dans vos réseaux, coalitions et tables de concertation, pour que "
            "d’autres organismes appuient la recommandation et trouvent avec vous des façons "
            "créatives de la faire avancer."
        ),
        "summary_en": (
            "Bring the request to your networks, coalitions and sector tables, so that other "
            "organizations support the recommendation and find creative ways to push it forward."
        ),
        "details_fr": (
            "Inscrivez la question à l’ordre du jour d’une prochaine réunion, présentez-la dans un "
            "bulletin ou lors d’un colloque, et invitez les organismes à appuyer publiquement la "
            "recommandation.\n\n"
            "Les idées créatives sont les bienvenues : lettre commune, résolution adoptée en "
            "assemblée générale, texte d’opinion dans un média local, activité publique avec des "
            "personnes qui choisissent de témoigner. Dites-nous ce qui fonctionne : d’autres "
            "pourront s’en inspirer."
        ),
        "details_en": (
            "Put it on the agenda of an upcoming meeting, present it in a newsletter or at a "
            "conference, and invite organizations to endorse the recommendation publicly.\n\n"
            "Creative ideas are welcome: a joint letter, a resolution at an annual general "
            "meeting, an opinion piece in local media, a public event with people who choose to "
            "speak about their experience. Tell us what works, so others can learn from it."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "organizations",
        "key": "org-province",
        "position": 4,
        "title_fr": "Demander l’appui de votre gouvernement provincial",
        "title_en": "Ask your provincial government for support",
        "summary_fr": (
            "Écrivez à votre gouvernement provincial ou demandez une rencontre : les longues "
            "séparations familiales vont à l’encontre des intérêts mêmes des provinces."
        ),
        "summary_en": (
            "Write to your provincial government or ask for a meeting: long family separations go "
            "against the provinces’ own interests."
        ),
        "details_fr": (
            "Les permis de séjour temporaire relèvent du gouvernement fédéral, mais une province "
            "peut appuyer la demande et la faire valoir auprès d’Ottawa. Adressez-vous à la ou au "
            "ministre responsable de l’immigration dans votre province, ou à la première ou au "
            "premier ministre.\n\n"
            "Parlez de ce qui touche directement la province : l’intégration des personnes "
            "nouvellement arrivées, la santé physique et mentale, la réussite scolaire des "
            "enfants, la main-d’œuvre. Quand on s’inquiète jour et nuit pour sa famille, il est "
            "plus difficile d’apprendre une langue, de suivre une formation ou de garder un "
            "emploi. Réunies, les familles peuvent s’installer et participer pleinement à la vie "
            "de la province."
        ),
        "details_en": (
            "Temporary resident permits are a federal matter, but a province can support the "
            "request and make the case to Ottawa. Write to the minister responsible for "
            "immigration in your province, or to the premier.\n\n"
            "Focus on what the province cares about: settlement, physical and mental health, "
            "children’s success at school, the workforce. When you worry about your family day and "
            "night, it is harder to learn a language, take a training course or keep a job. "
            "Together, families can settle in and take a full part in the life of the province."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "organizations",
        "key": "org-allies",
        "position": 5,
        "title_fr": "Rallier des organismes alliés",
        "title_en": "Recruit allies",
        "summary_fr": (
            "Invitez à se joindre à la campagne les milieux qui ont toutes les raisons de se "
            "soucier des retards de réunification familiale : santé, éducation, justice sociale, "
            "lutte contre le racisme, communautés de foi, droits de l’enfant et bien d’autres."
        ),
        "summary_en": (
            "Invite the groups that should care about delayed family reunification to join: "
            "health, education, social justice, anti-racism, faith communities, children’s rights "
            "and many more."
        ),
        "details_fr": (
            "Commencez par les organismes avec qui vous travaillez déjà : une clinique, une école "
            "ou un comité de parents, un lieu de culte, un groupe de défense des droits. "
            "Montrez-leur en quoi la séparation familiale touche leur propre mission : la santé "
            "des personnes qu’ils soignent, la réussite des élèves, le bien-être des enfants, "
            "l’équité.\n\n"
            "Proposez-leur un premier geste simple : appuyer la recommandation, puis écrire à la "
            "ministre."
        ),
        "details_en": (
            "Start with the groups you already work with: a clinic, a school or parents’ "
            "committee, a place of worship, a human rights group. Show them how family separation "
            "touches their own mission: the health of the people they care for, students’ success, "
            "children’s well-being, equity.\n\n"
            "Offer a simple first step: endorse the recommendation, then write to the Minister."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "organizations",
        "key": "org-spread",
        "position": 6,
        "title_fr": "Faire connaître l’appel",
        "title_en": "Spread the call",
        "summary_fr": (
            "Relayez la campagne sur votre site Web et vos réseaux sociaux, et auprès de votre "
            "personnel, de votre conseil d’administration, de vos membres, de vos donatrices et de "
            "vos donateurs."
        ),
        "summary_en": (
            "Share the campaign on your website and social media, and with your staff, board, "
            "members and donors."
        ),
        "details_fr": (
            "Publiez un court texte sur votre site et vos réseaux, glissez un paragraphe dans "
            "votre prochaine infolettre, présentez la campagne lors d’une réunion d’équipe ou du "
            "conseil d’administration. Chaque personne peut aussi agir à titre individuel : écrire "
            "à son ou sa député·e, en parler autour d’elle.\n\n"
            "Si vous partagez des témoignages, faites-le seulement avec l’accord clair des "
            "personnes concernées, et sans aucun détail qui pourrait mettre leur famille en danger."
        ),
        "details_en": (
            "Post a short message on your website and social media, add a paragraph to your next "
            "newsletter, and present the campaign at a staff or board meeting. Everyone can also "
            "act as an individual: write to their MP, talk about it with the people they know.\n\n"
            "If you share personal stories, do so only with the clear consent of the people "
            "involved, and leave out anything that could put their family at risk."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-talk-to-mp",
        "position": 1,
        "title_fr": "Parler à votre député·e",
        "title_en": "Talk to your MP",
        "summary_fr": (
            "Écrivez à votre député·e ou, mieux encore, allez lui parler. Le plus efficace : une "
            "visite avec une ou plusieurs personnes touchées et une personne qui les soutient, par "
            "exemple quelqu’un d’un organisme."
        ),
        "summary_en": (
            "Write to your MP or, better still, talk to them. Best of all, visit together with one "
            "or more people affected by family separation and a supporter, perhaps someone from a "
            "community organization."
        ),
        "details_fr": (
            "Vous pouvez demander un rendez-vous à son bureau de circonscription : rencontrer les "
            "gens de la circonscription fait partie du travail d’une ou d’un député·e. "
            "Présentez-vous comme une personne qui habite la circonscription, expliquez simplement "
            "la demande et demandez son appui. Si des personnes touchées vous accompagnent, ce "
            "sont elles qui décident de ce qu’elles racontent.\n\n"
            "Vous êtes une personne réfugiée séparée de votre famille ? Une lettre modèle a été "
            "préparée pour vous : vous la trouverez dans les ressources à télécharger. Vous y "
            "partagez seulement ce que vous voulez. Une lettre envoyée par la poste à une ou un "
            "député·e, à la Chambre des communes, n’a pas besoin de timbre."
        ),
        "details_en": (
            "You can ask for an appointment at your MP’s riding office: meeting the people who "
            "live in the riding is part of an MP’s job. Introduce yourself as someone who lives "
            "there, explain the request simply and ask for their support. If people affected by "
            "family separation come with you, they decide what they share.\n\n"
            "Are you a refugee separated from your family? There is a template letter written for "
            "you in the resources to download, and you share only what you choose to. Letters "
            "mailed to an MP at the House of Commons need no stamp."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-call-mp",
        "position": 1,
        "title_fr": "Appeler votre député·e",
        "title_en": "Call your MP",
        "summary_fr": (
            "Un appel de deux minutes à son bureau compte : on vous donne le numéro et un court "
            "texte à adapter."
        ),
        "summary_en": (
            "A two-minute call to their office counts: we give you the number and a short script "
            "to adapt."
        ),
        "details_fr": (
            "Le personnel note les appels des gens de la circonscription et en fait part à la ou "
            "au député·e. Dites votre nom, que vous habitez la circonscription, et demandez son "
            "appui aux permis de séjour temporaire pour les familles des personnes réfugiées. "
            "Ensuite, dites-nous en un clic comment ça s’est passé."
        ),
        "details_en": (
            "Staff keep track of calls from people in the riding and tell the MP about them. Say "
            "your name, that you live in the riding, and ask for their support for temporary "
            "resident permits for refugees’ families. Then tell us in one tap how it went."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-visit-mp",
        "position": 1,
        "title_fr": "Rencontrer votre député·e avec des personnes touchées",
        "title_en": "Visit your MP with people affected",
        "summary_fr": (
            "Le plus efficace : demander un rendez-vous et y aller avec une personne séparée de sa "
            "famille et une personne qui la soutient."
        ),
        "summary_en": (
            "Most effective of all: ask for an appointment and go with a person separated from "
            "their family and a supporter."
        ),
        "details_fr": (
            "Nous préparons la demande de rendez-vous avec vous, vous aidons à inviter votre "
            "délégation par courriel et vous donnons une trousse pour la rencontre. Les personnes "
            "touchées décident de ce qu’elles racontent."
        ),
        "details_en": (
            "We prepare the meeting request with you, help you invite your delegation by email "
            "and give you a kit for the meeting. People affected decide what they share."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-write-minister",
        "position": 2,
        "title_fr": "Écrire à la ministre",
        "title_en": "Write to the Minister",
        "summary_fr": (
            "Écrivez à la ministre de l’Immigration, des Réfugiés et de la Citoyenneté pour lui "
            "demander de délivrer ces permis, avec une copie à votre député·e."
        ),
        "summary_en": (
            "Write to the Minister of Immigration, Refugees and Citizenship to ask for these "
            "permits, with a copy to your MP."
        ),
        "details_fr": (
            "Quelques phrases sincères suffisent : qui vous êtes, pourquoi la question vous "
            "touche, ce que vous demandez. Une lettre écrite avec vos propres mots a plus de poids "
            "qu’un texte copié. Restez courtois et concret.\n\n"
            "La copie à votre député·e lui montre que des gens de sa circonscription suivent la "
            "question de près."
        ),
        "details_en": (
            "A few sincere sentences are enough: who you are, why this matters to you and what you "
            "are asking for. A letter in your own words carries more weight than copied text. Keep "
            "it polite and specific.\n\n"
            "The copy to your MP shows that people in their riding are following the issue."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-social-media",
        "position": 3,
        "title_fr": "En parler sur les réseaux sociaux",
        "title_en": "Post on social media",
        "summary_fr": (
            "Publiez un message sur la séparation des familles de personnes réfugiées et sur ce "
            "que vous faites pour que ça change, et invitez d’autres personnes à agir."
        ),
        "summary_en": (
            "Post about the family separation that people who are refugees live with, say what you "
            "are doing about it, and encourage others to act."
        ),
        "details_fr": (
            "Dites en quelques mots pourquoi la question vous tient à cœur et ce que vous avez "
            "fait, par exemple que vous avez écrit à la ministre aujourd’hui. Vous pouvez "
            "identifier votre député·e pour que son bureau voie la publication.\n\n"
            "Si vous parlez d’une famille que vous connaissez, demandez-lui d’abord son accord, et "
            "ne donnez ni noms ni lieux."
        ),
        "details_en": (
            "In a few words, say why this matters to you and what you did, for example that you "
            "wrote to the Minister today. You can tag your MP so their office sees the post.\n\n"
            "If you mention a family you know, ask them first, and never share names or places."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "individuals",
        "key": "ind-contact-organizations",
        "position": 4,
        "title_fr": "Contacter des organismes",
        "title_en": "Reach out to organizations",
        "summary_fr": (
            "Communiquez avec des organismes que vous connaissez et demandez-leur d’appuyer la "
            "demande de permis de séjour temporaire."
        ),
        "summary_en": (
            "Get in touch with organizations you know and ask them to support the request for "
            "temporary resident permits."
        ),
        "details_fr": (
            "Pensez à votre lieu de culte, à votre syndicat, à une association de quartier, au "
            "centre communautaire que vous fréquentez. Un message personnel fait souvent la "
            "différence : vous connaissez les gens et vous savez à qui vous adresser.\n\n"
            "Expliquez la demande en deux ou trois phrases et proposez un premier geste : appuyer "
            "la recommandation, puis écrire à la ministre. La fiche d’information peut vous aider."
        ),
        "details_en": (
            "Think of your place of worship, your union, a neighbourhood association, the "
            "community centre you go to. A personal message often makes the difference: you know "
            "the people and who to ask.\n\n"
            "Explain the request in two or three sentences and suggest a first step: endorse the "
            "recommendation, then write to the Minister. The fact sheet can help."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "everyone",
        "key": "report-back",
        "position": 1,
        "title_fr": "Retour sur vos efforts de plaidoyer",
        "title_en": "Report back on your advocacy",
        "summary_fr": (
            "Dites-nous quelles stratégies vous avez utilisées et ce que vos démarches ont donné."
        ),
        "summary_en": "Tell us which strategies you used and what came of your efforts.",
        "details_fr": (
            "Chaque retour nous aide à savoir quels bureaux appuient la demande, qui hésite encore "
            "et où il reste du travail. Racontez-nous ce que vous avez fait, auprès de qui, et ce "
            "qu’on vous a répondu. Une réponse vague, ou pas de réponse du tout, c’est aussi une "
            "information utile.\n\n"
            "N’indiquez aucun détail sur les membres de votre famille."
        ),
        "details_en": (
            "Every report helps us see which offices support the request, who is still undecided "
            "and where more work is needed. Tell us what you did, with whom, and what they said. A "
            "vague answer, or no answer at all, is useful to know too.\n\n"
            "Please leave out any details about your family members."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "everyone",
        "key": "results",
        "position": 1,
        "title_fr": "Voir les résultats",
        "title_en": "See the results",
        "summary_fr": (
            "Ce que la campagne a accompli jusqu’ici, et où en sont les député·e·s sur la demande."
        ),
        "summary_en": "What the campaign has done so far, and where MPs stand on the request.",
        "details_fr": "",
        "details_en": "",
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
    {
        "audience": "everyone",
        "key": "contact",
        "position": 2,
        "title_fr": "Nous joindre",
        "title_en": "Contact us",
        "summary_fr": (
            "Une question sur la campagne, une lettre ou une rencontre ? Écrivez à l’équipe de la "
            "campagne."
        ),
        "summary_en": (
            "A question about the campaign, a letter or a meeting? Write to the campaign team."
        ),
        "details_fr": (
            "Nous pouvons vous aider à adapter une lettre, à préparer une rencontre avec une ou un "
            "député·e ou à mobiliser votre organisme. Écrivez-nous en français ou en anglais."
        ),
        "details_en": (
            "We can help you adapt a letter, prepare for a meeting with an MP or get your "
            "organization involved. Write to us in English or French."
        ),
        "link_url": "",
        "link_label_fr": "",
        "link_label_en": "",
    },
]

RESOURCES = [
    {
        "language": "fr",
        "position": 1,
        "title": "Lettre modèle d’un organisme à la ministre de l’Immigration",
        "description": (
            "Une lettre à adapter au nom de votre organisme, adressée à la ministre de "
            "l’Immigration, des Réfugiés et de la Citoyenneté, avec copie à votre député·e."
        ),
        "filename": "lettre-modele-organisme-ministre.docx",
        "paragraphs": [
            (
                "Mode d’emploi : remplacez les passages entre crochets, supprimez ceux qui ne "
                "s’appliquent pas et ajoutez ce que votre organisme observe sur le terrain. Avant "
                "l’envoi, vérifiez le nom de la personne titulaire du ministère : les ministres "
                "changent. Si votre organisme est local, envoyez une copie à votre député·e."
            ),
            "[Nom de l’organisme]\n[Adresse]\n[Date]",
            (
                "L’honorable Lena Metlege Diab\nMinistre de l’Immigration, des Réfugiés et de la "
                "Citoyenneté\n365, avenue Laurier Ouest\nOttawa (Ontario) K1A 1L1"
            ),
            (
                "Objet : Permis de séjour temporaire pour les membres de la famille des personnes "
                "réfugiées"
            ),
            "Madame la Ministre,",
            (
                "Nous vous écrivons au nom de [Nom de l’organisme], [une phrase sur votre "
                "organisme et les personnes que vous servez]."
            ),
            (
                "Nous accompagnons des personnes qui ont trouvé refuge au Canada. Beaucoup ont "
                "demandé la résidence permanente pour elles-mêmes et pour des membres de leur "
                "famille proche qui vivent à l’étranger. Pendant le traitement de ces demandes, "
                "les familles attendent séparées, souvent pendant des années. Des enfants "
                "grandissent loin d’un parent, des proches vivent parfois dans des conditions "
                "dangereuses, et les personnes réfugiées reconstruisent leur vie ici en portant "
                "une inquiétude de tous les jours."
            ),
            (
                "[Facultatif : ce que votre organisme constate dans son travail, sans nommer "
                "personne ni donner de détail qui permettrait de reconnaître une famille.]"
            ),
            (
                "Vous avez le pouvoir de délivrer des permis de séjour temporaire. Nous vous "
                "demandons de l’exercer en faveur des membres de la famille des personnes "
                "réfugiées dont la demande de résidence permanente est en cours de traitement, "
                "afin que les familles puissent vivre réunies au Canada pendant l’attente. Les "
                "demandes suivraient leur cours normal : les familles attendraient simplement la "
                "décision ensemble."
            ),
            (
                "Réunies, les familles sont mieux à même de s’installer, de travailler, d’étudier "
                "et de participer à la vie de leur collectivité. Les réunir plus tôt répond aussi "
                "à l’objectif de réunification familiale de la loi canadienne sur l’immigration."
            ),
            (
                "Nous aimerions en discuter avec vous ou avec votre cabinet. Nous vous remercions "
                "de l’attention que vous porterez à cette demande."
            ),
            "Veuillez agréer, Madame la Ministre, l’expression de notre haute considération.",
            (
                "[Nom de la personne signataire]\n[Fonction]\n[Nom de l’organisme]\n[Courriel et "
                "numéro de téléphone]"
            ),
            (
                "c. c. : [Nom de votre député·e], député·e de [circonscription] [si votre "
                "organisme est local]"
            ),
        ],
    },
    {
        "language": "fr",
        "position": 2,
        "title": "Lettre modèle à votre député·e pour une personne réfugiée séparée de sa famille",
        "description": (
            "Une lettre simple, à la première personne, à adapter avec vos propres mots. Vous "
            "partagez seulement ce que vous voulez. Envoyée à la Chambre des communes, elle n’a "
            "pas besoin de timbre."
        ),
        "filename": "lettre-modele-personne-refugiee-depute.docx",
        "paragraphs": [
            (
                "Important, pour la sécurité de vos proches : n’écrivez rien qui pourrait les "
                "mettre en danger. Ne donnez pas l’endroit exact où se trouve votre famille, ni "
                "les noms complets de vos proches, ni aucun détail qui permettrait de les "
                "retrouver. Une lettre peut être lue par plusieurs personnes."
            ),
            (
                "Comment utiliser cette lettre : les passages entre crochets sont facultatifs. "
                "Gardez ceux qui vous conviennent, effacez les autres et changez les mots que vous "
                "voulez. Vous n’avez pas à raconter votre histoire : une lettre courte suffit."
            ),
            (
                "Envoi : une lettre envoyée par la poste à une ou un député·e à la Chambre des "
                "communes n’a pas besoin de timbre. Adresse : [Nom de votre député·e], Chambre des "
                "communes, Ottawa (Ontario) K1A 0A6. Vous pouvez aussi l’envoyer par courriel."
            ),
            "[Votre nom]\n[Votre adresse]\n[Date]",
            (
                "[Nom de votre député·e]\nDéputé·e de [circonscription]\nChambre des communes\n"
                "Ottawa (Ontario) K1A 0A6"
            ),
            (
                "Objet : Réunir ma famille pendant le traitement de notre demande de résidence "
                "permanente"
            ),
            "[Madame la Députée, / Monsieur le Député,]",
            (
                "Je m’appelle [votre prénom] et j’habite dans votre circonscription, à [ville ou "
                "quartier]. J’ai trouvé refuge au Canada et j’ai demandé la résidence permanente "
                "pour moi et pour ma famille."
            ),
            (
                "[Facultatif, qui attend, par exemple : « Mon conjoint et nos enfants attendent à "
                "l’étranger. »] [Facultatif, depuis quand, par exemple : « Nous sommes séparés "
                "depuis (mois et année). »]"
            ),
            (
                "[Facultatif : ce que cette séparation change pour vous et votre famille, par "
                "exemple pour les enfants, pour votre santé, pour votre travail ou vos études ici.]"
            ),
            (
                "Je vous écris pour vous demander votre aide. Le gouvernement du Canada peut "
                "délivrer des permis de séjour temporaire. Un tel permis permettrait à ma famille "
                "de vivre avec moi au Canada pendant le traitement de notre demande de résidence "
                "permanente. Nous attendrions la décision ensemble, et non plus loin les uns des "
                "autres."
            ),
            (
                "Je vous demande d’appuyer cette demande et d’en parler à la ministre de "
                "l’Immigration, des Réfugiés et de la Citoyenneté. [Facultatif : J’aimerais vous "
                "rencontrer pour en discuter.]"
            ),
            "Merci d’avoir pris le temps de me lire. J’espère recevoir votre réponse.",
            (
                "Je vous prie d’agréer, [Madame la Députée / Monsieur le Député], mes salutations "
                "distinguées."
            ),
            "[Votre nom]\n[Votre courriel ou votre numéro de téléphone]",
        ],
    },
    {
        "language": "fr",
        "position": 3,
        "title": "Fiche d’information : des permis de séjour temporaire pour réunir les familles",
        "description": (
            "Une page pour expliquer la demande à une ou un député·e, à un organisme ou à votre "
            "entourage. À laisser après une rencontre."
        ),
        "filename": "fiche-information-permis-sejour-temporaire.docx",
        "paragraphs": [
            "Ce que nous demandons",
            (
                "Que le gouvernement du Canada délivre des permis de séjour temporaire aux membres "
                "de la famille des personnes réfugiées, pour que les familles puissent vivre "
                "réunies au Canada pendant le traitement de leur demande de résidence permanente."
            ),
            "Le problème",
            (
                "Une personne réfugiée au Canada peut inclure dans sa demande de résidence "
                "permanente des membres de sa famille proche qui vivent à l’étranger. Tant que la "
                "demande n’est pas acceptée, la famille reste en général séparée, souvent pendant "
                "des années. Des enfants grandissent loin d’un parent. Des proches vivent parfois "
                "dans des situations précaires ou dangereuses. Ici, la personne réfugiée "
                "reconstruit sa vie avec cette inquiétude de tous les jours."
            ),
            "La solution",
            (
                "La Loi sur l’immigration et la protection des réfugiés prévoit le permis de "
                "séjour temporaire : il permet à une personne de venir ou de rester au Canada pour "
                "une période déterminée lorsque les circonstances le justifient, même si elle ne "
                "remplit pas toutes les conditions habituelles. La ministre de l’Immigration, des "
                "Réfugiés et de la Citoyenneté a le pouvoir d’en délivrer."
            ),
            (
                "Délivré aux membres de la famille, ce permis leur permettrait d’attendre au "
                "Canada, auprès de leur proche, la décision sur la demande de résidence "
                "permanente. La demande suivrait son cours normal : seul le lieu de l’attente "
                "changerait."
            ),
            "Pourquoi c’est une bonne idée",
            "• Les enfants grandissent auprès de leurs parents.",
            (
                "• Il est plus facile d’apprendre une langue, de travailler ou d’étudier quand on "
                "ne vit pas dans l’inquiétude constante pour les siens."
            ),
            "• Une longue séparation pèse sur la santé, en particulier sur la santé mentale.",
            (
                "• La réunification des familles est un objectif de la loi canadienne sur "
                "l’immigration."
            ),
            "• La mesure s’appuie sur un pouvoir qui existe déjà.",
            "Ce que vous pouvez faire",
            (
                "Écrire à la ministre, avec copie à votre député·e. Rencontrer votre député·e avec "
                "une personne qui vit la séparation familiale. Demander l’appui de votre "
                "gouvernement provincial. En parler dans vos réseaux. Et nous dire ce que vos "
                "démarches ont donné."
            ),
            "Une campagne du Conseil pour les droits des personnes réfugiées (démo).",
        ],
    },
    {
        "language": "en",
        "position": 1,
        "title": "Template letter from an organization to the Minister of Immigration",
        "description": (
            "A letter to adapt and send on behalf of your organization to the Minister of "
            "Immigration, Refugees and Citizenship, with a copy to your MP."
        ),
        "filename": "template-letter-organization-to-minister.docx",
        "paragraphs": [
            (
                "How to use this template: replace the text in brackets, delete anything that does "
                "not apply, and add what your organization sees in its work. Before sending, check "
                "that the Minister’s name is still current: ministers change. If you are a local "
                "organization, send a copy to your MP."
            ),
            "[Organization name]\n[Address]\n[Date]",
            (
                "The Honourable Lena Metlege Diab\nMinister of Immigration, Refugees and "
                "Citizenship\n365 Laurier Avenue West\nOttawa ON K1A 1L1"
            ),
            "Re: Temporary resident permits for the family members of refugees",
            "Dear Minister,",
            (
                "We are writing on behalf of [Organization name], [one sentence about your "
                "organization and the people you serve]."
            ),
            (
                "We work alongside people who have found safety in Canada as refugees. Many of "
                "them have applied for permanent residence for themselves and for close family "
                "members who live abroad. While those applications are processed, families wait "
                "apart, often for years. Children grow up far from a parent, family members abroad "
                "sometimes live in unsafe conditions, and people here rebuild their lives while "
                "carrying constant worry."
            ),
            (
                "[Optional: what your organization sees in its work, without naming anyone or "
                "giving any detail that could identify a family.]"
            ),
            (
                "You have the power to issue temporary resident permits. We ask you to use it for "
                "the family members of refugees whose permanent residence applications are in "
                "process, so that families can live together in Canada while they wait. The "
                "applications would follow their normal course; families would simply wait for the "
                "decision together."
            ),
            (
                "Families who are together are better able to settle, work, study and take part in "
                "their communities. Reuniting them sooner also serves the family reunification "
                "objective of Canada’s immigration law."
            ),
            (
                "We would welcome the opportunity to discuss this with you or your office. Thank "
                "you for your attention to this request."
            ),
            "Sincerely,",
            "[Name of the person signing]\n[Title]\n[Organization name]\n[Email and phone number]",
            (
                "cc: [Your MP’s name], Member of Parliament for [riding] [if you are a local "
                "organization]"
            ),
        ],
    },
    {
        "language": "en",
        "position": 2,
        "title": "Template letter to your MP for refugees separated from their family",
        "description": (
            "A short first-person letter to adapt in your own words. You share only what you "
            "choose to. Mailed to the House of Commons, it needs no stamp."
        ),
        "filename": "template-letter-refugee-to-mp.docx",
        "paragraphs": [
            (
                "Important, for your family’s safety: do not write anything that could put your "
                "family members at risk. Do not give the exact place where they are, their full "
                "names, or any other detail that could help someone find them. Several people may "
                "read a letter."
            ),
            (
                "How to use this letter: the parts in brackets are optional. Keep the ones that "
                "fit, delete the others and change any words you like. You do not have to tell "
                "your story; a short letter is enough."
            ),
            (
                "Sending it: a letter mailed to an MP at the House of Commons needs no stamp. "
                "Address: [Your MP’s name], House of Commons, Ottawa ON K1A 0A6. You can also send "
                "it by email."
            ),
            "[Your name]\n[Your address]\n[Date]",
            (
                "[Your MP’s name]\nMember of Parliament for [riding]\nHouse of Commons\nOttawa ON "
                "K1A 0A6"
            ),
            "Re: Keeping my family together while our permanent residence application is processed",
            "Dear [Your MP’s name],",
            (
                "My name is [first name] and I live in your riding, in [town or neighbourhood]. I "
                "found safety in Canada as a refugee, and I have applied for permanent residence "
                "for myself and my family."
            ),
            (
                "[Optional, who is waiting, for example: “My wife and our children are waiting "
                "abroad.”] [Optional, for how long, for example: “We have been apart since (month "
                "and year).”]"
            ),
            (
                "[Optional: what the separation means for you and your family, for example for the "
                "children, for your health, or for your work or studies here.]"
            ),
            (
                "I am writing to ask for your help. The Government of Canada can issue temporary "
                "resident permits. A permit would allow my family to live with me in Canada while "
                "our permanent residence application is processed. We would wait for the decision "
                "together, not apart."
            ),
            (
                "Please support this request and raise it with the Minister of Immigration, "
                "Refugees and Citizenship. [Optional: I would welcome the chance to meet you and "
                "talk about it.]"
            ),
            "Thank you for taking the time to read my letter. I look forward to your reply.",
            "Sincerely,",
            "[Your name]\n[Your email or phone number]",
        ],
    },
    {
        "language": "en",
        "position": 3,
        "title": "Fact sheet: temporary resident permits to keep families together",
        "description": (
            "One page explaining the request, for an MP, an organization or the people around you. "
            "Leave it behind after a meeting."
        ),
        "filename": "fact-sheet-temporary-resident-permits.docx",
        "paragraphs": [
            "What we are asking for",
            (
                "That the Government of Canada issue temporary resident permits to the family "
                "members of people who are refugees, so that families can live together in Canada "
                "while their permanent residence applications are processed."
            ),
            "The problem",
            (
                "A person who is a refugee in Canada can include close family members who live "
                "abroad in their application for permanent residence. Until the application is "
                "approved, the family usually waits apart, often for years. Children grow up far "
                "from a parent. Family members abroad sometimes remain in unsafe or uncertain "
                "situations. Here, people rebuild their lives while worrying about them every day."
            ),
            "The solution",
            (
                "The Immigration and Refugee Protection Act provides for temporary resident "
                "permits. A permit allows a person to come to or stay in Canada for a set period "
                "when the circumstances justify it, even if they do not meet all the usual "
                "requirements. The Minister of Immigration, Refugees and Citizenship has the power "
                "to issue them."
            ),
            (
                "Issued to family members, a permit would let them wait in Canada, with their "
                "loved one, for the decision on the permanent residence application. The "
                "application would follow its normal course; only the place where families wait "
                "would change."
            ),
            "Why it makes sense",
            "• Children grow up with their parents.",
            (
                "• It is easier to learn a language, work or study without constant worry about "
                "your family."
            ),
            "• Long separations take a toll on health, especially mental health.",
            "• Reuniting families is one of the objectives of Canada’s immigration law.",
            "• It relies on a power that already exists.",
            "What you can do",
            (
                "Write to the Minister, with a copy to your MP. Meet your MP together with someone "
                "who is living family separation. Ask your provincial government for support. "
                "Raise the issue in your networks. And tell us what came of your efforts."
            ),
            "A campaign by the Council for Refugee Rights (demo).",
        ],
    },
]


def campaign_fields():
    return {key: value for key, value in CAMPAIGN.items() if key != "slug"}
