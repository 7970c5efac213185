# Two commands on a fresh machine:
#   make demo   creates .venv, installs mtcheck, runs it on the seed articles
#   make test   creates .venv, installs mtcheck and the test tools, runs the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup bench clean docs screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: the CPU wheel on this machine; anything else pulls CUDA.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[lm,embeddings,test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/mtcheck seeds/ ; status=$$?; echo "mtcheck exit code: $$status (1 = the gate found errors)"; test $$status -le 1

test: $(STAMP)
	sh scripts/install-browser.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_startup.py

docs: $(STAMP)
	$(BIN)/python -m checker.docs

screenshots: $(STAMP)
	sh scripts/install-browser.sh
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) reports/*.json reports/*.html reports/docs build *.egg-info test-artifacts
