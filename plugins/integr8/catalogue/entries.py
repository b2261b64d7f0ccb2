"""The items of the catalogues — modules, good-practice cases, handbook chapters — in one shape.

A reader of any language sees every item: in her language where it is translated, else in
the source language (modules) or the default language (pages), as the item's own page does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..content.corpus import Corpus
from ..content.model import Page
from ..pages.modules import version_for


@dataclass
class Entry:
    kind: str  # "module", "case" or "handbook"
    key: str  # the module id or the page's slug
    path: str  # its page below the language folder, e.g. "modules/health-system/"
    title: str
    summary: str
    language: str  # the language of title and summary
    fallback: bool  # shown in another language than the reader's
    languages: tuple[str, ...]  # configured languages it can be read in, in configuration order
    meta: Mapping  # its facts: module.yml for modules, the shown version's front matter for pages
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet id -> option values

    def has(self, facet: str, value: str) -> bool:
        return value in self.values.get(facet, ())

    @property
    def topics(self) -> tuple[str, ...]:
        """The topics it is about (its topic pages), whatever the catalogue's facets are."""
        topics = self.meta.get("topics")
        return tuple(dict.fromkeys(t for t in topics if isinstance(t, str))) if isinstance(topics, list) else ()


def _text(meta: Mapping, name: str) -> str:
    value = meta.get(name)
    return value.strip() if isinstance(value, str) else ""


def _by_title(entry: Entry) -> tuple:
    """The reader's own language first, then untranslated items; each group by title."""
    return (entry.fallback, entry.title.casefold())


def module_entries(corpus: Corpus, language: str) -> list[Entry]:
    codes = corpus.project.codes
    entries = []
    for module in corpus.modules.values():
        version, fallback = version_for(module, language)
        if version is None:
            continue
        entries.append(
            Entry(
                kind="module",
                key=module.id,
                path=f"modules/{module.id}/",
                title=version.title or module.id,
                summary=_text(version.meta, "summary"),
                language=version.language,
                fallback=fallback,
                languages=tuple(code for code in codes if code in module.versions),
                meta=module.meta,
            )
        )
    return sorted(entries, key=_by_title)


def _page_entries(corpus: Corpus, pages: list[Page], kind: str, language: str) -> list[Entry]:
    codes, default = corpus.project.codes, corpus.project.default_language
    by_base: dict[str, dict[str, Page]] = {}
    for page in pages:
        by_base.setdefault(page.base, {})[page.language] = page
    entries = []
    for base, versions in by_base.items():
        page = versions.get(language) or versions.get(default)
        if page is None:  # the engine makes no page for this language either
            continue
        entries.append(
            Entry(
                kind=kind,
                key=base.rpartition("/")[2],
                path=f"{base}/",
                title=page.title or base.rpartition("/")[2],
                summary=_text(page.meta, "summary"),
                language=page.language,
                fallback=page.language != language,
                languages=tuple(code for code in codes if code in versions),
                meta=page.meta,
            )
        )
    return entries


def case_entries(corpus: Corpus, language: str) -> list[Entry]:
    return sorted(_page_entries(corpus, corpus.cases, "case", language), key=_by_title)


def _chapter_order(entry: Entry) -> tuple:
    order = entry.meta.get("order")
    valid = isinstance(order, int) and not isinstance(order, bool)
    return (0 if valid else 1, order if valid else 0, entry.title.casefold())


def handbook_entries(corpus: Corpus, language: str) -> list[Entry]:
    """Chapters in the handbook's order (``order``), then by title."""
    return sorted(_page_entries(corpus, corpus.handbook, "handbook", language), key=_chapter_order)


ENTRIES = {"modules": module_entries, "cases": case_entries, "handbook": handbook_entries}
