"""The glossary: loading, validation, the page in each language, links from pages, search entries.

Rules with their own ids are specified by example in tests/rules/glossary-*.yml; this file covers
what the glossary shares with other rules (ids, schema fields, review dates) and the behaviour of
the page and of the links.
"""

from __future__ import annotations

import datetime
import textwrap

import pytest

from conftest import make_project
from integr8.content.corpus import load_corpus
from integr8.content.glossary import build_glossary
from integr8.content.yamlsource import load
from integr8.pages.glossary import collation_key, glossary_page, initial, search_entries
from integr8.pages.site import Site
from integr8.pages.termlinks import TermLinks, link_terms
from integr8.project import load_project
from integr8.validate import validate
from integr8.validate.report import text_line

TODAY = datetime.date(2026, 11, 23)
ENTRY = """\
- id: {id}
  term: {term}
  definitions: {{de: Erklärung., en: Explanation., fa: توضیح.}}
"""


def corpus_of(root):
    return load_corpus(load_project(root / "mkdocs.yml"))


def findings(root) -> list[str]:
    return [f"{f.path}:{f.line}:{f.column} {f.rule}" for f in validate(corpus_of(root), today=TODAY)]


def messages(root) -> list[str]:
    return [text_line(f) for f in validate(corpus_of(root), today=TODAY)]


def glossary_of(text: str, language: str = "de"):
    return build_glossary("curriculum/glossary.yml", load(textwrap.dedent(text)), language)


# Loading -------------------------------------------------------------------------------------------
def test_the_fixture_glossary_loads_words_names_definitions_and_modules(project):
    glossary = corpus_of(project).glossary
    assert list(glossary.terms) == ["jobcenter", "buergergeld"]
    jobcenter = glossary.terms["jobcenter"]
    assert jobcenter.words == ["Jobcenter", "Jobcenters"]
    assert jobcenter.name("fa") == "اداره کار" and jobcenter.name("de") == ""
    assert set(jobcenter.definitions) == {"de", "en", "fa"}
    assert glossary.terms["buergergeld"].modules == ["alpha", "beta"]
    assert glossary.language == "de", "terms are written in the site's default language"


