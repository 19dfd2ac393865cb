# Two commands for a fresh machine: `make run` (install if needed, then extract facts from raw/)
# and `make test`. The virtual environment is built once from the pinned requirements.lock.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
INPUT ?= raw
OUT ?= processed

.PHONY: run test dictionary clean-venv

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/medfacts run $(INPUT) --out $(OUT)

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

dictionary: $(VENV)/.installed
	$(BIN)/python -m extractors.tables

clean-venv:
	rm -rf $(VENV)
