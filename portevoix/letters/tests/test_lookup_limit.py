"""Starting letters counts against the network's postal code lookups, like Find-your-MP."""

import pytest

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterTemplateFactory
from portevoix.letters.tests.test_compose import start

pytestmark = pytest.mark.django_db


def test_starting_letters_counts_against_the_networks_postal_code_lookups(client, settings):
    settings.FIND_MP_LOOKUPS_PER_NETWORK = 2
    template = LetterTemplateFactory(key="ind-write-mp")
    start(client, template, postal_code="H2X1Y4")
    start(client, template, postal_code="H2X1Y4")
    refused = client.post(
        f"/fr/campagnes/{template.campaign.slug}/lettres/nouvelle/{template.key}/",
        {"postal_code": "H2X 1Y4"},
    )
    assert refused.status_code == 429
    assert "Merci d’attendre quelques minutes" in refused.content.decode()
    assert 'value="H2X 1Y4"' in refused.content.decode()
    assert Letter.objects.count() == 2
    other_network = client.post(
        f"/fr/campagnes/{template.campaign.slug}/lettres/nouvelle/{template.key}/",
        {"postal_code": "H2X 1Y4"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert other_network.status_code == 302
