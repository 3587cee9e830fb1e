import os
import subprocess
import sys
from pathlib import Path

import pytest

from portevoix.campaigns.factories import CampaignFactory

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_every_response_forbids_outside_scripts_styles_and_frames(client):
    campaign = CampaignFactory()
    for url in ["/", f"/fr/campagnes/{campaign.slug}/", "/healthz", "/admin/login/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy, url
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in response["Permissions-Policy"]


# Left out of the production checks: what a developer's or CI's shell may have set.
UNSET = ("DJANGO_ALLOW_ASYNC_UNSAFE", "BEHIND_PROXY", "PROXY_HOPS", "PROXY_ADDRESSES")


def production_environment(**environment):
    return {
        **{k: v for k, v in os.environ.items() if k not in UNSET},
        "DJANGO_SETTINGS_MODULE": "portevoix.settings.prod",
        "SECRET_KEY": "a-production-secret-that-is-long-enough-and-random-7Hk2Qp9Zx4Lm8Vb3",
        "FIELD_ENCRYPTION_KEYS": "an-encryption-secret-for-the-production-checks-only",
        **environment,
    }


def deploy_check(**environment):
    env = production_environment(**environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_production_settings_pass_djangos_deployment_checks():
    result = deploy_check(SITE_URL="https://porte-voix.example", ALLOWED_HOSTS="porte-voix.example")
    assert result.returncode == 0, result.stdout + result.stderr


def production_settings(names, **environment):
    """(exit code, what the production settings hold for `names`, or the error)."""
    env = production_environment(**environment)
    show = f"from django.conf import settings; print([getattr(settings, n, None) for n in {names}])"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", show],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return result.returncode, (result.stdout.strip().splitlines() or [""])[-1] + result.stderr


def test_behind_a_proxy_production_reads_the_visitors_scheme_and_address_from_it():
    names = ["BEHIND_PROXY", "PROXY_HOPS", "PROXY_ADDRESSES", "SECURE_PROXY_SSL_HEADER"]
    assert production_settings(names) == (0, "[False, 1, ['127.0.0.1/32', '::1/128'], None]")
    behind = production_settings(
        names, BEHIND_PROXY="1", PROXY_HOPS="2", PROXY_ADDRESSES="172.16.0.0/12, 10.0.0.5"
    )
    expected = "[True, 2, ['172.16.0.0/12', '10.0.0.5/32'], ('HTTP_X_FORWARDED_PROTO', 'https')]"
    assert behind == (0, expected)


@pytest.mark.parametrize(
    ("variable", "value"), [("PROXY_HOPS", "0"), ("PROXY_ADDRESSES", "nginx.internal")]
)
def test_a_proxy_setting_that_would_share_one_limit_stops_the_site(variable, value):
    exit_code, output = production_settings(["BEHIND_PROXY"], BEHIND_PROXY="1", **{variable: value})
    assert exit_code != 0
    assert variable in output and value in output


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECRET_KEY")}
    env["DJANGO_SETTINGS_MODULE"] = "portevoix.settings.prod"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
