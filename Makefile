# Two entry points for a fresh machine with only Python 3.11:
#   make run    set up .venv and run the whole analysis on data/ (writes reports/)
#   make test   set up .venv and run the test suite, notebooks included (nbval)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA ?= data/articles data/transcripts
OUT ?= reports

.PHONY: run test venv clean bench notebooks

venv: $(STAMP)

# Re-install only when the package metadata changes.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m toolkit run $(DATA) -o $(OUT)

test: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env -p no:cacheprovider

# Re-execute the notebooks in place after a change that moves their figures (nbval compares them).
notebooks: $(STAMP)
	$(PY) -m jupyter nbconvert --to notebook --execute --inplace notebooks/[0-9]*.ipynb

bench: $(STAMP)
	$(PY) bench/quotes_bench.py

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
