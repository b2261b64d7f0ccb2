"""The self-check questionnaires (curriculum/self-check.yml): the view models of their pages, the
repository's real questionnaires, and the promise that the scoring script sends nothing.

How each validation rule reports a broken file is specified by example in tests/rules/
(text-language-missing, reference-unknown, scale-invalid); this file covers the rest.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project
from integr8.content.corpus import load_corpus
from integr8.pages.selfcheck import generate, overview_page, questionnaire_page
from integr8.pages.site import Site
from integr8.project import load_project
from integr8.validate import validate

TODAY = datetime.date(2026, 11, 23)
SCRIPT = ROOT / "overrides" / "assets" / "selfcheck.js"


@pytest.fixture
def site(project):
    return Site(load_project(project / "mkdocs.yml"), today=TODAY)


def data_of(site):
    return site.corpus.data_files["self-check.yml"].doc.data


def questionnaire(site, qid, language):
    data = data_of(site)
    raw = next(q for q in data["questionnaires"] if q["id"] == qid)
    return questionnaire_page(site, data, raw, language)


def test_a_questionnaire_page_numbers_its_questions_and_carries_the_points_of_every_answer(site):
    page = questionnaire(site, "individual", "en")
    assert page.title == "Self-check for me" and page.strength_from == 66
    assert [d.id for d in page.dimensions] == ["openness", "networks"]
    questions = [q for d in page.dimensions for q in d.questions]
    assert [q.number for q in questions] == [1, 2, 3, 4] and page.question_count == 4
    assert questions[0].name == "openness.curious" and questions[0].text == "I am curious."
    assert [(c.label, c.value) for c in questions[0].choices] == [
        ("Not true", "0"), ("A little true", "1"), ("Mostly true", "2"), ("Completely true", "3"), ("I don't know", ""),
    ]
    assert all(q.max_points == 3 for q in questions)


def test_texts_of_the_result_are_in_the_reader_language(site):
    page = questionnaire(site, "individual", "fa")
    openness = page.dimensions[0]
    assert (openness.title, openness.strength, openness.growth) == ("پذیرا بودن", "شما کنجکاو هستید.", "از یک نفر بپرسید.")
    assert page.labels["selfcheck_privacy"].startswith("پاسخ‌های شما روی دستگاه خودتان")


def test_links_lead_to_modules_in_the_reader_language_and_mark_an_untranslated_title(site):
    openness, networks = questionnaire(site, "individual", "fa").dimensions
    [alpha] = openness.links
    assert (alpha.title, alpha.url, alpha.lang) == ("آلفا به فارسی", "fa/modules/alpha/", None)
    [beta] = networks.links
    assert (beta.url, beta.lang, beta.dir) == ("fa/modules/beta/", "de", "ltr"), "beta has no Persian version: its German title is marked"
    assert questionnaire(site, "individual", "de").dimensions[0].links[0].url == "modules/alpha/"


def test_links_to_handbook_chapters_use_the_chapter_title(tmp_path):
    chapter = "---\ntitle: Was Kultur ist\nsummary: Ein Kapitel.\n---\n\nText.\n"
    root = make_project(tmp_path / "p", {"docs/handbook/what-culture-is.de.md": chapter})
    text = (root / "curriculum" / "self-check.yml").read_text(encoding="utf-8")
    (root / "curriculum" / "self-check.yml").write_text(text.replace("handbook: []", "handbook: [what-culture-is]"), encoding="utf-8")
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    links = questionnaire(site, "individual", "en").dimensions[0].links
    assert [(link.title, link.url, link.lang) for link in links][-1] == ("Was Kultur ist", "en/handbook/what-culture-is/", "de")


def test_the_overview_offers_each_questionnaire_with_its_number_of_questions(site):
    page = overview_page(site, data_of(site), "de")
    assert [(link.title, link.url, count) for link, _summary, count in page.questionnaires] == [
        ("Selbstcheck für mich", "self-check/individual/", 4),
        ("Selbstcheck für Organisationen", "self-check/organisation/", 1),
    ]


def test_each_questionnaire_names_the_others(site):
    page = questionnaire(site, "organisation", "en")
    assert [(o.title, o.url) for o in page.others] == [("Self-check for me", "en/self-check/individual/")]


def test_pages_are_made_in_every_language_with_the_scoring_script_only_on_questionnaires(site):
    for language, prefix in (("de", ""), ("en", "en/"), ("fa", "fa/")):
        pages = generate(site, language)
        assert [p.url for p in pages] == [f"{prefix}self-check/", f"{prefix}self-check/individual/", f"{prefix}self-check/organisation/"]
        assert not hasattr(pages[0].view, "script") and pages[1].view.script == "assets/selfcheck.js"


def test_a_site_without_self_check_file_has_no_self_check_pages(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/self-check.yml": None, "curriculum/doors.yml": None})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    assert generate(site, "de") == [] and not site.errors


def test_broken_yaml_is_a_finding_not_a_crash(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/self-check.yml": "scales: [\n"})
    found = [(f.path, f.rule) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY)]
    assert ("curriculum/self-check.yml", "yaml-syntax") in found
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    assert generate(site, "de") == []


def test_a_list_instead_of_questionnaires_is_reported(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/self-check.yml": "- one\n- two\n"})
    found = [(f.path, f.rule) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY)]
    assert ("curriculum/self-check.yml", "yaml-not-mapping") in found


def test_repeated_question_ids_and_missing_fields_are_reported_with_their_line(tmp_path, project):
    text = (project / "curriculum" / "self-check.yml").read_text(encoding="utf-8")
    broken = text.replace("- id: understand", "- id: curious").replace("strength_from_percent: 66", "strength_from_percent: 150")
    root = make_project(tmp_path / "p", {"curriculum/self-check.yml": broken})
    found = {(f.line, f.rule) for f in validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY) if f.path == "curriculum/self-check.yml"}
    line = broken.splitlines().index("          - id: curious", broken.splitlines().index("          - id: curious") + 1) + 1
    assert (line, "id-duplicate") in found
    assert (2, "field-type") in found, "a percentage above 100"


# The repository's own questionnaires -------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    project = load_project(ROOT / "mkdocs.yml")
    corpus = load_corpus(project)
    return project, corpus, corpus.data_files["self-check.yml"].doc.data


def test_the_real_self_check_is_valid(real):
    project, corpus, _data = real
    assert [f for f in validate(corpus, today=TODAY) if f.path == "curriculum/self-check.yml"] == []


@pytest.mark.parametrize("qid", ["individual", "organisation"])
def test_each_real_questionnaire_has_ten_to_fifteen_questions_in_several_dimensions(real, qid):
    _project, _corpus, data = real
    questionnaire = next(q for q in data["questionnaires"] if q["id"] == qid)
    dimensions = questionnaire["dimensions"]
    assert len(dimensions) >= 4
    assert 10 <= sum(len(d["questions"]) for d in dimensions) <= 15
    assert all(d.get("modules") and d.get("handbook") for d in dimensions), "every dimension leads to a module and a handbook chapter"


def test_the_organisation_questionnaire_covers_diversity_in_the_team_and_anti_discrimination(real):
    _project, _corpus, data = real
    organisation = next(q for q in data["questionnaires"] if q["id"] == "organisation")
    assert {"openness", "communication", "participation", "diversity", "anti-discrimination", "networks"} <= {d["id"] for d in organisation["dimensions"]}


def test_real_texts_are_short_plain_sentences(real):
    project, _corpus, data = real

    def texts(node):
        if isinstance(node, dict):
            if set(node) == set(project.codes):
                yield from node.values()
            else:
                for value in node.values():
                    yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)

    all_texts = list(texts(data))
    assert len(all_texts) >= 6 * 70, "every text in all six languages"
    for text in all_texts:
        longest = max(len(sentence.split()) for sentence in re.split(r"[.?!؟]", text) if sentence.strip())
        assert longest <= 25, f"a long sentence: {text}"


# The scoring script ------------------------------------------------------------------------------


def test_the_scoring_script_has_no_way_to_send_or_store_answers():
    source = SCRIPT.read_text(encoding="utf-8")
    for forbidden in ("fetch", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "localStorage",
                      "sessionStorage", "indexedDB", "document.cookie", "caches", "serviceWorker", "import(", ".submit("):
        assert forbidden not in source, forbidden


def test_the_scoring_script_is_small():
    assert len(SCRIPT.read_bytes()) < 5000


@pytest.mark.parametrize("template, make", [
    ("selfcheck.html", lambda site: questionnaire(site, "individual", "en")),
    ("selfcheck-index.html", lambda site: overview_page(site, data_of(site), "en")),
])
def test_every_label_a_template_prints_is_given_by_its_view(site, template, make):
    used = set(re.findall(r"\bl\.(\w+)", (ROOT / "overrides" / "integr8" / template).read_text(encoding="utf-8")))
    labels = make(site).labels
    assert used and used <= set(labels), used - set(labels)
    assert all(labels[key] != key for key in used), "every label is a real string, not its key"
