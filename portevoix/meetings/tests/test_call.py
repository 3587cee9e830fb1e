import re
import uuid

from django.urls import reverse
from django.utils import translation

from portevoix.meetings.models import Call


def call_page(client, campaign, mp, language="en"):
    with translation.override(language):
        url = reverse("meetings:call_mp", args=[campaign.slug]) + f"?district={mp.district.pk}"
    return client.get(url)


def record_url(campaign, language="en"):
    with translation.override(language):
        return reverse("meetings:call_record", args=[campaign.slug])


def posted(response, outcome, **extra):
    html = response.content.decode()
    call_id = re.search(r'name="call_id" value="([^"]+)"', html).group(1)
    return {"call_id": call_id, "district": extra.pop("district"), "outcome": outcome, **extra}


def test_it_shows_the_office_numbers_as_phone_links_and_the_script_with_the_mps_name(
    client, campaign, mp
):
    response = call_page(client, campaign, mp)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:1-613-992-6779"' in html
    assert 'href="tel:1-514-522-1339"' in html
    assert "I am asking Hélène Tremblay to support issuing temporary resident permits" in html
    assert "permis de séjour temporaire (PST)" in html
    assert "ourcommons.ca/Members/en/search?searchText=H%C3%A9l%C3%A8ne%20Tremblay" in html
    assert response["Cache-Control"] == "private, no-store"


def test_it_offers_the_general_number_when_the_data_has_no_office_number(client, campaign, mp):
    mp.offices = []
    mp.save()
    campaign.call_phone = "1-613-992-4793"
    campaign.save()
    html = call_page(client, campaign, mp, "fr").content.decode()
    assert 'href="tel:1-613-992-4793"' in html
    assert "ourcommons.ca/Members/fr/search" in html


def test_it_records_a_call_in_english_and_thanks_the_caller(client, campaign, mp):
    page = call_page(client, campaign, mp)
    data = posted(
        page, "spoke_to_staff", district=mp.district.pk, what_they_said="Will pass it on."
    )
    response = client.post(record_url(campaign), data)
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.representative == mp
    assert call.outcome == Call.Outcome.SPOKE_TO_STAFF
    assert call.language == "en"
    assert call.what_they_said == "Will pass it on."
    assert Call.objects.completed().count() == 1
    thanks = client.get(response["Location"])
    assert "Thank you for calling" in thanks.content.decode()


def test_it_records_a_call_in_french(client, campaign, mp):
    page = call_page(client, campaign, mp, "fr")
    response = client.post(
        record_url(campaign, "fr"), posted(page, "spoke_to_mp", district=mp.district.pk)
    )
    assert response.status_code == 302
    assert Call.objects.get().language == "fr"
    assert "Merci" in client.get(response["Location"]).content.decode()


def test_it_keeps_the_what_they_said_encrypted_at_rest(client, campaign, mp):
    page = call_page(client, campaign, mp)
    client.post(
        record_url(campaign),
        posted(page, "left_message", district=mp.district.pk, what_they_said="Secret words"),
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT what_they_said FROM meetings_call")
        [(stored,)] = cursor.fetchall()
    assert "Secret words" not in stored


def test_an_unanswered_call_is_recorded_but_not_completed(client, campaign, mp):
    page = call_page(client, campaign, mp)
    response = client.post(record_url(campaign), posted(page, "no_answer", district=mp.district.pk))
    assert Call.objects.count() == 1
    assert Call.objects.completed().count() == 0
    assert "No answer this time" in client.get(response["Location"]).content.decode()


def test_a_double_submit_records_one_call(client, campaign, mp):
    data = posted(call_page(client, campaign, mp), "spoke_to_mp", district=mp.district.pk)
    client.post(record_url(campaign), data)
    client.post(record_url(campaign), data)
    assert Call.objects.count() == 1


def test_it_refuses_a_get_on_the_record_address(client, campaign, mp):
    assert client.get(record_url(campaign)).status_code == 405


def test_it_refuses_an_unknown_outcome(client, campaign, mp):
    data = posted(call_page(client, campaign, mp), "hung_up", district=mp.district.pk)
    response = client.post(record_url(campaign), data)
    assert response.status_code == 400
    assert Call.objects.count() == 0


def test_it_records_nothing_from_a_script_filling_the_honeypot(client, campaign, mp):
    data = posted(
        call_page(client, campaign, mp), "spoke_to_mp", district=mp.district.pk, website="x"
    )
    assert client.post(record_url(campaign), data).status_code == 302
    assert Call.objects.count() == 0


def test_it_limits_calls_from_one_network(client, campaign, mp):
    from portevoix.meetings import actions

    for _ in range(actions.CALLS_PER_HOUR_PER_NETWORK):
        client.post(
            record_url(campaign),
            {"call_id": uuid.uuid4(), "district": mp.district.pk, "outcome": "no_answer"},
        )
    response = client.post(
        record_url(campaign),
        {"call_id": uuid.uuid4(), "district": mp.district.pk, "outcome": "no_answer"},
    )
    assert response.status_code == 429
    assert Call.objects.count() == actions.CALLS_PER_HOUR_PER_NETWORK


def test_the_call_start_page_borrows_the_find_your_mp_step(client, campaign):
    html = client.get(reverse("meetings:call", args=[campaign.slug])).content.decode()
    assert reverse("representatives:find_mp") in html
    assert 'name="next"' in html
