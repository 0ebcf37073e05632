# Two commands do all set-up: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app debrief
HOST ?= 127.0.0.1
PORT ?= 5000

SYSTEM_PACKAGES := python3-venv:python-venv graphviz:dot \
	libpango-1.0-0:/usr/lib/*/libpango-1.0.so.0 libpangoft2-1.0-0:/usr/lib/*/libpangoft2-1.0.so.0 \
	fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
TEST_PACKAGES := chromium:chromium chromium-driver:chromedriver \
	postgresql:/usr/lib/postgresql/*/bin/initdb

.PHONY: install install-test system-deps test-deps db run test test-sqlite test-postgresql bench eval-anonymiser train-tagger clean

system-deps:
	@scripts/ensure-packages $(SYSTEM_PACKAGES)

test-deps: system-deps
	@scripts/ensure-packages $(TEST_PACKAGES)

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Debrief needs Python 3.11 or newer" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip >> $(VENV)/pip.log 2>&1

# pip's own output goes to $(VENV)/pip.log, shown only if the install fails.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing Debrief into $(VENV) (pip's output: $(VENV)/pip.log)"
	@$(BIN)/pip install --quiet -e . >> $(VENV)/pip.log 2>&1 || { tail -n 40 $(VENV)/pip.log; exit 1; }
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	@$(BIN)/pip install --quiet -e '.[test]' >> $(VENV)/pip.log 2>&1 || { tail -n 40 $(VENV)/pip.log; exit 1; }
	@touch $@

install: system-deps $(VENV)/.installed

install-test: test-deps $(VENV)/.installed-test

# After the schema, the Patterns rollups: a new release may count more in them (quick when nothing changed).
db: install
	$(FLASK) db upgrade
	@$(FLASK) refresh-patterns

# The mail worker runs beside the server: queued email appears (as .eml files in instance/mail/ unless
# DEBRIEF_SMTP_HOST is set) within seconds, and stops with the server.
run: export DEBRIEF_BASE_URL ?= http://$(HOST):$(PORT)
run: db
	@echo "Loading the demo users and data (under a minute; nothing is added twice)..."
	@$(FLASK) seed-demo --quiet
	@scripts/run-banner --wait http://$(HOST):$(PORT)/ & \
	$(FLASK) send-mail --loop --interval 5 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
		$(FLASK) run --host $(HOST) --port $(PORT)

test-sqlite: install-test
	DEBRIEF_TEST_DB=sqlite $(BIN)/python -m pytest -p no:cacheprovider

test-postgresql: install-test
	DEBRIEF_TEST_DB=postgresql $(BIN)/python -m pytest -p no:cacheprovider

# The whole suite on SQLite and on a throwaway PostgreSQL cluster, side by side (one per core).
test: install-test
	scripts/run-tests

bench: install-test
	$(BIN)/python bench/run_all.py

# Recall and precision per identifier type on the annotated synthetic passages in tests/data/.
eval-anonymiser: install
	$(BIN)/python -m debrief.anonymise.evaluate tests/data/anonymise_eval.jsonl tests/data/anonymise_dev_extra.jsonl \
		tests/data/anonymise_dev2.jsonl tests/data/anonymise_dev3.jsonl \
		tests/data/anonymise_dev4.jsonl \
		tests/data/anonymise_dev5.jsonl \
		tests/data/anonymise_dev6.jsonl \
		tests/data/anonymise_dev7.jsonl \
		tests/data/anonymise_dev8.jsonl \
		tests/data/anonymise_dev9.jsonl \
		tests/data/anonymise_dev10.jsonl tests/data/anonymise_dev11.jsonl tests/data/anonymise_dev12.jsonl tests/data/anonymise_dev13.jsonl \
		tests/data/anonymise_dev14.jsonl tests/data/anonymise_dev15.jsonl \
		--heldout tests/data/anonymise_heldout.jsonl

# The learned names-and-places tagger, trained again on every development set (never the held-out set).
train-tagger: install
	$(BIN)/python -m debrief.anonymise.train_tagger $(filter-out %heldout.jsonl,$(wildcard tests/data/anonymise_*.jsonl))

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
