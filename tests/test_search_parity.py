"""The browser's search code and the Python code agree, checked by running both on the same input.

Node runs tests/search/parity.test.js with the files the browser loads (overrides/assets/search/):
it checks every normalisation example itself, then returns the term of every word of the site
and the clauses and ranked results of queries, which must equal Python's exactly. The words are
the whole vocabulary of the real content, so a stemmer upgrade on either side that changes a
single stem fails here (see languages.yml for why stemmers are pinned as they are).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from browser.harness import in_ci
from integr8.pages.site import Site
from integr8.project import load_project
from integr8.search import browser_settings, language_index
from integr8.search.index import load, query_clauses, search
from integr8.search.normalise import normalisation_data, rules_for

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node") or "/usr/bin/node"
SCRIPT = ROOT / "tests" / "search" / "parity.test.js"
ASSETS = ROOT / "overrides" / "assets" / "search"
NODE_MODULES = ROOT / "node_modules"
STEM_TOLERANCE = 1000  # a stemmer may give another stem for at most one word in this many

# The vendored browser files and where they come from (npm packages pinned in package.json).
VENDORED = {
    "lunr.min.js": "lunr/lunr.min.js",
    "lunr.de.min.js": "lunr-languages/min/lunr.de.min.js",
    "lunr.tr.min.js": "lunr-languages/min/lunr.tr.min.js",
    "lunr.stemmer.support.min.js": "lunr-languages/min/lunr.stemmer.support.min.js",
}


def need(path: Path, what: str) -> None:
    if Path(path).exists():
        return
    message = f"{what} ({path}) is missing: run `make test`"
    if in_ci():
        pytest.fail(message + " (CI=true: tests never skip)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def real():
    site = Site(load_project(ROOT / "mkdocs.yml"))
    indexes = {code: language_index(site, code) for code in site.project.codes}
    return site, indexes


def texts(site, language: str) -> list[str]:
    """Every file written in ``language``, whole (front matter, body, notes)."""
    found = [version.raw for module in site.corpus.modules.values() for code, version in module.versions.items() if code == language]
    return found + [page.raw for page in site.corpus.pages if page.language == language]


def vocabulary(site, language: str) -> list[str]:
    """Every normalised word of the pages written in ``language``, bodies included."""
    rules = rules_for(language)
    return sorted({word for text in texts(site, language) for word in rules.words(text)})


def queries(language: str, site) -> list[str]:
    listed = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8")).get(language, [])
    texts = [entry["query"] for entry in listed]
    words = vocabulary(site, language)
    # words being typed, words alone and pairs, spread over the vocabulary
    texts += [word[:3] for word in words[::37]] + words[::23] + [" ".join(words[i:i + 2]) for i in range(0, len(words), 53)]
    return texts + ["", "   ", "!!", "die", "و"]


@pytest.fixture(scope="module")
def node_run(real, tmp_path_factory):
    need(NODE, "Node.js")
    site, indexes = real
    job = {
        "payloads": {
            code: {**index.payload, "scripts": [Path(script).name for script in browser_settings(code).scripts]}
            for code, index in indexes.items()
        },
        "examples": normalisation_data()["examples"],
        "texts": {code: texts(site, code) for code in indexes},
        "words": {code: vocabulary(site, code) for code in indexes},
        "queries": {code: queries(code, site) for code in indexes},
    }
    path = tmp_path_factory.mktemp("parity") / "job.json"
    path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([NODE, str(SCRIPT), str(path)], capture_output=True, text=True, timeout=300)
    return job, result


def test_javascript_normalises_every_example_as_specified(node_run):
    _job, result = node_run
    assert result.returncode == 0, f"engine.js disagrees with normalisation.yml:\n{result.stderr}"


def test_every_file_of_the_site_splits_into_the_same_words_in_both(node_run):
    job, result = node_run
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    for language, files in job["texts"].items():
        rules = rules_for(language)
        for text, js_words in zip(files, output["words"][language]):
            python_words = rules.words(text)
            if python_words != js_words:
                first = next(i for i, (a, b) in enumerate(zip(python_words + [None], js_words + [None])) if a != b)
                pytest.fail(f"{language}: the words differ from word {first}: Python {python_words[first:first + 5]}, JavaScript {js_words[first:first + 5]}")


def differing_words(job, output) -> dict[str, list[str]]:
    """Per language, the words whose term differs between Python and the browser."""
    differing = {}
    for language, words in job["words"].items():
        rules = rules_for(language)
        differing[language] = [
            f"{word!r}: Python {rules.term(word)!r}, JavaScript {js!r}"
            for word, js in zip(words, output["terms"][language]) if rules.term(word) != js
        ]
    return differing


def test_every_word_of_the_site_gets_the_same_term_in_both(node_run):
    """Exactly the same without a stemmer; with one, at most one word in STEM_TOLERANCE.

    lunr-languages' Turkish stemmer, a port of Snowball made in 2014, differs from Snowball on
    about one word in ten thousand (long chains such as karşımızdakinin, measured on 31,000
    generated forms): tolerated, listed when it grows. A stemmer of another version or
    algorithm differs on several words in a hundred (Snowball 3's German: 80 of 2,262).
    """
    job, result = node_run
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    for language, differences in differing_words(job, output).items():
        words = len(job["words"][language])
        allowed = words // STEM_TOLERANCE if rules_for(language).stemmer else 0
        assert len(differences) <= allowed, (
            f"{language}: {len(differences)} of {words} words get another term in the browser "
            f"(at most {allowed}):\n" + "\n".join(differences[:40])
        )


def test_queries_give_the_same_clauses_and_ranking_in_both(real, node_run):
    _site, indexes = real
    job, result = node_run
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    differing = {language: {line.split(":")[0].strip("'") for line in lines} for language, lines in differing_words(job, output).items()}
    for language, texts in job["queries"].items():
        rules, index = rules_for(language), load(indexes[language].payload)
        for text, js in zip(texts, output["queries"][language]):
            if differing[language] & set(rules.words(text)):
                continue  # a tolerated stemmer difference, counted above
            assert [list(clause) for clause in query_clauses(text, rules)] == js["clauses"], f"{language} {text!r}"
            python = [[r["ref"], round(r["score"], 6)] for r in search(index, text, rules, indexes[language].kinds)]
            assert python == js["results"], f"{language} {text!r}: Python {python[:5]} JavaScript {js['results'][:5]}"


@pytest.mark.parametrize("vendored,upstream", VENDORED.items())
def test_vendored_browser_files_are_the_pinned_npm_files(vendored, upstream):
    need(NODE_MODULES / upstream, "node_modules")
    ours = (ASSETS / vendored).read_bytes()
    theirs = (NODE_MODULES / upstream).read_bytes()
    assert ours.endswith(theirs), f"{vendored} differs from node_modules/{upstream}: copy it again (keep its licence header)"
    assert b"license" in ours[:600].lower() or b"mpl" in ours[:600].lower(), f"{vendored} lost its licence header"
