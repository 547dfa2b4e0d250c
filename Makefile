# evidence-kg: `make demo` sets up and shows the tool; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LINTER := tools/cypher-lint/node_modules/.installed

.PHONY: demo test install lint typecheck cypher-lint unit clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/kg

$(LINTER): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Cypher lint test will be skipped"; fi

demo: $(BIN)/kg
	$(BIN)/kg demo

lint: $(BIN)/kg
	$(BIN)/ruff check kg ingest tests

typecheck: $(BIN)/kg
	$(BIN)/mypy

cypher-lint: $(LINTER)
	node tools/cypher-lint/lint.mjs queries/

unit: $(BIN)/kg $(LINTER)
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) tools/cypher-lint/node_modules
