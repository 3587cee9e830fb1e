# ruff: noqa: E501  (prose, one paragraph per line)
"""The meeting kit, in French and in English: one source for the page and the leave-behind PDF.

Only what can be said with confidence: no figures we could not check.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portevoix.letters.rendering import new_pdf

KIT = {
    "fr": {
        "title": "Trousse de rencontre",
        "leave_behind_title": "Réunir les familles des personnes réfugiées",
        "ask_heading": "Notre demande",
        "ask": "Que le gouvernement du Canada délivre des permis de séjour temporaire (PST) aux membres de la famille des personnes réfugiées, afin qu'ils puissent vivre au Canada pendant le traitement de leur demande de résidence permanente, au lieu d'attendre séparés pendant des années.",
        "points_heading": "Points à faire valoir",
        "points": [
            "Des personnes que le Canada a reconnues comme réfugiées attendent souvent des années que leur conjoint, leur conjointe ou leurs enfants les rejoignent.",
            "Pendant cette attente, ces proches restent à l'étranger, parfois dans des situations dangereuses.",
            "La séparation pèse sur la santé des parents et des enfants, et freine l'apprentissage de la langue, l'emploi et l'intégration.",
            "Le permis de séjour temporaire existe déjà dans la loi : il permettrait aux familles d'être ensemble pendant que leur dossier suit son cours. Les vérifications de sécurité et de santé restent faites.",
            "Les provinces et les communautés qui accueillent ces familles ont elles aussi intérêt à ce qu'elles soient réunies tôt.",
        ],
        "request_heading": "Ce que nous vous demandons",
        "requests": [
            "Appuyer publiquement la délivrance de PST aux membres de la famille des personnes réfugiées.",
            "Porter cette demande auprès du ministre de l'Immigration, des Réfugiés et de la Citoyenneté.",
            "Nous dire ce que vous comptez faire, et quand nous pouvons en reparler.",
        ],
        "bring_heading": "Quoi apporter",
        "bring": [
            "Le document à laisser (une page, ci-dessous), imprimé en quelques exemplaires.",
            "Le nom et le rôle de chaque membre de la délégation.",
            "Une ou deux situations concrètes, racontées seulement avec l'accord des personnes concernées.",
            "De quoi noter ce qui est dit, pour le compte rendu.",
        ],
        "flow_heading": "Comment se déroule souvent une rencontre",
        "flow": [
            "Les rencontres sont souvent courtes : prévoyez de dire l'essentiel en quelques minutes.",
            "Présentez-vous chacun en une phrase, puis énoncez la demande clairement.",
            "Une personne qui vit la séparation familiale peut dire ce que l'attente représente, si elle le souhaite. Elle choisit ce qu'elle partage.",
            "Écoutez la réponse, posez une question précise (« Appuierez-vous cette demande ? »), et notez les engagements.",
            "Laissez le document d'une page, remerciez, et convenez d'un suivi.",
        ],
        "safety_heading": "Protéger les personnes de la délégation",
        "safety": "Une personne qui vit la séparation familiale n'a rien à dire sur les membres de sa famille à l'étranger : ni noms, ni lieux, ni détails. Elle choisit ce qu'elle partage, peut ne rien dire du tout, et peut se retirer à tout moment. Ne prenez pas de photo et ne publiez rien sans son accord.",
        "questions_heading": "Questions auxquelles vous attendre",
        "questions": [
            (
                "Le traitement des demandes n'est-il pas déjà en cours ?",
                "Oui, et c'est justement l'attente qui pose problème. Le PST ne remplace pas la demande de résidence permanente : il permet à la famille d'être réunie pendant son traitement.",
            ),
            (
                "Et la sécurité ?",
                "Un PST n'est délivré qu'après les vérifications habituelles de sécurité et de santé, comme pour tout permis temporaire.",
            ),
            (
                "Pourquoi ne pas simplement accélérer le traitement ?",
                "Nous appuyons aussi un traitement plus rapide. Mais le PST peut réunir les familles dès maintenant, avec un outil que la loi prévoit déjà.",
            ),
            (
                "Qu'attendez-vous de moi concrètement ?",
                "Que vous appuyiez publiquement la demande et que vous la portiez auprès du ministre de l'Immigration, des Réfugiés et de la Citoyenneté.",
            ),
        ],
        "after_heading": "Après la rencontre",
        "after": "Remerciez le bureau par courriel le jour même, en rappelant ce qui a été convenu. Remplissez ensuite le compte rendu de la rencontre : il aide la campagne à savoir où en est chaque député·e.",
        "contact_heading": "Pour nous joindre",
        "pdf_link": "Télécharger le document à laisser (PDF, une page)",
    },
    "en": {
        "title": "Meeting kit",
        "leave_behind_title": "Reunite refugees' families",
        "ask_heading": "Our ask",
        "ask": "That the Government of Canada issue temporary resident permits (TRPs) to the family members of refugees, so that they can live in Canada while their permanent residence applications are processed, instead of waiting apart for years.",
        "points_heading": "Talking points",
        "points": [
            "People whom Canada has recognized as refugees often wait years for their spouses or children to join them.",
            "While they wait, these family members remain abroad, sometimes in dangerous situations.",
            "Separation harms the health of parents and children, and slows down language learning, work and settlement.",
            "The temporary resident permit already exists in the law: it would let families be together while their files are processed. Security and medical checks are still done.",
            "The provinces and communities that welcome these families also gain when they are reunited early.",
        ],
        "request_heading": "What we ask of you",
        "requests": [
            "Publicly support issuing TRPs to the family members of refugees.",
            "Raise this request with the Minister of Immigration, Refugees and Citizenship.",
            "Tell us what you will do, and when we can talk about it again.",
        ],
        "bring_heading": "What to bring",
        "bring": [
            "The one-page leave-behind (below), printed in a few copies.",
            "The name and role of each member of the delegation.",
            "One or two concrete situations, told only with the agreement of the people concerned.",
            "Something to take notes with, for the report.",
        ],
        "flow_heading": "How a meeting usually goes",
        "flow": [
            "Meetings are often short: plan to say what matters most in a few minutes.",
            "Introduce yourselves in one sentence each, then state the ask clearly.",
            "Someone living family separation can say what the wait means, if they wish. They choose what they share.",
            "Listen to the answer, ask a precise question (\u201cWill you support this request?\u201d), and note any commitments.",
            "Leave the one-page document, say thank you, and agree on a follow-up.",
        ],
        "safety_heading": "Keeping the delegation safe",
        "safety": "Someone living family separation does not have to say anything about their family members abroad: no names, no places, no details. They choose what they share, may say nothing at all, and can withdraw at any time. Take no photos and publish nothing without their agreement.",
        "questions_heading": "Questions to expect",
        "questions": [
            (
                "Aren't these applications already being processed?",
                "Yes, and the wait is exactly the problem. A TRP does not replace the permanent residence application: it lets the family be together while it is processed.",
            ),
            (
                "What about security?",
                "A TRP is issued only after the usual security and medical checks, as for any temporary permit.",
            ),
            (
                "Why not just speed up processing?",
                "We support faster processing too. But TRPs can reunite families now, with a tool the law already provides.",
            ),
            (
                "What exactly do you want me to do?",
                "Publicly support the request and raise it with the Minister of Immigration, Refugees and Citizenship.",
            ),
        ],
        "after_heading": "After the meeting",
        "after": "Thank the office by email the same day, restating what was agreed. Then file the meeting report: it helps the campaign know where each MP stands.",
        "contact_heading": "Contact us",
        "pdf_link": "Download the leave-behind (PDF, one page)",
    },
}


def kit_for(language):
    return KIT["fr" if language == "fr" else "en"]


def contact_lines(campaign, language):
    with translation.override(language):
        lines = [campaign.organization_name]
        if campaign.contact_email:
            lines.append(campaign.contact_email)
        lines.append(settings.SITE_URL + reverse("campaigns:detail", args=[campaign.slug]))
    return [line for line in lines if line]


def render_leave_behind(campaign, language):
    """The one-page leave-behind as PDF, with the same fonts and shaping as letters."""
    with translation.override(language):
        return leave_behind_pdf(campaign, language)


def leave_behind_pdf(campaign, language):
    kit = kit_for(language)
    pdf = new_pdf(
        title=kit["leave_behind_title"], language=language, margins=(20, 18, 20), bottom_margin=15
    )
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(0, 8, kit["leave_behind_title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, campaign.organization_name, new_x="LMARGIN", new_y="NEXT")
    heading(pdf, kit["ask_heading"])
    paragraph(pdf, kit["ask"])
    heading(pdf, kit["points_heading"])
    for point in kit["points"]:
        paragraph(pdf, "• " + point)
    heading(pdf, kit["request_heading"])
    for request in kit["requests"]:
        paragraph(pdf, "• " + request)
    heading(pdf, kit["contact_heading"])
    for line in contact_lines(campaign, language):
        paragraph(pdf, line)
    return bytes(pdf.output())


def heading(pdf, text):
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def paragraph(pdf, text):
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
