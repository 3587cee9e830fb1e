import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import pdftotext_available


def pdf_text(content, tmp_path):
    path = tmp_path / "leave-behind.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not pdftotext_available(), reason="pdftotext is not installed")
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Réunir les familles", "permis de séjour temporaire (PST)", "Pour nous joindre"]),
        ("en", ["Reunite refugees' families", "temporary resident permits (TRPs)", "Contact us"]),
    ],
)
def test_the_leave_behind_is_a_one_page_pdf_in_each_language(
    client, campaign, tmp_path, language, expected
):
    with translation.override(language):
        url = reverse("meetings:leave_behind", args=[campaign.slug])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for words in expected:
        assert words in " ".join(text.split())
    assert text.count("\f") <= 1


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Questions auxquelles vous attendre"), ("en", "Questions to expect")],
)
def test_the_kit_page_is_public_in_both_languages(client, campaign, language, heading):
    with translation.override(language):
        url = reverse("meetings:kit", args=[campaign.slug])
    response = client.get(url)
    assert response.status_code == 200
    assert heading in response.content.decode()
    assert "no-store" not in response["Cache-Control"]
