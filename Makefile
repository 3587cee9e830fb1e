# Porte-voix: the front door. `make run` serves the demo, `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Reference data for the demo, when it sits beside the project.
export REPRESENTATIVES_DATA ?= $(wildcard ../shared/data)
# The PostgreSQL pass of `make ci`: this URL, or a throwaway cluster when empty.
DATABASE_URL_FOR_POSTGRES_PASS ?= $(filter postgres%,$(DATABASE_URL))
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install run dev test test-fast test-browser test-postgres ci lint format check \
	migrations-check messages compilemessages messages-check setup demo bench clean

help:
	@echo "make run      set up and serve the demo campaign on http://$(HOST):$(PORT)/"
	@echo "make test     set up and run the whole test suite (browser tests included)"
	@echo "make ci       lint, checks, translations, tests on SQLite and PostgreSQL"
	@echo "make dev      Django's development server with debugging on"
	@echo "make bench    measure throughput and latency (prints figures)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=var >/dev/null

setup: install compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput >/dev/null

demo: setup
	$(MANAGE) load_demo
	$(MANAGE) setup_representatives
	$(MANAGE) load_demo_letters

run: demo
	@bin/serve $(HOST) $(PORT)

dev: demo
	DJANGO_SETTINGS_MODULE=portevoix.settings.dev $(MANAGE) runserver $(HOST):$(PORT)

test: install compilemessages
	bin/run-tests

test-fast: install compilemessages
	bin/run-tests -m "not browser"

test-browser: install compilemessages
	bin/run-tests -m browser

# Runs the whole suite against PostgreSQL: DATABASE_URL if set, else a throwaway cluster.
test-postgres: install compilemessages
	DATABASE_URL=$(DATABASE_URL_FOR_POSTGRES_PASS) bin/with-postgres bin/run-tests

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	DJANGO_SETTINGS_MODULE=portevoix.settings.test $(MANAGE) check --fail-level WARNING

migrations-check: install
	DJANGO_SETTINGS_MODULE=portevoix.settings.test $(MANAGE) makemigrations --check --dry-run

messages: install
	bin/make-messages

messages-check: compilemessages
	bin/check-messages

ci: lint check migrations-check messages-check test test-postgres

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var/static var/test.sqlite3 var/test-media
