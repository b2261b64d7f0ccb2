# Two commands on a fresh machine with Python 3.11 and make:
#   make site   pinned tools in .venv, content validated, site built into site/
#   make test   the same set-up plus test tools, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test validate clean browser site-properdocs compare-engines

site: $(SITE_STAMP)
	@# Build beside site/ and swap at the end, so a failed build never loses the last good site.
	rm -rf .site-build
	$(BIN)/mkdocs build --clean --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Site built in site/"

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --livereload

validate: $(SITE_STAMP)
	$(BIN)/integr8 validate

test: $(TEST_STAMP) browser
	$(BIN)/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): $(VENV)/bin/python requirements/site.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check setuptools==84.2.1
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# Browser tests drive Debian's Chromium; as root we install it, otherwise we say what is missing.
browser:
	@scripts/ensure-chromium

clean:
	rm -rf site .site-build $(VENV)

# ProperDocs, a maintained fork of MkDocs 1.6, builds the same mkdocs.yml: proof that a move is cheap.
site-properdocs: $(TEST_STAMP)
	rm -rf .site-properdocs
	$(BIN)/properdocs build --clean --site-dir .site-properdocs
	@echo "ProperDocs site built in .site-properdocs/"

compare-engines: $(TEST_STAMP)
	$(BIN)/python scripts/compare-engines
