"""Translation status: for every content item and language, is the text there and current?

States, as partners and readers see them:

- ``source``: the language the item is written in first;
- ``current``: a translation that follows today's source (``translated_from`` matches);
- ``outdated``: a translation of an older source version, with the sections changed since;
- ``untracked``: a translation that does not say which source version it follows;
- ``missing``: no translation; readers get the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.corpus import Corpus
from ..content.model import SourceFile
from .versions import Change, VersionStore, changes, is_version, normalise, version_of

STATES = ("source", "current", "outdated", "untracked", "missing")


@dataclass
class Translation:
    language: str
    state: str
    file: SourceFile | None  # None when missing
    recorded: str | None = None  # the translated_from value as written
    changes: list[Change] | None = None  # for outdated: None when the old version is not stored

    @property
    def path(self) -> str | None:
        return self.file.rel if self.file else None


@dataclass
class Item:
    """A translatable content item: a module's text, a case, a handbook chapter, a page."""

    key: str  # e.g. "modules/mentoring", "cases/integr8", "index"
    kind: str  # module, case, handbook, page
    source_language: str
    source: SourceFile | None
    versions: dict[str, SourceFile]
    translations: dict[str, Translation] = field(default_factory=dict)

    @property
    def title(self) -> str:
        for candidate in (self.source, *self.versions.values()):
            if candidate is not None and candidate.title:
                return candidate.title
        return self.key

    @property
    def current_version(self) -> str | None:
        return version_of(self.source.raw) if self.source else None


@dataclass
class LanguageTotals:
    language: str
    counts: dict[str, int]  # state -> number of items
    translatable: int  # items whose source is another language

    @property
    def percent_current(self) -> int:
        if not self.translatable:
            return 100
        return round(100 * self.counts.get("current", 0) / self.translatable)


class TranslationStatus:
    """The status of every item in every configured language, computed once from a corpus."""

    def __init__(self, corpus: Corpus, store: VersionStore | None = None):
        self.languages = corpus.project.codes
        self.store = store or VersionStore(corpus.project.root)
        self.items = [*_module_items(corpus), *_page_items(corpus)]
        self._by_key = {item.key: item for item in self.items}
        self._by_path = {}
        for item in self.items:
            for language in self.languages:
                item.translations[language] = self._translation(item, language)
            for version in item.versions.values():
                self._by_path[version.rel] = item

    def item(self, key: str) -> Item | None:
        return self._by_key.get(key)

    def item_for_file(self, rel: str) -> Item | None:
        return self._by_path.get(rel)

    def state(self, key: str, language: str) -> Translation | None:
        item = self._by_key.get(key)
        return item.translations.get(language) if item else None

    def totals(self) -> list[LanguageTotals]:
        result = []
        for language in self.languages:
            counts = {state: 0 for state in STATES}
            for item in self.items:
                counts[item.translations[language].state] += 1
            result.append(LanguageTotals(language, counts, len(self.items) - counts["source"]))
        return result

    def _translation(self, item: Item, language: str) -> Translation:
        if language == item.source_language and item.source is not None:
            return Translation(language, "source", item.source)
        file = item.versions.get(language)
        if file is None:
            return Translation(language, "missing", None)
        recorded = file.meta.get("translated_from")
        if not is_version(recorded) or item.source is None:
            return Translation(language, "untracked", file, recorded if isinstance(recorded, str) else None)
        if recorded == item.current_version:
            return Translation(language, "current", file, recorded)
        old = self.store.get(recorded)
        found = changes(old, normalise(item.source.raw)) if old is not None else None
        return Translation(language, "outdated", file, recorded, found)


def translation_status(corpus: Corpus) -> TranslationStatus:
    """The status of ``corpus``, worked out on first use and kept with it.

    One build needs it twice, for the validator's translation check and for the notices on the
    site's pages; it reads every text and compares outdated ones section by section.
    """
    if "translation_status" not in corpus.derived:
        corpus.derived["translation_status"] = TranslationStatus(corpus)
    return corpus.derived["translation_status"]


def _module_items(corpus: Corpus):
    for module in sorted(corpus.modules.values(), key=lambda m: m.id):
        source_language = module.source_language or corpus.project.default_language
        yield Item(f"modules/{module.id}", "module", source_language, module.versions.get(source_language), dict(module.versions))


def _page_items(corpus: Corpus):
    grouped: dict[str, dict[str, SourceFile]] = {}
    kinds: dict[str, str] = {}
    for page in corpus.pages:
        grouped.setdefault(page.base, {})[page.language] = page
        kinds[page.base] = page.kind
    default = corpus.project.default_language
    for base in sorted(grouped):
        versions = grouped[base]
        # The default-language file's word counts first; translations usually copy it.
        ordered = sorted(versions.values(), key=lambda v: v.language != default)
        declared = [v.meta.get("source_language") for v in ordered if isinstance(v.meta.get("source_language"), str)]
        source_language = declared[0] if declared else default
        yield Item(base, kinds[base], source_language, versions.get(source_language), versions)
