"""gunicorn.conf.py: how many processes serve the site, read as gunicorn reads the file."""

import os
import runpy

import pytest
from django.conf import settings

CONF = settings.BASE_DIR / "gunicorn.conf.py"


def served_with(monkeypatch, cores=4, **environment):
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    for name in ("WEB_WORKERS", "WEB_THREADS", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


@pytest.mark.parametrize(
    "database_url",
    [
        None,
        "sqlite:///var/site.sqlite3",
        "postgres://porte:secret@127.0.0.1:5432/portevoix",
        "postgresql://porte@localhost/portevoix",
        "postgres://porte@[::1]:5432/portevoix",
        "postgres:///portevoix",  # the default local socket
        "postgres://%2Fvar%2Frun%2Fpostgresql/portevoix",
        "postgres://porte@/portevoix?host=/var/run/postgresql",
    ],
)
def test_one_process_per_core_with_the_database_on_this_machine(monkeypatch, database_url):
    environment = {"DATABASE_URL": database_url} if database_url else {}
    config = served_with(monkeypatch, cores=4, **environment)
    assert (config["workers"], config["threads"]) == (4, 1)


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://porte:secret@db.example/portevoix",
        "postgresql://porte@10.0.0.7:5432/portevoix",
        "postgres://porte@/portevoix?host=db.example",
    ],
)
def test_two_processes_per_core_with_a_database_server_elsewhere(monkeypatch, database_url):
    config = served_with(monkeypatch, cores=4, DATABASE_URL=database_url)
    assert config["workers"] == 8


def test_web_workers_and_threads_win_over_the_defaults(monkeypatch):
    config = served_with(monkeypatch, cores=4, WEB_WORKERS="3", WEB_THREADS="2")
    assert (config["workers"], config["threads"]) == (3, 2)


def test_a_machine_that_does_not_tell_its_cores_gets_one_process(monkeypatch):
    assert served_with(monkeypatch, cores=None)["workers"] == 1
