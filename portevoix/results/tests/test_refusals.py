"""Only signed-in staff, past the two-step sign-in, reach the dashboard and its exports."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portevoix.staff.roles import sync_roles
from portevoix.test import sign_in_staff


def urls(slug):
    for language in ("fr", "en"):
        with translation.override(language):
            yield reverse("results:dashboard", args=[slug])
            yield reverse("results:export", args=[slug, "totals"])


def test_it_sends_anonymous_visitors_to_sign_in(client, campaign):
    for url in urls(campaign.slug):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


def test_it_refuses_people_who_are_not_staff(client, cast, campaign):
    client.force_login(cast["omar"])
    for url in urls(campaign.slug):
        assert client.get(url).status_code == 403


def test_it_refuses_staff_without_the_permission(client, cast, campaign):
    cast["omar"].is_staff = True
    cast["omar"].save()
    sign_in_staff(client, cast["omar"])
    for url in urls(campaign.slug):
        assert client.get(url).status_code == 403


def test_it_lets_moderators_read_it(client, cast, campaign):
    moderator = cast["omar"]
    moderator.is_staff = True
    moderator.save()
    sync_roles()
    moderator.groups.add(Group.objects.get(name="Moderator"))
    sign_in_staff(client, moderator)
    for url in urls(campaign.slug):
        assert client.get(url).status_code == 200


def test_it_asks_staff_for_their_second_step_first(cast, campaign):
    client = Client()
    client.force_login(cast["sophie"])
    for url in urls(campaign.slug):
        response = client.get(url)
        assert response.status_code == 302
        assert "two-step" in response["Location"] or "deux-etapes" in response["Location"]


def test_it_answers_404_for_an_unknown_campaign_or_table(admin_client, campaign):
    assert admin_client.get(reverse("results:dashboard", args=["nowhere"])).status_code == 404
    assert (
        admin_client.get(reverse("results:export", args=["nowhere", "totals"])).status_code == 404
    )
    unknown = reverse("results:export", args=[campaign.slug, "people"])
    assert admin_client.get(unknown).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_it_refuses_anything_but_reading(admin_client, campaign, method):
    for url in urls(campaign.slug):
        assert getattr(admin_client, method)(url).status_code == 405


def test_it_is_never_kept_by_a_cache(admin_client, campaign):
    for url in urls(campaign.slug):
        assert admin_client.get(url)["Cache-Control"] == "private, no-store"
