# Carepath: build, run and test. See docs/decisions/0003-build-tooling.md.
# Needs GNU make 4.3+ (grouped targets), python3.11, node and npm.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STATIC := carepath/static/carepath
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# What `npm run build` produces (see scripts/copy-static.mjs).
STATIC_FILES := $(addprefix $(STATIC)/,carepath.css carepath.js govuk-frontend.min.js \
	govuk-frontend.min.js.map htmx.min.js js-enabled.js favicon.svg favicon.ico apple-touch-icon.png \
	pictograms.svg)
STATIC_SOURCES := $(shell find assets -type f 2>/dev/null) scripts/copy-static.mjs package.json

# Compiled translations: built from the committed .po files (docs/translating.md).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard carepath/locale/*/LC_MESSAGES/django.po))

.PHONY: help setup assets messages catalogues run lint test chromium gettext clean

help:
	@echo "make setup   .venv, node_modules, static assets and compiled translations"
	@echo "make run     migrate, demo data, server on http://127.0.0.1:8000"
	@echo "make lint    ruff and mypy"
	@echo "make test    lint, migrations check and pytest (DATABASE_URL picks PostgreSQL)"
	@echo "make clean   remove .venv, node_modules and built assets"

setup: $(VENV)/.installed node_modules/.installed assets messages

messages: $(MO_FILES)

%.mo: %.po | gettext
	@msgfmt --check -o $@ $<

# After changing user-facing text: bring every .po file up to date with the source, then translate
# what is new (docs/translating.md). tests/i18n/test_messages_complete.py runs the same extraction.
catalogues: setup
	$(BIN)/carepath makemessages --no-obsolete $(foreach l,da lt pt de it bg,-l $(l)) \
		$(foreach p,.venv/* node_modules/* tests/* benchmarks/* */tests/* var/*,--ignore '$(p)')

# msgfmt compiles the translations; the tests' makemessages needs xgettext. Both are Debian's gettext.
gettext:
	@if ! command -v msgfmt >/dev/null || ! command -v xgettext >/dev/null; then \
		echo "apt-get install gettext"; \
		$(SUDO) apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "pip install -e '.[test,bench]'"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	@touch $@

# npm ci empties node_modules first, so the stamp lives inside it.
# --omit=optional skips @parcel/watcher, a native file watcher only `sass --watch` uses.
node_modules/.installed: package-lock.json package.json
	@echo "npm ci"
	@npm ci --no-audit --no-fund --omit=optional --loglevel=error
	@touch $@

assets: $(STATIC_FILES)

$(STATIC_FILES) &: node_modules/.installed $(STATIC_SOURCES)
	@echo "npm run build"
	@npm run --silent build

run: setup
	$(BIN)/carepath migrate --noinput
	$(BIN)/carepath demo
	$(BIN)/carepath runserver 127.0.0.1:8000

lint: setup
	@echo "ruff"
	@$(BIN)/ruff check --quiet --output-format=concise .
	@echo "mypy"
	@$(BIN)/mypy carepath

# Browser tests drive Debian's chromium through Playwright: no downloaded browsers.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "apt-get install chromium"; \
		$(SUDO) apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

test: setup lint chromium
	@echo "makemigrations --check"
	@$(BIN)/carepath makemigrations --check --dry-run
	@echo "pytest ($(if $(DATABASE_URL),PostgreSQL,SQLite))"
	@$(BIN)/pytest

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache test-results $(MO_FILES)
	find $(STATIC) -mindepth 1 ! -name .gitkeep -delete
