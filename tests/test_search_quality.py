"""Search quality in Python: every query of tests/search/queries.yml over the real content.

The same queries run in Chromium against a real build in tests/test_search_browser.py; this is the
quick check while changing rules, content or ranking.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from integr8.pages.generated import language_prefix
from integr8.pages.site import Site
from integr8.project import load_project
from integr8.search import language_index
from integr8.search.index import load, search
from integr8.search.normalise import rules_for

ROOT = Path(__file__).resolve().parents[1]
QUERIES_FILE = ROOT / "tests" / "search" / "queries.yml"
MIN_QUERIES = 10


def load_queries() -> dict[str, list[dict]]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def query_params() -> list:
    return [
        pytest.param(language, entry, id=f"{language}-{entry['query']}")
        for language, entries in load_queries().items() for entry in entries
    ]


@pytest.fixture(scope="module")
def real_indexes():
    site = Site(load_project(ROOT / "mkdocs.yml"))
    return {code: (index, load(index.payload)) for code in site.project.codes for index in [language_index(site, code)]}


def test_every_configured_language_has_enough_queries():
    queries = load_queries()
    for code in load_project(ROOT / "mkdocs.yml").codes:
        assert len(queries.get(code, [])) >= MIN_QUERIES, f"{QUERIES_FILE}: {code} needs at least {MIN_QUERIES} queries"


@pytest.mark.parametrize("language,entry", query_params())
def test_query_finds_its_pages_in_the_first_three(real_indexes, language, entry):
    index, lunr_index = real_indexes[language]
    prefix = language_prefix(language, load_project(ROOT / "mkdocs.yml").default_language)
    results = search(lunr_index, entry["query"], rules_for(language), index.kinds)
    top = [index.documents[int(result["ref"])].url.split("#")[0] for result in results[:3]]
    for path in entry["top3"]:
        assert prefix + path in top, f"{language} {entry['query']!r}: {prefix + path} not in the first three {top}"
