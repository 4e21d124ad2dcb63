# kwb: `make run` opens the workbench on a practice copy of the bundled project (made in
# practice/ the first time), `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

run: $(VENV)/.installed
	$(BIN)/kwb practice
	$(BIN)/kwb translate --project practice

lint: $(VENV)/.installed-test
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/ruff format --check workbench tests benchmarks

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy workbench

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/text.py
	$(BIN)/python benchmarks/segmentation_eval.py --gold benchmarks/data/segmentation_heldout.txt
	$(BIN)/python benchmarks/glossary.py
	$(BIN)/python benchmarks/matching_eval.py --no-errors
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/qa.py
	$(BIN)/python benchmarks/qa_eval.py
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/tui.py
	$(BIN)/python benchmarks/align.py
	$(BIN)/python benchmarks/align.py --gold
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/spelling.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
