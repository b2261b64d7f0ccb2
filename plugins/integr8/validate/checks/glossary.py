"""Rules about the glossary (curriculum/glossary.yml) and the links to its entries.

A definition in every language the glossary has begun (the source language always), words in
Latin letters (readers meet them on German letters), each word owned by one entry (so a page
knows which entry it links to), related modules that exist, and ``[text](glossary:<id>)`` links
that point to an entry.
"""

from __future__ import annotations

import datetime
import unicodedata

from ...content import glossary as glossary_file
from ...content.markdown import scan
from ...findings import Finding
from ..schema import did_you_mean
from . import check
from ._data import as_list, check_entries, document, reference


def in_latin_letters(text: str) -> bool:
    """True when every letter is a Latin letter (digits, spaces and punctuation may appear)."""
    return all(not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in text)


@check
def glossary(corpus, context):
    data, problem = document(corpus, glossary_file.FILE, list, "no list of words")
    if problem:
        yield problem
    if data is None:
        return
    checker = check_entries(data, context, "glossary_term", "- id: jobcenter")
    source_language = corpus.project.default_language
    started = _started_languages(data.doc.data, context.languages, checker, source_language)
    owners: dict[str, str] = {}
    for index, entry in enumerate(data.doc.data):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        entry_id = entry["id"]
        term = entry.get("term") if isinstance(entry.get("term"), str) else entry_id
        words = [("term", (index, "term"), entry.get("term"))]
        words += [("forms", (index, "forms", n), form) for n, form in enumerate(as_list(entry.get("forms")))]
        for field, path, word in words:
            if not isinstance(word, str) or not word.strip():
                continue  # missing or not text: a schema finding
            if not in_latin_letters(word):
                expected = f"the word in Latin letters, as it is written in '{source_language}'"
                checker.add("field-type", path, {"field": field, "expected": expected, "found": f"'{word}'", "example": "Jobcenter"})
            key = " ".join(word.split())
            if key in owners and owners[key] != entry_id:
                checker.add("glossary-word-duplicate", path, {"word": key, "id": entry_id, "other": owners[key]})
            owners.setdefault(key, entry_id)
        definitions = entry.get("definitions")
        if isinstance(definitions, dict):  # no definitions at all, or not per language: a schema finding
            for language in started:
                if language not in definitions:
                    checker.add("glossary-definition-missing", (index, "definitions"), {"term": term, "id": entry_id, "language": language, "languages": ", ".join(context.languages)}, key=True)
        for n, module in enumerate(as_list(entry.get("modules"))):
            reference(checker, (index, "modules", n), module, "a module (a folder under curriculum/)", context.modules)
        due = _date(entry.get("review_by"))
        if due is not None and due < context.today:
            checker.add("review-due", (index, "review_by"), {"date": entry["review_by"]})
    yield from checker.findings


def _started_languages(entries: list, languages: list[str], checker, source_language: str) -> list[str]:
    """The languages the glossary has begun; for each other one a single warning.

    A language the glossary has begun must be complete: a missing definition there is an error
    that names the word. A language it has not begun (one just added to mkdocs.yml) falls back
    to the source language as a whole, like an untranslated module, so that a new language
    builds from one line of configuration and one file of interface strings.
    """
    given = [entry.get("definitions") for entry in entries if isinstance(entry, dict)]
    given = [definitions for definitions in given if isinstance(definitions, dict)]
    started = [language for language in languages if language == source_language or any(language in definitions for definitions in given)]
    for language in languages:
        if language not in started and given:
            first = next(index for index, entry in enumerate(entries) if isinstance(entry, dict) and isinstance(entry.get("definitions"), dict))
            checker.add("glossary-language-missing", (first, "definitions"), {"language": language, "source": source_language, "count": len(given)}, key=True)
    return started


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # a malformed date is a field-type finding


@check
def glossary_links(corpus, context):
    """Every ``glossary:<id>`` link in a module, case or page points to an entry."""
    known = corpus.glossary.terms if corpus.glossary else {}
    file = corpus.project.relative(corpus.project.curriculum_dir / glossary_file.FILE)
    prefix = glossary_file.SCHEME + ":"
    for source in corpus.files():
        for link in scan(source.text, source.body_line).links:
            target = link.target.strip()
            if link.image or not target.lower().startswith(prefix):
                continue
            term_id = target[len(prefix):]
            if term_id not in known:
                yield Finding(source.rel, link.line, link.column, "glossary-link-unknown", {"target": target, "id": term_id, "did_you_mean": did_you_mean(term_id, known), "file": file})
