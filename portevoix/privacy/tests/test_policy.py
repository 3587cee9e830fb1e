import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_page_exists_in_both_languages(client):
    french = client.get("/fr/confidentialite/").content.decode()
    english = client.get("/en/privacy/").content.decode()
    assert "Vos données et votre vie privée" in french
    assert "Your data and your privacy" in english


@pytest.mark.parametrize(
    "url, what",
    [
        ("/fr/confidentialite/", ["Quand vous appelez", "Quand vous organisez une rencontre"]),
        ("/en/privacy/", ["When you call your MP", "When you organize a meeting"]),
    ],
)
def test_it_says_what_calls_and_meetings_collect(client, url, what):
    page = client.get(url).content.decode()
    for words in what:
        assert words in page


def test_it_names_the_privacy_officer_from_the_settings(client, settings):
    settings.PRIVACY_OFFICER_NAME = "Marie Tremblay"
    settings.PRIVACY_OFFICER_EMAIL = "vie-privee@council.example"
    page = client.get("/fr/confidentialite/").content.decode()
    assert "Marie Tremblay" in page and "vie-privee@council.example" in page


def test_every_page_links_to_the_privacy_page(client, campaign):
    page = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert 'href="/en/privacy/"' in page and 'href="/en/my-data/"' in page


@pytest.mark.parametrize(
    "url, words",
    [
        ("/fr/confidentialite/", "attend d’abord quelques secondes, chiffré"),
        ("/en/privacy/", "first waits a few seconds, encrypted"),
    ],
)
def test_it_says_how_long_a_form_waits_before_it_is_recorded(client, settings, url, words):
    settings.INTAKE_KEEP_FAILED_DAYS = 12
    page = client.get(url).content.decode()
    assert words in page
    assert "12 " in said_after(page, words, until="</p>")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/fr/confidentialite/", "Un courriel avec un lien vers vos données"),
        ("/en/privacy/", "An email with a link to your data"),
    ],
)
def test_it_says_how_long_a_link_s_email_is_kept(client, settings, url, words):
    settings.TASK_RESULTS_KEEP_DAYS = 9
    page = client.get(url).content.decode()
    assert words in page
    assert "9" in said_after(page, words, until="</li>")


def said_after(page, words, until):
    """What the page says from just after `words` to the next `until` (a closing tag)."""
    return page.split(words)[1].split(until)[0]
