"""The benchmark's synthetic corpus: valid, realistic, in every language, the same on every run."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project, run_integr8
from integr8.bench import text
from integr8.bench.corpus import case_count, generate, module_id
from integr8.bench.workspace import module_as_page, prepare, stock_config
from integr8.content.body import parse
from integr8.content.textfile import split_front_matter
from integr8.project import load_project

SCRIPTS = {
    "ar": re.compile(r"[\u0621-\u064a]"),
    "fa": re.compile(r"[پچژگ]"),  # letters Persian has and Arabic has not
    "uk": re.compile(r"[єіїґ]"),  # letters Ukrainian has and Russian has not
    "tr": re.compile(r"[çğışöüİ]"),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """The real project's configuration and data files, with a small synthetic corpus."""
    return prepare(load_project(ROOT / "mkdocs.yml"), tmp_path_factory.mktemp("bench") / "work", size=4, seed=1)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def versions(workspace, module: str) -> dict[str, str]:
    folder = workspace.ours / "curriculum" / module
    return {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}


def test_the_corpus_validates_with_zero_findings(workspace):
    result = run_integr8("--config", str(workspace.ours_config), "validate", "--format", "json", cwd=workspace.ours)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_the_corpus_of_another_project_validates_in_its_own_languages(tmp_path):
    project = load_project(make_project(tmp_path / "project") / "mkdocs.yml")
    work = prepare(project, tmp_path / "work", size=3, seed=7)
    assert sorted(path.name for path in (work.ours / "curriculum" / module_id(0)).glob("*.md")) == ["de.md", "en.md", "fa.md"]
    result = run_integr8("--config", str(work.ours_config), "validate", "--format", "json", cwd=work.ours)
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout


def test_every_module_and_case_exists_in_every_configured_language(workspace):
    languages = load_project(ROOT / "mkdocs.yml").codes
    for index in range(4):
        assert sorted(versions(workspace, module_id(index))) == sorted(languages)
    cases = sorted(path.name for path in (workspace.ours / "docs" / "cases").glob("*.md"))
    assert cases == sorted(f"case-{n:03d}.{code}.md" for n in range(1, case_count(4) + 1) for code in languages)


def test_text_is_written_in_each_language_s_own_script(workspace):
    texts = versions(workspace, module_id(0))
    for language, letters in SCRIPTS.items():
        assert len(letters.findall(texts[language])) > 50, language
    assert not SCRIPTS["ar"].search(texts["de"])


def test_modules_have_the_length_and_structure_of_real_modules(workspace):
    meta = yaml.safe_load((workspace.ours / "curriculum" / module_id(1) / "module.yml").read_text(encoding="utf-8"))
    minutes_per_language = set()
    for language, source in versions(workspace, module_id(1)).items():
        split = split_front_matter(source)
        body = parse(split.body, language, split.body_first_line)
        assert body.problems == []
        assert 5 <= len(body.sessions) <= 7 and body.handouts
        assert all(session.materials and session.notes for session in body.sessions)
        assert body.total_minutes == meta["duration_minutes"]
        minutes_per_language.add(tuple(session.minutes for session in body.sessions))
        assert 900 <= len(source.split()) <= 2000, f"{language}: {len(source.split())} words"
    assert len(minutes_per_language) == 1, "every language has the same sessions with the same minutes"


def test_text_has_the_long_tail_of_word_forms_real_text_has(workspace):
    words = re.findall(r"\w+", versions(workspace, module_id(0))["de"].lower())
    assert len(set(words)) / len(words) > 0.25


def test_translations_record_the_source_version_they_follow(workspace):
    texts = versions(workspace, module_id(2))
    assert "translated_from" not in texts["de"]
    assert all(re.search(r"^translated_from: 'sha256:[0-9a-f]{16}'$", texts[code], re.M) for code in texts if code != "de")


def test_the_same_size_and_seed_give_the_same_corpus(tmp_path):
    project = load_project(ROOT / "mkdocs.yml")
    generate(project, tmp_path / "a", 3, seed=5)
    generate(project, tmp_path / "b", 3, seed=5)
    generate(project, tmp_path / "c", 3, seed=6)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")


def test_the_ours_project_is_the_real_configuration_beside_the_corpus(workspace):
    assert workspace.ours_config.read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert (workspace.ours / "overrides" / "main.html").is_file()


def test_the_stock_project_uses_stock_material_search_and_i18n_only(workspace):
    config = yaml.safe_load(workspace.stock_config.read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "language": "de"}
    assert config["plugins"][0] == "search"
    i18n = config["plugins"][1]["i18n"]
    assert [language["locale"] for language in i18n["languages"]] == load_project(ROOT / "mkdocs.yml").codes
    assert "integr8" not in workspace.stock_config.read_text(encoding="utf-8")
    assert config == stock_config(load_project(ROOT / "mkdocs.yml"))


def test_stock_module_pages_carry_the_same_text_as_plain_markdown(workspace):
    source = (workspace.ours / "curriculum" / module_id(0) / "fa.md").read_text(encoding="utf-8")
    page = (workspace.stock / "docs" / "modules" / f"{module_id(0)}.fa.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(split_front_matter(source).yaml_text)
    assert yaml.safe_load(split_front_matter(page).yaml_text) == {"title": meta["title"]}
    assert meta["summary"] in page and all(f"- {objective}" in page for objective in meta["objectives"])
    assert split_front_matter(source).body.strip() in page


def test_links_to_other_modules_become_links_to_their_stock_pages():
    page = module_as_page("---\ntitle: T\nsummary: S\nobjectives: [O]\n---\nSee [Health](../health-system/de.md#start).\n")
    assert "See [Health](health-system.md#start)." in page


def test_a_language_without_a_word_list_borrows_the_fallback_s_words(tmp_path):
    assert text.lexicon("ti").code == text.word_data()["fallback"]
    assert not text.has_word_list("ti") and text.has_word_list("fa")


def test_word_lists_are_usable():
    data = text.word_data()
    assert data["fallback"] in data["languages"]
    for code, entry in data["languages"].items():
        words = entry["words"]
        assert all(isinstance(word, str) for word in words), f"{code}: a word YAML read as another type"
        assert len(words) == len(set(words)), f"{code}: duplicate words"
        assert entry["query"] in words[entry["function_words"]:], f"{code}: the query must be a content word of the list"
        assert len(words) - entry["function_words"] >= 100


def test_turkish_capitals_follow_turkish_rules():
    writer = text.Writer(text.lexicon("tr"), "seed")
    assert writer.capitalise("ilçe") == "İlçe" and writer.capitalise("ışık") == "Işık"
