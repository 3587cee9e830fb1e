from portevoix.meetings import actions
from portevoix.meetings.models import Place

FORM_DATA = {
    "name": "Amélie Côté",
    "email": "Amelie@Example.org",
    "organization": "Accueil Plateau",
    "proposed_times": "Any weekday morning in March",
    "place": Place.CONSTITUENCY_OFFICE,
    "place_details": "",
}


def make_meeting(campaign, template, mp, language="en", **changes):
    data = {**FORM_DATA, **changes}
    data["email"] = data["email"].lower()
    return actions.request_meeting(
        campaign=campaign,
        template=template,
        target=actions.target_for_district(mp.district),
        data=data,
        slots=[],
        language=language,
    )
