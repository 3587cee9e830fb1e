"""The yardsticks `make bench` compares pages and forms with, served only when asked for."""

import importlib

import pytest
from django.test import Client
from django.urls import clear_url_caches

import portevoix.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_urls(settings):
    settings.BENCHMARK_ENDPOINTS = True
    importlib.reload(portevoix.urls)
    clear_url_caches()
    yield
    settings.BENCHMARK_ENDPOINTS = False
    importlib.reload(portevoix.urls)
    clear_url_caches()


def test_they_are_not_served_unless_asked_for(client):
    assert client.get("/bench/bare").status_code == 404
    assert client.post("/bench/bare-post").status_code == 404


def test_the_bare_view_answers_ok(client, bench_urls):
    response = client.get("/bench/bare")
    assert (response.status_code, response.content) == (200, b"ok")


def test_the_bare_post_checks_its_csrf_token_like_a_form(bench_urls, campaign):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get("/bench/bare-post").status_code == 405
    assert browser.post("/bench/bare-post").status_code == 403
    browser.get(f"/en/campaigns/{campaign.slug}/contact/")  # a form page gives the cookie
    token = browser.cookies["csrftoken"].value
    response = browser.post("/bench/bare-post", {"csrfmiddlewaretoken": token})
    assert (response.status_code, response["Location"]) == (302, "/bench/bare")
