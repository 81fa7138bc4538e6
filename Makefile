# Reelsmith — the two commands a newcomer needs are `make dev` and `make test`.
# Every target installs what is missing first; nothing needs apt or brew.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first interpreter that really runs and is 3.11+ (a pyenv shim may exist and still fail).
PYTHON ?= $(shell for c in python3.11 python3.12 python3.13 python3; do \
	$$c -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null && { echo $$c; break; }; done)
BACKEND := backend
VENV := $(BACKEND)/.venv
BIN := $(VENV)/bin
# Re-install whenever the lock or the package definition changes.
STAMP := $(VENV)/.installed

.PHONY: help setup dev backend test lint typecheck unit bench render clean

help:
	@echo "make dev     run the studio API on :8000 (local providers when no keys are set)"
	@echo "make test    install what is missing and run every test suite"
	@echo "make bench   measure composition speed and memory, and the whole pipeline"
	@echo "make render  render examples/serum.json to ad.mp4 with the CLI"

setup: $(STAMP)

$(STAMP): $(BACKEND)/requirements.lock $(BACKEND)/pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required; none was found on PATH."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(BACKEND)/requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e $(BACKEND)
	@touch $@

dev: setup
	cd $(BACKEND) && .venv/bin/uvicorn app.main:app --reload --port 8000

lint: setup
	cd $(BACKEND) && .venv/bin/ruff check app tests bench && .venv/bin/ruff format --check app tests bench

typecheck: setup
	cd $(BACKEND) && .venv/bin/mypy

unit: setup
	cd $(BACKEND) && .venv/bin/pytest

test: lint typecheck unit

bench: setup
	cd $(BACKEND) && .venv/bin/python -m bench

render: setup
	$(BIN)/reelsmith render examples/serum.json -o ad.mp4

clean:
	rm -rf $(VENV) $(BACKEND)/media
