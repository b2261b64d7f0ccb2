"""Search text normalisation and the term pipeline, the same for the index and the query.

The rules are data (``normalisation.yml``, ``languages.yml``). :func:`rules_for` turns them into
the :class:`TextRules` of one language; :meth:`TextRules.for_browser` hands the same rules to the
browser inside the language's index file, where ``assets/search/engine.js`` applies them to the
query in the same order. The examples in ``normalisation.yml`` are run through both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..datafile import read_yaml
from . import porter

HERE = Path(__file__).parent
NORMALISATION_FILE = HERE / "normalisation.yml"
LANGUAGES_FILE = HERE / "languages.yml"


def _read(path: Path) -> dict:
    return read_yaml(path) or {}


@lru_cache(maxsize=None)
def normalisation_data() -> dict:
    return _read(NORMALISATION_FILE)


@lru_cache(maxsize=None)
def language_data() -> dict:
    return _read(LANGUAGES_FILE)


# Characters that separate words, as str.translate table: every character that is not a letter,
# mark or digit (the browser's /[\p{L}\p{M}\p{N}]+/u) becomes a space. Filled as characters are
# met: a site uses a few hundred distinct characters, and translate() is far faster than a loop.
_SEPARATORS: dict[int, str] = {}
_CLASSIFIED: set[str] = set()


def _split_words(text: str) -> list[str]:
    new = set(text) - _CLASSIFIED
    for char in new:
        if unicodedata.category(char)[0] not in "LMN":
            _SEPARATORS[ord(char)] = " "
    _CLASSIFIED.update(new)
    return text.translate(_SEPARATORS).split()


def _expand(entries) -> dict[str, str]:
    """``remove`` entries (characters and [first, last] ranges) as a map to the empty string."""
    removed: dict[str, str] = {}
    for entry in entries or []:
        first, last = (entry, entry) if isinstance(entry, str) else entry
        for code in range(ord(first), ord(last) + 1):
            removed[chr(code)] = ""
    return removed


def _python_stemmer(name: str | None) -> Callable[[str], str] | None:
    if name is None:
        return None
    spec = language_data()["stemmers"][name]["python"]
    if spec == "lunr-porter":
        return porter.stem
    if spec.startswith("snowball:"):
        import snowballstemmer  # only languages with a Snowball stemmer need it

        return snowballstemmer.stemmer(spec.removeprefix("snowball:")).stemWord
    raise ValueError(f"{LANGUAGES_FILE}: unknown stemmer {spec!r} for {name!r}")


@dataclass(frozen=True)
class TextRules:
    """How one language's text becomes index terms."""

    language: str
    upper: dict
    letters: dict
    fold: dict
    stopwords: frozenset
    prefixes: tuple
    min_stem: int
    stemmer: str | None  # a name from languages.yml's `stemmers`, or None
    _terms: dict = field(default_factory=dict, compare=False, repr=False)  # word -> term, per build

    # Steps 1-5 -----------------------------------------------------------------------------
    def normalise(self, text: str) -> str:
        """The text as words of normalised letters, joined by single spaces."""
        return " ".join(self.words(text))

    def words(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFKC", str(text))
        text = text.translate(_table(self.upper)).lower().translate(_table(self.letters))
        return _split_words(text)

    # Steps 6-7: the pipeline function of the index ------------------------------------------
    def term(self, word: str) -> str | None:
        """The index term of one normalised word, or None for a stop word."""
        if word not in self._terms:  # a site has a few thousand words, used many times each
            self._terms[word] = self._term(word)
        return self._terms[word]

    def _term(self, word: str) -> str | None:
        if word in self.stopwords:
            return None
        for prefix in self.prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= self.min_stem:
                word = word[len(prefix):]
                break
        stem = _stem_function(self.stemmer)
        if stem is not None:
            word = stem(word)
        word = "".join(self.fold.get(char, char) for char in word)
        return word or None

    def terms(self, text: str) -> list[str]:
        return [term for term in map(self.term, self.words(text)) if term]

    def stem_again(self, term: str) -> str:
        """The stem of a term (Snowball removes one ending at a time), for queries."""
        stem = _stem_function(self.stemmer)
        return term if stem is None else "".join(self.fold.get(char, char) for char in stem(term))

    # The same rules for the browser ----------------------------------------------------------
    def for_browser(self) -> dict:
        stemmer = language_data()["stemmers"][self.stemmer]["browser"] if self.stemmer else None
        return {
            "upper": self.upper,
            "letters": self.letters,
            "fold": self.fold,
            "stopwords": sorted(self.stopwords),
            "prefixes": list(self.prefixes),
            "min_stem": self.min_stem,
            "stemmer": stemmer["function"] if stemmer else None,
        }

    def browser_scripts(self) -> list[str]:
        """The lunr-languages files (below assets/search/) the browser needs for the stemmer."""
        if not self.stemmer:
            return []
        return list(language_data()["stemmers"][self.stemmer]["browser"]["scripts"])


_TABLES: dict[int, tuple[dict, dict]] = {}


def _table(mapping: dict) -> dict:
    """``mapping`` as a str.translate table, made once per mapping (kept alive with it)."""
    if id(mapping) not in _TABLES:
        _TABLES[id(mapping)] = (mapping, str.maketrans(mapping))
    return _TABLES[id(mapping)][1]


@lru_cache(maxsize=None)
def _stem_function(name: str | None):
    return _python_stemmer(name)


@lru_cache(maxsize=None)
def rules_for(language: str) -> TextRules:
    data = normalisation_data()
    settings = language_data().get("languages", {}).get(language) or {}
    upper = {**(data.get("upper", {}).get("all") or {}), **(data.get("upper", {}).get(language) or {})}
    letters = {**(data.get("letters") or {}), **_expand(data.get("remove"))}
    stemmer = settings.get("stemmer")
    if stemmer is not None and stemmer not in language_data()["stemmers"]:
        raise ValueError(f"{LANGUAGES_FILE}: language {language!r} names unknown stemmer {stemmer!r}")
    # Stop words and prefixes are written as people write them; the rules see them normalised.
    plain = TextRules(language, upper, letters, dict(data.get("fold") or {}), frozenset(), (), 0, None)
    stopwords = frozenset(word for entry in settings.get("stopwords") or [] for word in plain.words(str(entry)))
    # longest first, so that وال is stripped whole rather than as ال; then alphabetical (one order every build)
    prefixes = tuple(sorted({plain.normalise(str(p)) for p in settings.get("prefixes") or []}, key=lambda p: (-len(p), p)))
    return TextRules(language, upper, letters, plain.fold, stopwords, prefixes, int(settings.get("min_stem", 2)), stemmer)
