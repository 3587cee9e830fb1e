from django.core import mail
from django.urls import reverse

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import MinisterFactory
from portevoix.meetings.models import MeetingRequest
from portevoix.privacy.models import Consent, Purpose


def form_data(**changes):
    return {
        "name": "Amélie Côté",
        "email": "amelie@example.org",
        "organization": "Accueil Plateau",
        "proposed_times": "Any weekday morning",
        "slot_1": "2031-03-04T10:00",
        "place": "constituency_office",
        "place_details": "Or at our centre",
        "consent": "on",
        **changes,
    }


def new_url(campaign):
    return reverse("meetings:meeting_new", args=[campaign.slug])


def test_it_writes_the_request_as_a_letter_to_the_mp_and_hands_over_to_the_preview(
    client, campaign, mp, request_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(new_url(campaign), {"district": mp.district.pk, **form_data()})
    assert response.status_code == 302
    meeting = MeetingRequest.objects.get()
    letter = meeting.letter
    assert letter.template == request_template
    assert letter.status == Letter.Status.DRAFT
    assert letter.to_name == "Hélène Tremblay"
    assert letter.to_email == "helene.tremblay@parl.gc.ca"
    assert letter.representative == mp
    assert letter.sender_name == "Amélie Côté"
    assert letter.sender_organization == "Accueil Plateau"
    assert "temporary resident permits (TRPs)" in letter.body
    assert "living family separation" in letter.body
    assert "Any weekday morning" in letter.body
    assert "2031" in letter.body
    assert "Their constituency office, Or at our centre" in letter.body
    assert "{" not in letter.body
    assert meeting.with_name == "Hélène Tremblay"
    assert meeting.organizer_email == "amelie@example.org"

    page = client.get(response["Location"])
    assert letter.step_url("preview") in page.content.decode()
    preview = client.get(letter.step_url("preview"))
    assert preview.status_code == 200
    assert "Any weekday morning" in preview.content.decode()

    [email] = mail.outbox
    assert email.to == ["amelie@example.org"]
    assert meeting.get_absolute_url() in email.body
    consent = Consent.objects.get(source=meeting.consent_source())
    assert consent.purpose == Purpose.FOLLOW_UP


def test_a_french_request_to_the_minister_uses_the_ministers_salutation(
    client, campaign, request_template
):
    from django.utils import translation

    minister = MinisterFactory()
    with translation.override("fr"):
        url = new_url(campaign)
    response = client.post(url, {"office": minister.pk, **form_data()})
    assert response.status_code == 302
    letter = MeetingRequest.objects.get().letter
    assert letter.to_name == minister.name
    assert letter.body.startswith("Madame la Ministre")
    assert "permis de séjour temporaire (PST)" in letter.body
    assert "vit elle-même la séparation familiale" in letter.body


def test_it_asks_for_a_time_and_refuses_a_past_one(client, campaign, mp, request_template):
    response = client.post(
        new_url(campaign),
        {"district": mp.district.pk, **form_data(proposed_times="", slot_1="2001-01-01T10:00")},
    )
    assert response.status_code == 400
    assert "This time has already passed." in response.content.decode()
    assert MeetingRequest.objects.count() == 0


def test_it_requires_consent(client, campaign, mp, request_template):
    data = form_data()
    del data["consent"]
    response = client.post(new_url(campaign), {"district": mp.district.pk, **data})
    assert response.status_code == 400
    assert MeetingRequest.objects.count() == 0


def test_it_sends_a_forged_target_back_to_the_start(client, campaign, request_template):
    response = client.post(new_url(campaign), {"district": "999999", **form_data()})
    assert response.status_code == 302
    assert MeetingRequest.objects.count() == 0


def test_a_script_filling_the_honeypot_makes_no_meeting(client, campaign, mp, request_template):
    client.post(new_url(campaign), {"district": mp.district.pk, **form_data(website="spam")})
    assert MeetingRequest.objects.count() == 0


def test_a_forged_organizer_link_is_404(client, campaign):
    url = reverse("meetings:organizer", args=[campaign.slug, "not-a-real-token"])
    assert client.get(url).status_code == 404


def test_the_organizer_schedules_then_cancels(client, campaign, mp, request_template):
    from portevoix.meetings.tests.helpers import make_meeting

    meeting = make_meeting(campaign, request_template, mp)
    token = meeting.private_token()
    url = reverse("meetings:schedule", args=[campaign.slug, token])
    assert client.get(url).status_code == 405
    response = client.post(url, {"date": "2031-03-04", "time": "10:30", "duration_minutes": 30})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingRequest.Status.SCHEDULED
    assert meeting.duration_minutes == 30
    client.post(reverse("meetings:cancel", args=[campaign.slug, token]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingRequest.Status.CANCELLED


def test_i_sent_it_myself_counts_the_letter_and_the_request(client, campaign, mp, request_template):
    from portevoix.meetings.tests.helpers import make_meeting

    meeting = make_meeting(campaign, request_template, mp)
    url = reverse("meetings:mark_requested", args=[campaign.slug, meeting.private_token()])
    assert client.get(url).status_code == 405
    client.post(url)
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.status == MeetingRequest.Status.REQUESTED
    assert meeting.letter.status == Letter.Status.SELF_SENT
    assert Letter.objects.sent().count() == 1


def test_a_request_marked_sent_from_the_letters_page_makes_the_meeting_requested(
    client, campaign, mp, request_template
):
    from portevoix.meetings.tests.helpers import make_meeting

    meeting = make_meeting(campaign, request_template, mp)
    client.post(meeting.letter.step_url("self_sent"))
    client.get(meeting.get_absolute_url())
    meeting.refresh_from_db()
    assert meeting.status == MeetingRequest.Status.REQUESTED
