# Newswire: `make run` starts the whole stack here; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test test-unit lint bench eval demo clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)
	@if [ -z "$$NEWSWIRE_REDIS_URL" ]; then scripts/ensure-redis.sh; fi

run: setup
	$(PY) scripts/stack.py

test: setup
	scripts/ensure-redis.sh
	$(PY) -m pytest

test-unit: setup
	$(PY) -m pytest tests/unit

lint: setup
	$(PY) -m ruff check shared services scripts tests bench
	$(PY) -m mypy shared/newswire services/intake/newswire_intake services/worker/newswire_worker

eval: setup
	$(PY) bench/eval_enrichment.py

demo: setup
	$(PY) scripts/demo.py

bench: setup
	scripts/ensure-redis.sh
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) data .pytest_cache
