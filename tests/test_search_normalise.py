"""Search text normalisation in Python: the examples of normalisation.yml are its specification.

The same examples run through the browser's engine.js in tests/test_search_parity.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from integr8.project import load_project
from integr8.search import browser_settings
from integr8.search.normalise import language_data, normalisation_data, rules_for
from integr8.search.porter import stem as porter

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "overrides" / "assets" / "search"
EXAMPLES = normalisation_data()["examples"]


def example_id(example: dict) -> str:
    return f"{example['language']}-{example['input'].strip()[:24]}"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_python_normalises_each_example_as_specified(example):
    rules = rules_for(example["language"])
    assert rules.normalise(example["input"]) == example["normal"], example["why"]
    if "terms" in example:
        assert rules.terms(example["input"]) == example["terms"], example["why"]


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_normalising_normalised_text_changes_nothing(example):
    rules = rules_for(example["language"])
    assert rules.normalise(example["normal"]) == example["normal"]


def test_the_examples_cover_what_the_issue_asks_for():
    inputs = " ".join(example["input"] for example in EXAMPLES)
    for letters in ("پ", "چ", "ژ", "گ", "ک", "ی", "ك", "ي", "\u200c", "\u0640", "ʼ", "’", "'", "İ", "ß", "ё"):
        assert letters in inputs, f"no example shows what happens to {letters!r}"
    assert any("\u064b" <= char <= "\u065f" for char in inputs), "no example with tashkeel"
    assert any("\u06f0" <= char <= "\u06f9" for char in inputs), "no example with Persian digits"


def test_farsi_typed_with_arabic_letters_gives_the_terms_of_farsi_spelling():
    farsi = rules_for("fa")
    assert farsi.terms("مدرك تحصيلي") == farsi.terms("مدرک تحصیلی")
    assert farsi.terms("كتاب‌هاي") == farsi.terms("کتابهای")


def test_turkish_capital_i_forms_all_find_istanbul():
    turkish = rules_for("tr")
    assert turkish.terms("İstanbul") == turkish.terms("ISTANBUL") == turkish.terms("istanbul") == ["istanbul"]


def test_ukrainian_apostrophes_are_one():
    ukrainian = rules_for("uk")
    forms = ["здоров'я", "здоров’я", "здоровʼя", "ЗДОРОВ`Я"]
    assert len({ukrainian.normalise(form) for form in forms}) == 1


def test_stop_words_and_prefixes_are_compared_in_normalised_form():
    arabic = rules_for("ar")
    assert "الی" in arabic.stopwords, "إلى is written with alef and yeh forms that normalisation unifies"
    assert "کال" in arabic.prefixes, "كال with Arabic kaf becomes keheh like the text it is compared with"
    assert arabic.terms("كالمعلمة") == ["معلمه"]


def test_a_language_without_settings_is_searched_by_normalisation_alone():
    tigrinya = rules_for("ti")
    assert tigrinya.stemmer is None and not tigrinya.stopwords and not tigrinya.prefixes
    assert tigrinya.terms("ሰላም ዓለም") == ["ሰላም", "ዓለም"], "Ethiopic letters (and their vowel marks) stay whole words"
    assert tigrinya.terms("Straße") == ["strasse"], "the general rules still apply"


def test_every_configured_language_has_rules_and_its_browser_files_exist():
    for code in load_project(ROOT / "mkdocs.yml").codes:
        settings = browser_settings(code)
        for script in settings.scripts:
            assert (ROOT / "overrides" / script).is_file(), f"{code}: {script} is not in overrides/"
        assert (ROOT / "overrides" / settings.bootstrap).is_file()


def test_every_stemmer_names_files_that_are_vendored():
    for name, stemmer in language_data()["stemmers"].items():
        for script in stemmer["browser"]["scripts"]:
            assert (ASSETS / script).is_file(), f"stemmer {name}: {script} missing in {ASSETS}"


@pytest.mark.parametrize("word,stem", [
    ("always", "alway"), ("day", "day"), ("as", "as"), ("cries", "cri"), ("communities", "commun"),
    ("yearly", "yearli"), ("relational", "relat"), ("hopping", "hop"), ("filing", "file"),
])
def test_english_stems_are_those_of_lunr_js(word, stem):
    # lunr.js 2.3.9's own results for these words; the full vocabulary is compared in the parity test
    assert porter(word) == stem


def test_the_rules_handed_to_the_browser_are_the_same_in_every_build():
    # Two builds of the same sources are byte-identical: no set or dict order may leak into the file.
    import json
    import os
    import subprocess
    import sys

    code = "import json; from integr8.search.normalise import rules_for; print(json.dumps([rules_for(c).for_browser() for c in ('ar', 'fa', 'de', 'tr')], ensure_ascii=False))"
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0]["prefixes"][0] in ("بال", "فال", "کال", "وال"), "longest prefixes come first"
