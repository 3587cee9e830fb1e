import pytest


@pytest.fixture(autouse=True)
def fresh_figures():
    """Figures are cached per campaign and minute: each test counts its own rows afresh."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