def test_a_site_without_a_glossary_has_no_glossary_page_and_no_glossary_findings(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": None})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    assert site.corpus.glossary is None
    assert not [p for p in site.generated_pages("fa") if p.src_uri.startswith("glossary/")]
    assert not [f for f in site.findings if "glossary" in f.rule]
    assert search_entries(site.corpus, "fa") == []


def test_a_glossary_link_without_a_glossary_is_reported(tmp_path):
    root = make_project(tmp_path / "p", {
        "curriculum/glossary.yml": None,
        "docs/index.en.md": "---\ntitle: Start en\n---\n\n# Start en\n\nAsk the [job centre](glossary:jobcenter).\n",
    })
    assert "docs/index.en.md:7:9 glossary-link-unknown" in findings(root)


# Validation ----------------------------------------------------------------------------------------
def test_messages_name_the_word_and_the_language(tmp_path):
    text = "- id: kita\n  term: Kita\n  definitions: {de: Ein Ort für Kinder., en: A place for children.}\n" + ENTRY.format(id="jobcenter", term="Jobcenter")
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    line = next(m for m in messages(root) if m.endswith("[glossary-definition-missing]"))
    assert line.startswith("curriculum/glossary.yml:3:3: error: the word 'Kita' (kita) has no definition in 'fa'.")
    assert "Add a line 'fa: …' under 'definitions:' of 'kita'" in line


def test_a_language_the_glossary_has_not_begun_is_one_warning_and_falls_back(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": "- id: kita\n  term: Kita\n  definitions: {de: Ein Ort für Kinder., en: A place for children.}\n"})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    glossary_findings = [text_line(f) for f in site.findings if f.path == "curriculum/glossary.yml"]
    assert glossary_findings == [
        "curriculum/glossary.yml:3:3: warning: the glossary has no definitions in 'fa' yet, so readers of 'fa' see the 'de' "
        "definitions of its 1 words. Fix: Add a line 'fa: …' under 'definitions:' of each word, starting with the words "
        "that the modules use most. [glossary-language-missing]"
    ]
    assert not site.errors
    entry = glossary_page(site, "fa").letters[0].entries[0]
    assert entry.is_fallback and entry.definition_lang == "de"


def test_the_source_language_is_always_required(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": "- id: kita\n  term: Kita\n  definitions: {en: A place for children., fa: جایی برای کودکان.}\n"})
    assert "curriculum/glossary.yml:3:3 glossary-definition-missing" in findings(root)
    assert not [f for f in findings(root) if f.endswith("glossary-language-missing")]


def test_a_repeated_id_is_reported_and_the_first_entry_counts(tmp_path):
    text = ENTRY.format(id="kita", term="Kita") + ENTRY.format(id="kita", term="Kindertagesstätte")
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    assert "curriculum/glossary.yml:4:7 id-duplicate" in findings(root)
    assert corpus_of(root).glossary.terms["kita"].term == "Kita"


def test_a_term_must_stay_in_latin_letters(tmp_path):
    text = ENTRY.format(id="jobcenter", term="جاب‌سنتر") + "  forms: [Jobcenters, Джобцентр]\n"
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    found = messages(root)
    assert any(m.startswith("curriculum/glossary.yml:2:9: error: 'term' must be the word in Latin letters") for m in found), found
    assert any(m.startswith("curriculum/glossary.yml:4:23: error: 'forms' must be the word in Latin letters") for m in found), found


def test_an_unknown_related_module_is_reported_with_a_suggestion(tmp_path):
    text = ENTRY.format(id="kita", term="Kita") + "  modules: [alpha, alhpa]\n"
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    line = next(m for m in messages(root) if m.endswith("[reference-unknown]"))
    assert line.startswith("curriculum/glossary.yml:4:20: error: 'alhpa' is not a module (a folder under curriculum/) (did you mean 'alpha'?)")


@pytest.mark.parametrize("text, expected", [
    ("jobcenter: Das Amt\n", "curriculum/glossary.yml:1:1 yaml-not-mapping"),
    ("- id: kita\n  term: Kita\n", "curriculum/glossary.yml:1:3 field-required"),
    (ENTRY.format(id="kita", term="Kita") + "  meaning: x\n", "curriculum/glossary.yml:4:3 field-unknown"),
    ("- id: kita\n  term: Kita\n  definitions: {de: '**Ein Ort** für Kinder.', en: x, fa: x}\n", "curriculum/glossary.yml:3:21 field-type"),
    ("- id: kita\n  term: Kita\n  definitions: {de: x, en: x, fa: x, xx: x}\n", "curriculum/glossary.yml:3:38 language-unknown"),
    ("- id: Kita Platz\n  term: Kita\n  definitions: {de: x, en: x, fa: x}\n", "curriculum/glossary.yml:1:7 field-type"),
])
def test_entries_are_checked_against_the_schema(tmp_path, text, expected):
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    assert expected in findings(root)


def test_a_definition_longer_than_three_short_sentences_is_reported(tmp_path):
    long = "Ein sehr langer Satz. " * 20
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": f"- id: kita\n  term: Kita\n  definitions: {{de: {long.strip()}, en: x, fa: x}}\n"})
    assert "curriculum/glossary.yml:3:21 field-too-long" in findings(root)


def test_a_passed_review_date_is_a_warning_not_an_error(tmp_path):
    text = ENTRY.format(id="buergergeld", term="Bürgergeld") + "  review_by: 2026-01-31\n"
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    assert "curriculum/glossary.yml:4:14 review-due" in findings(root)
    assert not Site(load_project(root / "mkdocs.yml"), today=TODAY).errors


def test_the_repository_glossary_is_valid_and_complete():
    from conftest import ROOT

    project = load_project(ROOT / "mkdocs.yml")
    corpus = load_corpus(project)
    assert len(corpus.glossary.terms) >= 40
    glossary_findings = [f for f in validate(corpus) if f.path == "curriculum/glossary.yml" and f.rule != "review-due"]
    assert glossary_findings == []
    for term in corpus.glossary.terms.values():
        assert set(term.definitions) == set(project.codes), term.id
        assert term.modules, f"{term.id} leads to no module"


# Links from pages ----------------------------------------------------------------------------------
GLOSSARY = """\
- id: jobcenter
  term: Jobcenter
  forms: [Jobcenters]
  names: {fa: اداره کار, en: "job centre | office"}
- id: agentur-fuer-arbeit
  term: Agentur für Arbeit
- id: kita
  term: Kita
  forms: [Kitas]
"""


def links(language_attributes=None, glossary_text=GLOSSARY, language="fa"):
    glossary = glossary_of(glossary_text)
    return TermLinks(
        glossary,
        href=lambda term_id: f"../../glossary/#{term_id}",
        title=lambda term_id: glossary.terms[term_id].name(language),
        word_attributes=language_attributes or {},
    )


def anchors(html: str) -> list[str]:
    import re

    return re.findall(r'<a class="i8-term" href="[^"]*#([\w-]+)"[^>]*>([^<]*)</a>', html)


def test_the_first_use_of_each_word_links_to_its_entry_once():
    text = "Das Jobcenter hilft. Beim Jobcenter gibt es Termine.\n\nDie Kitas und die Kita.\n"
    out = link_terms(text, links(language="de"))
    assert anchors(out) == [("jobcenter", "Jobcenter"), ("kita", "Kitas")]
    assert out.count("Jobcenter") == 2


def test_words_inside_other_words_or_after_a_hyphen_are_not_linked_but_before_one_they_are():
    out = link_terms("Jobcenterbrief, Berufs-Kita, Jobcenter-Termin.\n", links())
    assert anchors(out) == [("jobcenter", "Jobcenter")]
    assert "Jobcenterbrief" in out and "Berufs-Kita" in out


def test_a_word_of_several_words_is_found_across_spaces():
    out = link_terms("Fragen Sie die Agentur  für Arbeit.\n", links())
    assert anchors(out) == [("agentur-fuer-arbeit", "Agentur  für Arbeit")]


@pytest.mark.parametrize("text", [
    "# Das Jobcenter\n",
    "Das Jobcenter\n=============\n",
    "Das Jobcenter\n---\n",
    "Im Brief steht `Jobcenter`.\n",
    "```\nJobcenter\n```\n",
    "    Jobcenter im Code\n",
    "Schreiben Sie an das [Jobcenter](https://example.org/jobcenter).\n",
    "Schreiben Sie an das [Jobcenter][jc].\n\n[jc]: https://example.org\n",
    "Siehe <a href=\"https://example.org\">das Jobcenter</a>.\n",
    "Siehe https://example.org/Jobcenter/ oder www.Jobcenter.example.\n",
    "<img src=\"x.png\" alt=\"Jobcenter\">\n",
    "<h3>Jobcenter</h3>\n",
    "Text {: title=\"Jobcenter\" }\n",
    "<!-- Jobcenter -->\n",
    "<!--\nJobcenter\n-->\n",
    "Ein [Link über\nzwei Zeilen zum Jobcenter](https://example.org).\n",
    "!!! note \"Jobcenter\"\n",
    "<summary>Jobcenter</summary>\n",
])
def test_headings_code_links_attributes_and_addresses_are_never_linked(text):
    assert anchors(link_terms(text, links())) == [], text


def test_a_word_after_something_that_was_skipped_is_still_linked():
    text = "# Das Jobcenter\n\nSiehe [die Kita](https://example.org) und `Jobcenter`. Dann: das Jobcenter und die Kita.\n"
    assert anchors(link_terms(text, links())) == [("jobcenter", "Jobcenter"), ("kita", "Kita")]


def test_indented_lines_of_a_list_are_text_and_after_a_paragraph_code():
    text = "1. Erster Schritt:\n\n    Gehen Sie zum Jobcenter.\n\nAbsatz.\n\n    Kita im Code\n"
    out = link_terms(text, links())
    assert anchors(out) == [("jobcenter", "Jobcenter")]
    assert "    Kita im Code" in out


def test_words_in_raw_html_blocks_and_tables_are_linked_as_html():
    text = "<div class=\"i8-box\" markdown=\"1\">\n<p>Zum Jobcenter</p>\n</div>\n\n| Amt | Wofür |\n| --- | --- |\n| Kita | Kinder |\n"
    out = link_terms(text, links())
    assert anchors(out) == [("jobcenter", "Jobcenter"), ("kita", "Kita")]
    assert "| <a class=\"i8-term\"" in out


def test_a_link_written_on_purpose_becomes_the_entry_link_and_the_word_is_not_linked_again():
    text = "Das Jobcenter zahlt.\n\nFragen Sie beim [Amt für Arbeit](glossary:jobcenter).\n\n[kita]: glossary:kita\n"
    out = link_terms(text, links())
    assert anchors(out) == [("jobcenter", "Amt für Arbeit")], "the automatic link gives way to the written one"
    assert "[kita]: ../../glossary/#kita" in out
    assert "Das Jobcenter zahlt." in out


def test_an_unknown_glossary_link_is_left_for_validation_to_report():
    text = "Siehe [Amt](glossary:amt).\n"
    assert link_terms(text, links()) == text


def test_on_a_page_in_another_language_the_word_keeps_its_language_and_a_tooltip_in_the_readers():
    out = link_terms("با Jobcenter تماس بگیرید.\n", links({"lang": "de", "dir": "ltr"}))
    assert '<a class="i8-term" href="../../glossary/#jobcenter" title="اداره کار" lang="de" dir="ltr">Jobcenter</a>' in out


def test_tooltips_cannot_break_tables_or_markdown():
    out = link_terms("| Jobcenter |\n", links(language="en"))
    assert 'title="job centre &#124; office"' in out


# The page ------------------------------------------------------------------------------------------
@pytest.fixture
def site(project):
    return Site(load_project(project / "mkdocs.yml"), today=TODAY)


def test_entries_are_in_the_order_of_the_german_word_grouped_by_letter(site):
    page = glossary_page(site, "de")
    assert [(letter.letter, [e.id for e in letter.entries]) for letter in page.letters] == [("B", ["buergergeld"]), ("J", ["jobcenter"])]
    assert page.letters[0].anchor == "letter-b"
    assert page.index == [], "a German reader needs no second list"


def test_a_persian_reader_gets_the_german_word_marked_as_german_and_her_own_words_in_her_order(site):
    page = glossary_page(site, "fa")
    assert (page.content_language, page.content_direction) == ("fa", "rtl")
    entry = page.letters[1].entries[0]
    assert (entry.term, entry.term_lang, entry.term_dir, entry.name) == ("Jobcenter", "de", "ltr", "اداره کار")
    assert [item.name for item in page.index] == ["اداره کار", "کمک هزینهٔ زندگی"]
    assert not entry.is_fallback and entry.definition_lang == ""


def test_other_entries_words_in_a_definition_link_to_them_and_keep_their_language(site):
    entry = glossary_page(site, "fa").letters[0].entries[0]  # Bürgergeld
    linked = [(s.text, s.href, s.lang, s.dir) for s in entry.definition if s.href]
    assert linked == [("Jobcenter", "#jobcenter", "de", "ltr")]
    assert "".join(s.text for s in entry.definition) == site.corpus.glossary.terms["buergergeld"].definitions["fa"]


def test_related_modules_link_in_the_readers_language_and_mark_a_fallback_title(site):
    entry = glossary_page(site, "fa").letters[0].entries[0]
    assert [(m.title, m.url, m.lang) for m in entry.modules] == [("آلفا به فارسی", "../modules/alpha/", ""), ("Beta auf Deutsch", "../modules/beta/", "de")]


def test_a_missing_definition_falls_back_to_german_marked_as_german(tmp_path):
    text = "- id: kita\n  term: Kita\n  names: {fa: مهدکودک}\n  definitions: {de: Ein Ort für Kinder., en: A place for children.}\n"
    root = make_project(tmp_path / "p", {"curriculum/glossary.yml": text})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    entry = glossary_page(site, "fa").letters[0].entries[0]
    assert entry.is_fallback and (entry.definition_lang, entry.definition_dir) == ("de", "ltr")
    assert entry.definition[0].text == "Ein Ort für Kinder."
    assert glossary_page(site, "fa").labels["glossary_fallback"] == site.strings("fa")["glossary_fallback"]


def test_the_page_is_generated_in_every_language_at_the_agreed_address(site):
    for language, url in (("de", "glossary/"), ("en", "en/glossary/"), ("fa", "fa/glossary/")):
        page = next(p for p in site.generated_pages(language) if p.src_uri == "glossary/index.md")
        assert (page.url, page.dest_uri, page.view.kind) == (url, url + "index.html", "glossary")
        assert page.alternates == {"de": "glossary/", "en": "en/glossary/", "fa": "fa/glossary/"}


# Ordering ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language, words, expected", [
    ("de", ["Überweisung", "Zeugnis", "Ausbildung", "Umzug"], ["Ausbildung", "Überweisung", "Umzug", "Zeugnis"]),
    ("fa", ["تعلیق", "پزشک", "بیمه", "آژانس", "اداره"], ["آژانس", "اداره", "بیمه", "پزشک", "تعلیق"]),
    ("tr", ["İzin", "ılık", "Çocuk", "Dil", "Cep"], ["Cep", "Çocuk", "Dil", "ılık", "İzin"]),
    ("uk", ["Їжа", "Ґанок", "Гроші", "Єдність", "Ера"], ["Гроші", "Ґанок", "Ера", "Єдність", "Їжа"]),
    ("en", ["job centre", "jobcentre"], ["job centre", "jobcentre"]),
])
def test_words_sort_in_the_readers_alphabet(site, language, words, expected):
    alphabet = site.strings(language)["alphabet"]
    assert sorted(words, key=lambda w: collation_key(w, alphabet)) == expected


def test_a_word_is_listed_under_its_letter_without_accents(site):
    alphabet = site.strings("de")["alphabet"]
    assert [initial(w, alphabet) for w in ("Überweisung", "ärztlich", "Steuer-ID", "Zeugnis")] == ["U", "A", "S", "Z"]


# Search --------------------------------------------------------------------------------------------
def test_search_gets_every_entry_in_the_readers_language_with_its_address(project):
    corpus = corpus_of(project)
    entries = {entry.id: entry for entry in search_entries(corpus, "fa")}
    jobcenter = entries["jobcenter"]
    assert (jobcenter.term, jobcenter.name, jobcenter.url) == ("Jobcenter", "اداره کار", "fa/glossary/#jobcenter")
    assert jobcenter.definition.startswith("اداره‌ای برای Bürgergeld") and jobcenter.definition_language == "fa"
    assert jobcenter.forms == ("Jobcenters",)
    assert search_entries(corpus, "de")[0].url == "glossary/#jobcenter"
    assert search_entries(corpus, "de")[0].name == "", "in German the name is the term itself"


def test_a_stray_bracket_or_angle_hides_words_only_until_the_paragraph_ends():
    text = "Preis [ohne Klammer und a <b ohne Ende Jobcenter\n\nDanach die Kita.\n"
    assert anchors(link_terms(text, links())) == [("kita", "Kita")]
