import pytest


@pytest.fixture(autouse=True)
def outreach_settings(settings):
    settings.SITE_URL = "https://porte-voix.example"
    settings.DEFAULT_FROM_EMAIL = "Porte-voix <noreply@porte-voix.example>"
    settings.STAFF_NOTIFICATION_EMAILS = ["team@council.example"]
    return settings
