# followup: every target installs what it needs first, so a fresh clone with only
# Python 3.11, pip and make can run `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := check
.PHONY: check install model lint format test test-fast demo bench emulator browser clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP)

# The learned kind model is fitted from the packaged data once and cached (followup.mail.learned).
model: install
	$(BIN)/python -c "from followup.mail.learned import main; main()"

check: lint test

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

# Headless Chromium drives the OAuth consent page in one test. Debian's package is used;
# where it cannot be installed that single test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
	  echo "note: chromium could not be installed; the browser consent test will skip"

test: install lint browser model
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test-fast: install model
	$(BIN)/pytest -n 2 -m "not slow" $(PYTEST_ARGS)

demo: install model
	$(BIN)/python -m followup.demo

bench: install model
	$(BIN)/python -m bench

emulator: install
	$(BIN)/followup emulator --port 8765 --state .demo/emulator-state.json

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist src/*.egg-info
