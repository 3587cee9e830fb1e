import pytest


@pytest.fixture(autouse=True)
def letters_settings(settings):
    """No pacing unless a test is about pacing, and short retry delays."""
    settings.LETTER_DOMAIN_RATE_PER_MINUTE = 0
    settings.LETTER_RETRY_DELAYS = [60, 300, 1800]
    settings.SITE_URL = "https://porte-voix.example"
    settings.DEFAULT_FROM_EMAIL = "Porte-voix <lettres@porte-voix.example>"
    return settings
