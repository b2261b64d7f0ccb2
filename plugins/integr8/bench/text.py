"""Deterministic text in a language, from the word lists in ``words.yml``.

Words are drawn with Zipf-distributed frequencies (rank = position in the list), which is how
words occur in real text; that makes index sizes, gzip ratios and search behave as on real
content. The same seed gives the same text on every machine and Python version (``random.Random``
seeded with a string is stable).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).with_name("words.yml")
ZIPF_EXPONENT = 1.07


@dataclass(frozen=True)
class Forms:
    """How content words inflect (see ``forms`` in words.yml)."""

    rate: float = 0.0
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    strip: str = ""
    compound: float = 0.0
    front_vowels: str = ""
    back_vowels: str = ""

    def suffix(self, word: str, choice: str) -> str:
        """A suffix pair ``front/back`` takes the form of the word's last vowel (vowel harmony)."""
        front, _, back = choice.partition("/")
        if not back:
            return front
        for letter in reversed(word.lower()):
            if letter in self.front_vowels:
                return front
            if letter in self.back_vowels:
                return back
        return front


@dataclass(frozen=True)
class Lexicon:
    code: str  # the language the text is written in (the fallback's code when a list is missing)
    words: tuple[str, ...]
    function_words: int  # the first words of the list; titles and list items use the others
    query: str
    handout: str
    question_mark: str
    comma: str
    upper: tuple[tuple[str, str], ...] = ()
    forms: Forms = Forms()

    @property
    def content_words(self) -> tuple[str, ...]:
        return self.words[self.function_words:]


@cache
def word_data() -> dict:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def lexicon(language: str) -> Lexicon:
    """The word list of ``language``, or of the fallback language when there is none."""
    data = word_data()
    code = language if language in data["languages"] else data["fallback"]
    entry = data["languages"][code]
    return Lexicon(
        code=code,
        words=tuple(entry["words"]),
        function_words=int(entry["function_words"]),
        query=entry["query"],
        handout=entry["handout"],
        question_mark=entry["question_mark"],
        comma=entry["comma"],
        upper=tuple((entry.get("upper") or {}).items()),
        forms=_forms(entry.get("forms") or {}),
    )


def _forms(data: dict) -> Forms:
    harmony = data.get("harmony") or {}
    return Forms(
        rate=float(data.get("rate", 0)),
        suffixes=tuple(data.get("suffixes") or ()),
        prefixes=tuple(data.get("prefixes") or ()),
        strip=str(data.get("strip", "")),
        compound=float(data.get("compound", 0)),
        front_vowels=str(harmony.get("front", "")),
        back_vowels=str(harmony.get("back", "")),
    )


def has_word_list(language: str) -> bool:
    return language in word_data()["languages"]


@cache
def _cumulative_weights(count: int) -> tuple[float, ...]:
    return tuple(accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(count)))


class Writer:
    """Sentences, titles and list items in one language, from one seeded random stream."""

    def __init__(self, lexicon: Lexicon, seed: str):
        self.lexicon = lexicon
        self.random = random.Random(seed)

    def _draw(self, count: int, content_only: bool = False) -> list[str]:
        """``count`` words by Zipf frequency; content words take an inflected form at the list's rate."""
        words, function_words = self.lexicon.words, self.lexicon.function_words
        first = function_words if content_only else 0
        ranks = self.random.choices(range(first, len(words)), cum_weights=_cumulative_weights(len(words) - first), k=count)
        return [self._form(words[rank]) if rank >= function_words else words[rank] for rank in ranks]

    def _form(self, word: str) -> str:
        forms = self.lexicon.forms
        if forms.compound and self.random.random() < forms.compound:
            word += self.random.choice(self.lexicon.content_words).lower()
        if not forms.suffixes or self.random.random() >= forms.rate:
            return word
        stem = word[:-1] if forms.strip and word[-1:] in forms.strip and len(word) > 3 else word
        word = stem + forms.suffix(stem, self.random.choice(forms.suffixes))
        if forms.prefixes and self.random.random() < 0.3:
            word = self.random.choice(forms.prefixes) + word
        return word

    def capitalise(self, text: str) -> str:
        first = text[:1]
        for lower, upper in self.lexicon.upper:
            if first == lower:
                return upper + text[1:]
        return first.upper() + text[1:]

    def sentence(self, shortest: int = 6, longest: int = 16, question: bool = False) -> str:
        words = self._draw(self.random.randint(shortest, longest))
        if len(words) > 8 and self.random.random() < 0.4:
            words[self.random.randint(3, len(words) - 4)] += self.lexicon.comma
        end = self.lexicon.question_mark if question else "."
        return self.capitalise(" ".join(words)) + end

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence(question=self.random.random() < 0.08) for _ in range(count))

    def paragraph(self, shortest: int = 2, longest: int = 5) -> str:
        return self.sentences(self.random.randint(shortest, longest))

    def title(self, shortest: int = 2, longest: int = 5) -> str:
        words = self._draw(self.random.randint(shortest, longest), content_only=True)
        return self.capitalise(" ".join(dict.fromkeys(words)))

    def item(self, shortest: int = 2, longest: int = 6) -> str:
        return self.capitalise(" ".join(self._draw(self.random.randint(shortest, longest), content_only=True)))

    def summary(self, limit: int) -> str:
        """Plain text of at most ``limit`` characters, ending with a full stop."""
        text = ""
        while len(text) < limit * 0.7:
            candidate = (text + " " + self.sentence()).strip()
            if len(candidate) > limit:
                break
            text = candidate
        if not text:  # one sentence was too long: cut it at a word boundary
            text = self.sentence()[: limit - 1].rsplit(" ", 1)[0].rstrip(self.lexicon.comma) + "."
        return text

    def chance(self, probability: float) -> bool:
        return self.random.random() < probability

    def between(self, low: int, high: int) -> int:
        return self.random.randint(low, high)
