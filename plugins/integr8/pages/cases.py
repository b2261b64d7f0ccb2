"""The header of a good-practice case page, in one language."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.countries import country_name
from ..content.corpus import Corpus
from ..content.model import Page
from ..i18n.strings import LanguageStrings
from . import format as fmt
from .modules import Fact


@dataclass
class CasePage:
    kind = "case"
    summary: str
    facts: list[Fact]
    website: str | None
    content_language: str
    content_direction: str
    is_fallback: bool
    labels: dict


def _period(period, strings: LanguageStrings) -> str:
    if not isinstance(period, dict):
        return strings["unknown"]
    start, end = period.get("start"), period.get("end")
    if start and end:
        return f"{start} – {end}"
    if start:
        return strings["since"].format(start=start)
    if end:
        return f"– {end}"
    return strings["unknown"]


def _country(code, language: str, default: str) -> str:
    """The country's name in the reader's language ("Deutschland", "آلمان"), as the catalogue shows it."""
    return country_name(code, language, default) if isinstance(code, str) and code else ""


def case_page(corpus: Corpus, page: Page, language: str, strings: LanguageStrings, direction: str, fallback: bool) -> CasePage:
    meta, vocab, default = page.meta, corpus.vocabularies, corpus.project.default_language
    facts = [
        Fact(strings["country"], [_country(meta.get("country"), language, default)]),
        Fact(strings["region"], [str(meta.get("region", ""))]),
        Fact(strings["organisation"], [str(meta.get("organisation", ""))]),
        Fact(strings["funding"], [str(meta.get("funding", ""))]),
        Fact(strings["period"], [_period(meta.get("period"), strings)]),
        Fact(strings["target_groups"], fmt.terms(vocab, "target_groups", meta.get("target_groups"), language, default)),
        Fact(strings["topics"], fmt.terms(vocab, "topics", meta.get("topics"), language, default)),
    ]
    website = meta.get("website") if isinstance(meta.get("website"), str) else None
    return CasePage(
        summary=str(meta.get("summary", "")),
        facts=[fact for fact in facts if any(fact.values)],
        website=website,
        content_language=page.language,
        content_direction=direction,
        is_fallback=fallback,
        labels={"website": strings["website"]},
    )
