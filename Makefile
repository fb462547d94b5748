# The README's commands. Everything installs into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BABEL_KEYWORDS := -k _l -k lazy_gettext -k lazy_pgettext:1c,2
# axe-core for the browser tests' accessibility audits, from the npm registry (pinned in
# tests/browser/package-lock.json).
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: serve test check lint format translations benchmark

$(INSTALLED): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt -e .
	touch $@

## serve: set up (including the database's migrations), then serve the site on http://127.0.0.1:5000
serve: $(INSTALLED)
	$(BIN)/flask db upgrade
	SCORECARD_LIVE_RELOAD=1 $(BIN)/flask run --host 127.0.0.1 --port 5000

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/browser && touch $@; \
	else echo "npm not found: the accessibility audits will be skipped"; fi

## test: set up, then run the test suite (browser tests need Chromium: see README)
test: $(INSTALLED) $(AXE)
	$(BIN)/pytest

## check: report every problem in content/
check: $(INSTALLED)
	$(BIN)/flask content check

## benchmark: the site under load (wrk, gunicorn, nginx; see benchmarks/README.md). Not part of
## `make test`. A quick run: make benchmark ARGS="--sizes 1000 --duration 3"
benchmark: $(INSTALLED)
	@missing=""; \
	command -v wrk >/dev/null || missing="wrk"; \
	PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then echo "Install first: sudo apt-get install -y $$missing"; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
	$(BIN)/python benchmarks/site.py $(ARGS)

## lint: ruff, and mypy on site/
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## translations: collect interface strings into the catalogues; then translate the empty ones
translations: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		--project scorecard -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching
