"""The directory of local networks and contact points (curriculum/directory.yml): its view model,
the filter options, and the repository's real entries.

How each validation rule reports a broken entry is specified by example in tests/rules/
(directory-organisation, personal-data, reference-unknown, text-language-missing).
"""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import ROOT, make_project
from integr8.content.corpus import load_corpus
from integr8.pages.directory import directory_page, generate
from integr8.pages.site import Site
from integr8.project import load_project
from integr8.validate import validate

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def site(project):
    return Site(load_project(project / "mkdocs.yml"), today=TODAY)


def view(site, language):
    return directory_page(site, site.corpus.data_files["directory.yml"].doc.data, language)


def test_real_offers_come_first_then_examples_each_by_country_and_region_in_the_reader_language(site):
    assert [(e.id, e.example) for e in view(site, "en").entries] == [("mentoring-one", False), ("example-group", True), ("example-cafe", True)]
    assert [e.id for e in view(site, "de").entries] == ["mentoring-one", "example-cafe", "example-group"], "Deutschland before Österreich"


def test_an_entry_names_its_organisation_from_partners_yml_with_the_partner_website(site):
    entry = view(site, "en").entries[0]
    assert (entry.organisation, entry.website) == ("Organisation One", "https://one.example.org")
    assert (entry.kind_label, entry.language_labels) == ("Mentoring", ["German", "Arabic"])
    assert (entry.region, entry.country, entry.places) == ("Niedersachsen", "Germany", "Nienburg")
    assert entry.case_url == "en/cases/example/"


def test_an_entry_without_partner_names_its_organisation_and_only_its_own_website(site):
    entries = {e.id: e for e in view(site, "de").entries}
    group, cafe = entries["example-group"], entries["example-cafe"]
    assert (group.organisation, group.website, group.country) == ("Frauennetz Beispiel", "https://women.example.org", "Österreich")
    assert (cafe.organisation, cafe.website, cafe.case_url) == ("Stadtteiltreff Musterstadt", None, None)


def test_labels_are_in_the_reader_language(site):
    page = view(site, "fa")
    assert page.title == "شبکه‌ها و مراکز محلی"
    assert page.entries[0].name == "منتورینگ یک" and page.entries[0].language_labels == ["آلمانی", "عربی"]
    assert page.labels["directory_example"] == "نمونه"


def test_filters_offer_the_regions_languages_and_kinds_that_occur_with_their_counts(site):
    region, language, kind = view(site, "en").filters
    assert (region.name, language.name, kind.name) == ("region", "language", "kind")
    assert [(o.value, o.label, o.count) for o in region.options] == [
        ("AT/Beispielland", "Beispielland (Austria)", 1), ("DE/Musterland", "Musterland (Germany)", 1), ("DE/Niedersachsen", "Niedersachsen (Germany)", 1),
    ]
    assert [(o.value, o.count) for o in language.options] == [("de", 3), ("ar", 1), ("fa", 1)]
    assert [(o.value, o.label) for o in kind.options] == [("language-cafe", "Language café"), ("womens-group", "Women's group"), ("mentoring", "Mentoring")]


def test_the_page_says_how_many_entries_it_shows_and_leads_partners_to_the_about_page(site):
    page = view(site, "de")
    assert page.shown == "3 von 3 angezeigt"
    assert page.contribute_url == "about/#contribute"


def test_with_a_repository_partners_are_sent_to_it(tmp_path):
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text("repo_url: https://example.org/integr8/hub\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    site = Site(load_project(config), today=TODAY)
    assert view(site, "fa").contribute_url == "https://example.org/integr8/hub"


def test_one_page_per_language_and_none_without_a_directory(site, tmp_path):
    assert [p.url for lang in ("de", "en", "fa") for p in generate(site, lang)] == ["directory/", "en/directory/", "fa/directory/"]
    root = make_project(tmp_path / "p", {"curriculum/directory.yml": None, "curriculum/doors.yml": None})
    assert generate(Site(load_project(root / "mkdocs.yml"), today=TODAY), "de") == []


def test_an_entry_past_its_review_date_is_a_warning_at_that_line(tmp_path, project):
    text = (project / "curriculum" / "directory.yml").read_text(encoding="utf-8").replace("review_by: 2030-01-31", "review_by: 2026-01-31", 1)
    root = make_project(tmp_path / "p", {"curriculum/directory.yml": text})
    found = [(f.line, f.rule) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY) if f.path == "curriculum/directory.yml"]
    assert found == [(text.splitlines().index("  review_by: 2026-01-31") + 1, "review-due")]


def test_an_entry_must_say_whether_it_is_an_example(tmp_path, project):
    text = (project / "curriculum" / "directory.yml").read_text(encoding="utf-8")
    root = make_project(tmp_path / "p", {"curriculum/directory.yml": text.replace("  example: false\n", "", 1).replace("  example: true\n", "  example: yes please\n", 1)})
    found = {(f.rule, f.params.get("field")) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY) if f.path == "curriculum/directory.yml"}
    assert ("field-required", "[0].example") in found and ("field-type", "[1].example") in found


def test_a_mailto_or_tel_link_is_not_a_website(tmp_path, project):
    text = (project / "curriculum" / "directory.yml").read_text(encoding="utf-8").replace("website: https://women.example.org", "website: mailto:info@women.example.org")
    root = make_project(tmp_path / "p", {"curriculum/directory.yml": text})
    found = {(f.rule, f.params.get("field")) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY) if f.path == "curriculum/directory.yml"}
    assert ("field-type", "[2].organisation.website") in found


# The repository's own directory ------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    project = load_project(ROOT / "mkdocs.yml")
    corpus = load_corpus(project)
    return corpus, corpus.data_files["directory.yml"].doc.data


def test_the_real_directory_is_valid(real):
    corpus, _data = real
    assert [f for f in validate(corpus, today=TODAY) if f.path == "curriculum/directory.yml"] == []


def test_real_offers_name_partner_organisations_and_invented_ones_are_marked(real):
    corpus, data = real
    real_entries = [e for e in data if e["example"] is False]
    examples = [e for e in data if e["example"] is True]
    assert real_entries and examples and len(real_entries) + len(examples) == len(data)
    assert all(e["organisation"].get("partner") in corpus.partners for e in real_entries)
    assert all(not e["organisation"].get("partner") for e in examples), "an invented offer never borrows a real organisation"


def test_the_real_directory_covers_every_kind_and_several_regions_and_languages(real):
    corpus, data = real
    assert {e["kind"] for e in data} == set(corpus.vocabularies["network_kinds"])
    assert len({(e["country"], e["region"]) for e in data}) >= 3
    assert len({code for e in data for code in e["languages"]}) >= 6


def test_every_label_the_template_prints_is_given_by_the_view(site):
    template = (ROOT / "overrides" / "integr8" / "directory.html").read_text(encoding="utf-8")
    used = set(re.findall(r"\bl\.(\w+)", template))
    assert used and used <= set(view(site, "en").labels), used - set(view(site, "en").labels)
