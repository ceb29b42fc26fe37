# Two entry points, both self-installing: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/strikemap gazetteer spot seeds/ -o out/seed_places.json

test: $(STAMP)
	$(BIN)/ruff check gazetteer geo maps tests benchmarks
	$(BIN)/ruff format --check gazetteer geo maps tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/gazetteer.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
