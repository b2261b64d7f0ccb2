"""Formatting numbers and vocabulary values in the reader's language."""

from __future__ import annotations

from ..i18n.strings import LanguageStrings


def duration(minutes: int, strings: LanguageStrings) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return strings["minutes"].format(n=minutes)
    if not rest:
        return strings["hours"].format(h=hours)
    return strings["hours_minutes"].format(h=hours, m=rest)


def clock(minutes: int) -> str:
    """A start offset as h:mm, the same in every language (digits are read everywhere)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def term(vocabularies: dict, vocabulary: str, value, language: str, fallback: str) -> str:
    labels = vocabularies.get(vocabulary, {}).get(value)
    if isinstance(labels, dict):
        return labels.get(language) or labels.get(fallback) or str(value)
    return str(value)


def terms(vocabularies: dict, vocabulary: str, values, language: str, fallback: str) -> list[str]:
    return [term(vocabularies, vocabulary, value, language, fallback) for value in values or []]


def translated(texts, language: str, fallback: str) -> str:
    """A text of a data file given per language (validation makes sure every language is there)."""
    if isinstance(texts, dict):
        value = texts.get(language) or texts.get(fallback)
        return str(value) if value else ""
    return str(texts) if texts else ""
