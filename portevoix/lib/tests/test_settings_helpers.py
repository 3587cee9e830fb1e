import email

import pytest
from django.core.mail import EmailMessage
from django.utils import translation

from portevoix.campaigns.models import Campaign
from portevoix.lib.mailfiles import EmlFileBackend
from portevoix.settings import env


def test_env_bool_reads_common_words(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env.env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env.env_bool("FLAG", True) is False
    monkeypatch.delenv("FLAG")
    assert env.env_bool("FLAG", True) is True


def test_env_bool_refuses_a_word_it_does_not_know(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ValueError, match="FLAG"):
        env.env_bool("FLAG")


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("COUNT", "twelve")
    with pytest.raises(ValueError, match="COUNT"):
        env.env_int("COUNT", 1)
    monkeypatch.setenv("COUNT", "12")
    assert env.env_int("COUNT", 1) == 12


def test_env_secret_prefers_a_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-file\n")
    monkeypatch.setenv("TOKEN", "from-env")
    monkeypatch.setenv("TOKEN_FILE", str(secret_file))
    assert env.env_secret("TOKEN") == "from-file"


def test_a_generated_secret_is_kept_and_private(tmp_path):
    first = env.secret_kept_in(tmp_path / "key")
    assert env.secret_kept_in(tmp_path / "key") == first
    assert len(first) >= 50
    assert (tmp_path / "key").stat().st_mode & 0o077 == 0


def test_bilingual_fields_follow_the_active_language_and_fall_back():
    campaign = Campaign(title_fr="Familles réunies", title_en="")
    with translation.override("en"):
        assert campaign.title == "Familles réunies"
    campaign.title_en = "Families together"
    with translation.override("en"):
        assert campaign.title == "Families together"
    with translation.override("fr"):
        assert campaign.title == "Familles réunies"


def test_the_file_backend_writes_one_readable_eml_per_message(tmp_path):
    backend = EmlFileBackend(file_path=tmp_path)
    sent = backend.send_messages(
        [
            EmailMessage("Objet : « été »", "Bonjour Zoë", "a@example.org", ["b@example.org"]),
            EmailMessage("Second", "Body", "a@example.org", ["c@example.org"]),
        ]
    )
    files = sorted(tmp_path.glob("*.eml"))
    assert sent == 2 and len(files) == 2
    parsed = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]
    subjects = {message["Subject"] for message in parsed}
    assert "Objet : « été »" in subjects


def test_env_networks_reads_addresses_and_networks_and_refuses_names(monkeypatch):
    monkeypatch.setenv("PROXIES", "10.0.0.5, 172.16.0.0/12,::1")
    assert env.env_networks("PROXIES") == ["10.0.0.5/32", "172.16.0.0/12", "::1/128"]
    monkeypatch.setenv("PROXIES", "10.0.0.5,proxy.internal")
    with pytest.raises(ValueError, match="PROXIES.*proxy.internal"):
        env.env_networks("PROXIES")
