"""From the request letter's preview, "change the recipients" leads to the meeting's own choice."""

from django.urls import reverse
from django.utils import timezone

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import MinisterFactory, PremierFactory
from portevoix.meetings.models import MeetingRequest
from portevoix.meetings.tests.helpers import make_meeting


def change_url(meeting):
    return reverse("meetings:change_target", args=[meeting.campaign.slug, meeting.private_token()])


def test_the_preview_of_a_request_links_to_the_meetings_choice_not_the_mp_step(
    client, campaign, mp, request_template
):
    meeting = make_meeting(campaign, request_template, mp)
    letter = meeting.letter
    page = client.get(letter.step_url("preview")).content.decode()
    assert change_url(meeting) in page
    assert "Change whom you ask to meet" in page
    assert letter.step_url("recipients") not in page
    # The letters app's own recipients step sends the organizer there too.
    response = client.get(letter.step_url("recipients"))
    assert response.status_code == 302
    assert response["Location"] == change_url(meeting)


def test_an_ordinary_letter_keeps_its_recipients_step(client, campaign):
    from portevoix.letters.tests.factories import LetterFactory

    letter = LetterFactory(template__campaign=campaign)
    assert letter.recipients_url() == letter.step_url("recipients")


def test_the_organizer_asks_the_minister_instead_and_the_letter_is_written_for_her(
    client, campaign, mp, request_template
):
    meeting = make_meeting(campaign, request_template, mp)
    minister = MinisterFactory()
    choice = client.get(change_url(meeting))
    assert choice.status_code == 200
    assert f"?office={minister.pk}" in choice.content.decode()

    confirm = client.get(change_url(meeting) + f"?office={minister.pk}")
    assert confirm.status_code == 200
    assert "Ask L&#x27;hon. Lena Exemple" in confirm.content.decode()
    meeting.refresh_from_db()
    assert meeting.representative == mp  # a GET changes nothing

    response = client.post(change_url(meeting), {"office": minister.pk})
    assert response.status_code == 302
    meeting.refresh_from_db()
    letter = Letter.objects.get(pk=meeting.letter_id)
    assert response["Location"] == letter.step_url("preview")
    assert meeting.office_holder == minister and meeting.representative is None
    assert meeting.with_name == "L'hon. Lena Exemple"
    assert letter.to_email == "minister@cic.example"
    assert letter.body.startswith("Dear Minister,")
    assert "Any weekday morning in March" in letter.body
    assert Letter.objects.count() == 1 and MeetingRequest.objects.count() == 1


def test_a_premier_chosen_by_province_in_french(client, campaign, mp, request_template):
    from django.utils import translation

    meeting = make_meeting(campaign, request_template, mp, language="fr")
    premier = PremierFactory()
    with translation.override("fr"):
        url = change_url(meeting)
    page = client.get(url + "?province=QC").content.decode()
    assert f"?office={premier.pk}" in page
    client.post(url, {"office": premier.pk})
    letter = Letter.objects.get(pk=meeting.letter_id)
    assert letter.body.startswith("Monsieur le Premier Ministre,")


def test_the_choice_is_closed_once_the_request_has_left(client, campaign, mp, request_template):
    meeting = make_meeting(campaign, request_template, mp)
    minister = MinisterFactory()
    now = timezone.now()
    Letter.objects.filter(pk=meeting.letter_id).update(
        status=Letter.Status.QUEUED, confirmed_at=now, next_attempt_at=now
    )
    assert client.get(change_url(meeting)).status_code == 302
    response = client.post(change_url(meeting), {"office": minister.pk})
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    meeting.refresh_from_db()
    assert meeting.representative == mp


def test_a_forged_target_or_link_changes_nothing(client, campaign, mp, request_template):
    meeting = make_meeting(campaign, request_template, mp)
    response = client.post(change_url(meeting), {"office": "999999"})
    assert response.status_code == 302
    assert response["Location"] == change_url(meeting)
    response = client.post(change_url(meeting), {"office": "not-a-number"})
    assert response.status_code == 302
    forged = reverse("meetings:change_target", args=[campaign.slug, "forged"])
    assert client.get(forged).status_code == 404
    meeting.refresh_from_db()
    assert meeting.representative == mp
