"""Readers see a country's name in their language, never its ISO code, wherever a case names one.

A real MkDocs build of the fixture site with a second case: "example" (DE, German only, so the
English and Farsi pages show the German text) and "harbour" (AT, in German and Farsi).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser.harness import build_site
from conftest import make_project

pytestmark = pytest.mark.slow

HARBOUR = (
    "---\ntitle: {title}\nsummary: {summary}\ncountry: AT\nregion: Linz\norganisation: Organisation Two\n"
    "funding: Keine Angabe\nperiod:\n  start: \"2019-03\"\n  end: \"2020-12\"\ntarget_groups: [migrant-women]\n"
    "topics: [rights]\nwebsite: null\nsource_language: de\n---\n\n## {heading}\n\n{text}\n"
)
FILES = {
    "docs/cases/harbour.de.md": HARBOUR.format(title="Hafenprojekt", summary="Ein Projekt in Österreich.", heading="Ausgangslage", text="Text."),
    "docs/cases/harbour.fa.md": HARBOUR.format(title="پروژهٔ بندر", summary="پروژه‌ای در اتریش.", heading="وضعیت آغازین", text="متن."),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("countries") / "project", FILES)
    return build_site(root / "site", config=root / "mkdocs.yml")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def country_fact(html: str, label: str) -> list[str]:
    """The values of the fact ``label`` ("Land", "Country", "کشور") on a case page or card."""
    return re.findall(rf"<dt>{label}</dt>\s*<dd>(?:<bdi>([^<]*)</bdi>(?:, )?)+</dd>", html)


@pytest.mark.parametrize("url,label,name", [
    ("cases/example", "Land", "Deutschland"),
    ("en/cases/example", "Country", "Germany"),
    ("fa/cases/example", "کشور", "آلمان"),  # the text is German, the fact is for the Farsi reader
    ("cases/harbour", "Land", "Österreich"),
    ("en/cases/harbour", "Country", "Austria"),  # the English page shows the German text
    ("fa/cases/harbour", "کشور", "اتریش"),
])
def test_a_case_page_names_its_country_in_the_readers_language(built, url, label, name):
    assert country_fact(page(built, url), label) == [name]


@pytest.mark.parametrize("url,label,names", [
    ("cases", "Land", ["Deutschland", "Österreich"]),
    ("fa/cases", "کشور", ["آلمان", "اتریش"]),
    ("en/topics/rights", "Country", ["Germany", "Austria"]),
])
def test_catalogue_cards_and_topic_pages_name_countries_in_the_readers_language(built, url, label, names):
    assert sorted(country_fact(page(built, url), label)) == sorted(names)


def test_no_page_shows_a_country_code_as_a_fact(built):
    codes = []
    for path in sorted(built.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        codes += [f"{path.relative_to(built)}: {code}" for code in re.findall(r"<dt>(?:Land|Country|کشور)</dt>\s*<dd><bdi>([A-Z]{2})</bdi>", html)]
    assert codes == []
