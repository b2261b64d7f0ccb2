# Two commands on a fresh machine with Python 3.11 and make:
#   make site   pinned tools in .venv, content validated, site built into site/
#   make test   the same set-up plus test tools, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
PDF_STAMP  := $(VENV)/.pdf-installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds (tests/test_reproducible.py): the dates a build writes (the sitemap's lastmod,
# the time inside sitemap.xml.gz, "as of" dates on pages) are the last commit's, not the clock's.
# Outside a git checkout the clock is used.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# Extra options of the site build; the publish workflow sets BUILD_FLAGS=--strict.
BUILD_FLAGS ?=

.PHONY: site serve test validate pdf clean browser site-properdocs compare-engines

site: $(SITE_STAMP)
	@# Build beside site/ and swap at the end, so a failed build never loses the last good site.
	rm -rf .site-build
	$(BIN)/mkdocs build --clean $(BUILD_FLAGS) --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Site built in site/ (its PDF links are filled by make pdf)"

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --livereload

validate: $(SITE_STAMP)
	$(BIN)/integr8 validate

test: $(TEST_STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): $(VENV)/bin/python requirements/site.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check setuptools==84.2.1
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# PDFs are an extra: `make site` stays fast and never needs a browser.
pdf: site $(PDF_STAMP) browser
	$(BIN)/integr8 pdf

$(PDF_STAMP): $(SITE_STAMP) requirements/pdf.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/pdf.txt
	touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements/test.txt requirements/pdf.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# Node tools for tests only (HTML checker, workflow linter, lunr.js for search parity); the site never needs Node.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests and PDFs need Debian's Chromium and pdftotext; as root we install them, otherwise we say what is missing.
browser:
	@scripts/ensure-system-tools

clean:
	rm -rf site .site-build $(VENV) node_modules

# ProperDocs, a maintained fork of MkDocs 1.6, builds the same mkdocs.yml: proof that a move is cheap.
site-properdocs: $(TEST_STAMP)
	rm -rf .site-properdocs
	$(BIN)/properdocs build --clean --site-dir .site-properdocs
	@echo "ProperDocs site built in .site-properdocs/"

compare-engines: $(TEST_STAMP)
	$(BIN)/python scripts/compare-engines
