"""The search file of a language: what it holds, how it is written, and that its index answers.

Built from the fixture project (tests/fixtures/site: modules alpha in de/en/fa and beta in de/en,
one case in German, a glossary of two words).
"""

from __future__ import annotations

import json

import pytest

from conftest import make_project
from integr8.pages.site import Site
from integr8.project import load_project
from integr8.search import language_index
from integr8.search.documents import PROVIDERS, SearchDocument, documents_for, plain
from integr8.search.index import build_lunr, decode, encode, load, query_clauses, search
from integr8.search.normalise import rules_for


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("search") / "project")
    return Site(load_project(root / "mkdocs.yml"))


@pytest.fixture(scope="module")
def files(site):
    return {code: language_index(site, code) for code in site.project.codes}


def urls(index) -> list[str]:
    return [row[0] for row in index.payload["documents"]]


def found(index, text: str) -> list[str]:
    results = search(load(index.payload), text, rules_for(index.language), index.kinds)
    return [index.documents[int(result["ref"])].url for result in results]


def test_the_file_is_compact_utf8_json_with_letters_not_escapes(files):
    data = files["fa"].to_json()
    assert b"\\u" not in data, "letters are written as UTF-8, never as \\u escapes"
    text = data.decode("utf-8")
    assert "آلفا به فارسی" in text and "ژ" not in "" and ": " not in text[:200]
    assert json.loads(text)["language"] == "fa"


def test_a_language_holds_only_pages_written_in_it(files):
    assert "fa/modules/alpha/" in urls(files["fa"])
    assert not any("beta" in url for url in urls(files["fa"])), "beta has no Persian text: it is not in the Persian index"
    assert not any(url.startswith("fa/cases/") for url in urls(files["fa"])), "the case is German only"
    assert "cases/example/" in urls(files["de"]) and "modules/beta/" in urls(files["de"])
    assert all(url.startswith("en/") for url in urls(files["en"]))


def test_a_module_document_has_title_summary_objectives_sessions_duration_and_level(files):
    row = next(row for row in files["en"].payload["documents"] if row[0] == "en/modules/alpha/")
    url, kind, title, facts, summary, passages = row
    assert (kind, title) == ("module", "Alpha in English")
    assert facts == ["50 min", "Entry level"]
    assert summary
    texts = [passage[0] for passage in passages]
    assert "Participants know Alpha." in texts, "objectives are passages, shown as snippets"
    assert ["Arriving", "arriving"] in passages, "session headings link to their anchor"
    assert not any("Secret" in text for text in texts), "facilitator notes are not shown in results"


def test_glossary_entries_are_found_by_the_german_word_and_the_readers_word(files):
    assert found(files["fa"], "Jobcenter")[0] == "fa/glossary/#jobcenter"
    assert found(files["fa"], "اداره کار")[0] == "fa/glossary/#jobcenter"
    assert found(files["en"], "Jobcenters")[0] == "en/glossary/#jobcenter", "other spellings find the entry"


def test_a_case_is_found_by_the_name_of_its_country_in_the_readers_language(files):
    assert "cases/example/" in found(files["de"], "Deutschland"), "the fixture case is in DE"


def test_results_are_labelled_in_the_readers_language(files):
    strings = files["fa"].payload["strings"]
    assert strings["kinds"]["module"] == "واحد آموزشی"
    assert "{n}" in strings["count"] and "{query}" in strings["none"]


def test_the_index_keeps_no_positions_or_other_metadata(files):
    serialised = decode(files["de"].payload["index"])
    for _term, posting in serialised["invertedIndex"]:
        for field in serialised["fields"]:
            assert all(metadata == {} for metadata in posting[field].values())


def test_the_compact_form_is_lunrs_index_renumbered(site):
    documents = documents_for(site, "de")
    original = build_lunr(documents, rules_for("de")).serialize()
    decoded = decode(encode(original, len(documents)))

    def readable(serialised):
        names = {posting["_index"]: term for term, posting in serialised["invertedIndex"]}
        vectors = {ref: sorted((names[e[k]], e[k + 1]) for k in range(0, len(e), 2)) for ref, e in serialised["fieldVectors"]}
        postings = {term: {f: sorted(p[f]) for f in serialised["fields"]} for term, p in serialised["invertedIndex"]}
        return vectors, postings

    assert readable(decoded) == readable(original)
    terms = [term for term, _ in decoded["invertedIndex"]]
    assert terms == sorted(terms, key=lambda term: term.encode("utf-16-be")), "lunr.js inserts terms in UTF-16 order"


def test_the_index_answers_in_each_language(files):
    assert found(files["de"], "Alpha")[0] == "modules/alpha/"
    assert found(files["de"], "Ankommen")[0] == "modules/alpha/", "a session heading"
    assert found(files["fa"], "آلفا")[0] == "fa/modules/alpha/"
    assert found(files["fa"], "آشنایی")[0] == "fa/modules/alpha/"
    assert found(files["en"], "nothing-like-this") == []


def test_a_word_being_typed_finds_longer_words():
    rules = rules_for("de")
    assert ("ankomm", 1, True) in query_clauses("Ankomm", rules)
    assert query_clauses("die", rules) == [("die", 1, True)], "a stop word being typed may start 'Dienst'"
    assert query_clauses("die Arbeit", rules)[0] == ("arbeit", 10, False), "a stop word before others is dropped"


def test_the_stem_of_the_stem_is_searched_too():
    clauses = query_clauses("Gesundheitssystems", rules_for("de"))
    assert ("gesundheitssystem", 10, False) in clauses and ("gesundheitssyst", 5, False) in clauses


def test_the_fallback_decision_and_providers_are_documented():
    from integr8.search import documents

    assert "fallback" in documents.__doc__ and documents.modules in PROVIDERS and documents.glossary in PROVIDERS


def test_a_new_provider_adds_documents(site, monkeypatch):
    def notes(site, language):
        return [SearchDocument("page", f"{site.url_prefix(language)}notes/", "Merkzettel Zebra")]

    monkeypatch.setattr("integr8.search.documents.PROVIDERS", [*PROVIDERS, notes])
    index = language_index(site, "de")
    assert found(index, "Zebra") == ["notes/"]


def test_plain_text_of_markdown_keeps_words_and_drops_markup():
    text = plain("**Wichtig:** [Jobcenter](https://example.org) und ![Logo](logo.png) <b>hier</b>\n- Punkt")
    assert text == "Wichtig: Jobcenter und Logo hier Punkt"


def test_every_kind_of_result_has_a_label():
    from integr8.search import KIND_STRINGS
    from integr8.search.documents import KINDS

    assert set(KIND_STRINGS) == set(KINDS)
