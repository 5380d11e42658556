# Credence: `make run` serves a demo organisation; `make test` checks everything.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip

.PHONY: run test lint typecheck pytest install install-dev lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(PIP) install --quiet --constraint requirements.lock --editable .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet --constraint requirements.lock --editable '.[dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/credence migrate --noinput
	$(BIN)/credence collectstatic --noinput --verbosity 0
	CREDENCE_BASE_URL=$${CREDENCE_BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/credence demo
	CREDENCE_BASE_URL=$${CREDENCE_BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/credence serve --bind 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: install-dev
	$(BIN)/mypy credence

# The import of the whole shared ServiceNow log and the full-size demo run
# here (they take minutes); a plain `pytest` leaves them out.
pytest: install-dev
	CREDENCE_FULL_IMPORT=1 CREDENCE_DEMO_FULL_SIZE=1 $(BIN)/pytest

test: lint typecheck pytest

# Regenerate the pinned versions after changing pyproject.toml.
lock: $(BIN)/python
	$(PIP) install --quiet --editable '.[dev]'
	$(PIP) freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
