"""The glossary (curriculum/glossary.yml): words newcomers meet, explained in every language.

Each entry is one word as it is written in the site's source language (German for INTEGR8): on
letters, signs and forms the reader meets that word, so it stays as it is in every language.
Around it: a name and a plain definition per language, further spellings that link to the
entry (plural, the female form, an abbreviation) and related modules.

Loading builds the model from whatever is usable; the checks in ``validate/checks/glossary.py``
report what is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .yamlsource import YamlDocument

FILE = "glossary.yml"
SCHEME = "glossary"  # partners link to an entry with [text](glossary:<id>)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass
class GlossaryTerm:
    id: str
    term: str  # the word in the source language, e.g. "Jobcenter"
    index: int  # position in the file's list, for finding lines
    forms: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # language -> the word in that language
    definitions: dict[str, str] = field(default_factory=dict)  # language -> plain explanation
    review_by: str | None = None

    @property
    def words(self) -> list[str]:
        """Every spelling that stands for this entry in a text, the term first."""
        return [self.term, *(form for form in self.forms if form != self.term)]

    def name(self, language: str) -> str:
        """The word in ``language``; empty where the entry gives none (the term then stands alone)."""
        return self.names.get(language, "")


@dataclass
class Glossary:
    rel: str  # the file as shown in messages
    doc: YamlDocument
    language: str  # the language the terms are written in (the site's default language)
    terms: dict[str, GlossaryTerm] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def matcher(self) -> re.Pattern | None:
        """One pattern for every word of every entry, longest first, whole words only.

        A word matches where no letter or digit touches it and no hyphen comes before it:
        "Jobcenter" is found in "beim Jobcenter." and in "Jobcenter-Termin", not in
        "Jobcenterbrief" or "Berufs-Jobcenter". Spaces inside a word match any run of spaces,
        so "Agentur für Arbeit" is found when a line breaks it differently.
        """
        words = sorted({word for term in self.terms.values() for word in term.words}, key=lambda w: (-len(w), w))
        if not words:
            return None
        alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
        return re.compile(rf"(?<![^\W_])(?<!-)(?:{alternatives})(?![^\W_])")

    @cached_property
    def first_runs(self) -> frozenset[str] | None:
        """The first run of letters of every word ("Agentur" of "Agentur für Arbeit", "Steuer" of
        "Steuer-ID"); None when a word has none (then every text may contain it)."""
        runs = [next(iter(_LETTERS.findall(word)), None) for term in self.terms.values() for word in term.words]
        return None if None in runs else frozenset(runs)

    def may_contain(self, text: str) -> bool:
        """False when ``text`` surely holds no word of the glossary: a cheap test before matching."""
        return self.first_runs is None or not self.first_runs.isdisjoint(_LETTERS.findall(text))

    @cached_property
    def by_word(self) -> dict[str, str]:
        """Entry id by word (spaces normalised); the first entry wins where two claim a word."""
        owners: dict[str, str] = {}
        for term in self.terms.values():
            for word in term.words:
                owners.setdefault(" ".join(word.split()), term.id)
        return owners

    def term_for(self, matched_text: str) -> GlossaryTerm | None:
        owner = self.by_word.get(" ".join(matched_text.split()))
        return self.terms.get(owner) if owner else None


def _texts(value) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}


def _strings(value) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def build_glossary(rel: str, doc: YamlDocument | None, language: str) -> Glossary | None:
    """The glossary of a loaded glossary.yml, or None when the site has none (or it is unreadable).

    Entries without a usable id or term are left out here and reported by the checks; of two
    entries with the same id, the first counts.
    """
    if doc is None or not isinstance(doc.data, list):
        return None
    glossary = Glossary(rel, doc, language)
    for index, entry in enumerate(doc.data):
        if not isinstance(entry, dict):
            continue
        term_id, term = entry.get("id"), entry.get("term")
        if not isinstance(term_id, str) or not isinstance(term, str) or not term.strip() or term_id in glossary.terms:
            continue
        glossary.terms[term_id] = GlossaryTerm(
            id=term_id,
            term=" ".join(term.split()),
            index=index,
            forms=[" ".join(form.split()) for form in _strings(entry.get("forms"))],
            modules=_strings(entry.get("modules")),
            names=_texts(entry.get("names")),
            definitions=_texts(entry.get("definitions")),
            review_by=entry.get("review_by") if isinstance(entry.get("review_by"), str) else None,
        )
    return glossary
