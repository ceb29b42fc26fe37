# Two entry points, both self-installing: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: the package alone (what `make demo` needs) and the package with the test
# tools (`make test`), so a `make test` after a `make demo` still adds the tools.
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed
# The Jupyter kernel of this venv, named in the notebooks' metadata.
KERNEL := strikemap
KERNEL_STAMP := $(VENV)/.kernel

.PHONY: demo test notebooks lint bench bench-scale clean browser

$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(RUN_STAMP) $(STAMP)

# Registered for the user, so Jupyter started outside the venv finds it too.
$(KERNEL_STAMP): $(STAMP)
	$(BIN)/python -m ipykernel install --user --name $(KERNEL) --display-name "Python (strikemap)"
	touch $(KERNEL_STAMP)

demo: $(RUN_STAMP)
	$(BIN)/strikemap extract seeds/ -o out/events.geojson
	$(BIN)/strikemap map out/events.geojson -o out/map.html --title "strikemap demo: seeds/"
	@echo "open out/map.html (works offline); events in out/events.geojson"

# Browser tests drive Debian's chromium; install it when missing (needs root and apt).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	  >/dev/null; } || echo "chromium not installed: browser tests will be skipped"

notebooks: $(KERNEL_STAMP)
	@echo "open notebooks/ in Jupyter; they run on the '$(KERNEL)' kernel (this venv)"

test: $(STAMP) $(KERNEL_STAMP) browser
	$(BIN)/ruff check gazetteer geo maps tests benchmarks
	$(BIN)/ruff format --check gazetteer geo maps tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/gazetteer.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/maps.py
	$(BIN)/python benchmarks/analysis.py

# Several minutes: 50,000 generated articles on a local Dask cluster of 1 and 2 workers.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
