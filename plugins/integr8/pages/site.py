"""Everything a site engine needs from the core for one build, computed once.

A :class:`Site` loads and validates the content when it is made. Engines ask it for the pages
to generate in a language and for the view model of a page; they never read content files.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..builddate import build_date
from ..catalogue.entries import handbook_entries
from ..content.corpus import load_corpus
from ..content.links import LinkIndex, site_path
from ..content.markdown import LINK
from ..content.model import SourceFile
from ..i18n.status import translation_status
from ..i18n.strings import LanguageStrings, load_strings
from ..validate import errors, validate
from ..validate.catalogue import severity
from ..validate.report import text_line
from .about import BASE as ABOUT_BASE, about_page
from .cases import case_page
from .doors import front_doors
from .generated import GeneratedPage, language_prefix
from .glossary import link_glossary_terms
from .translation import TranslationView, translation_view


# Docs folders whose pages have an order of their own, and the catalogue entries that know it.
READING_ORDER = {"handbook": handbook_entries}


@dataclass
class LanguageChoice:
    code: str
    name: str  # in the language itself
    direction: str
    url: str
    current: bool


@dataclass
class HomePage:
    kind = "home"
    heading: str
    languages: list[LanguageChoice]
    doors: list = field(default_factory=list)  # doors.Door: "For women", "For trainers", "For partners"
    doors_heading: str = ""


@dataclass
class GeneratedAsset:
    src_path: Path
    dest_uri: str


def fingerprint(project) -> tuple:
    """Cheap identity of the content: changes when any content or strings file changes."""
    entries = []
    for folder in (project.curriculum_dir, project.docs_dir, *project.strings_dirs):
        for root, _dirs, names in os.walk(folder):
            for name in names:
                stat = os.stat(os.path.join(root, name))
                entries.append((root, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


class Site:
    def __init__(self, project, today=None):
        self.project = project
        self.today = today or build_date()  # one date for the whole build (running projects, review dates, pack dates)
        self.fingerprint = fingerprint(project)
        self.corpus = load_corpus(project)
        self.findings = validate(self.corpus, today=self.today)
        self.links = LinkIndex(self.corpus)
        self.translations = translation_status(self.corpus)  # the one the validator worked out
        self._strings: dict[str, LanguageStrings] = {}

    # Validation -------------------------------------------------------------------------
    @property
    def errors(self):
        return errors(self.findings)

    def messages(self):
        """(severity, line) pairs in the CLI's text format."""
        for f in self.findings:
            yield severity(f), text_line(f)

    # Languages --------------------------------------------------------------------------
    @property
    def default_language(self) -> str:
        return self.project.default_language

    def strings(self, language: str) -> LanguageStrings:
        if language not in self._strings:
            self._strings[language] = load_strings(self.project.strings_dirs, language)
        return self._strings[language]

    def direction(self, language: str) -> str:
        return self.strings(language).direction or "ltr"  # a missing direction is a validation error

    # Navigation -------------------------------------------------------------------------
    def reading_order(self, folder: str, language: str) -> list[str] | None:
        """The pages of a docs folder in the order a reader of ``language`` meets them, as page
        bases ("handbook/what-culture-is"); None where the engine's order (by file name) will do.

        Handbook chapters go by their ``order`` field, then title, as in the handbook's catalogue;
        an untranslated chapter takes its place from the default language's version.
        """
        entries = READING_ORDER.get(folder)
        return [entry.path.rstrip("/") for entry in entries(self.corpus, language)] if entries else None

    # Generated pages --------------------------------------------------------------------
    def generated_pages(self, language: str) -> list[GeneratedPage]:
        """Every page the core makes for ``language``, from the generators in :mod:`.registry`."""
        from .registry import GENERATORS

        return [page for generate in GENERATORS for page in generate(self, language)]

    def url_prefix(self, language: str) -> str:
        return language_prefix(language, self.default_language)

    def alternates(self, path: str) -> dict:
        """The URL of a page at ``path`` (below the language folder) in every language."""
        return {code: language_prefix(code, self.default_language) + path for code in self.project.codes}

    def translation_view(self, key: str | None, language: str, path: str) -> TranslationView:
        """What the reader of ``language`` is told about the page at ``path`` (below its language folder)."""
        return translation_view(self, self.translations, key, language, path)

    def generated_assets(self) -> list[GeneratedAsset]:
        """Images and other files beside module texts, published once for all languages."""
        assets = []
        for module in self.corpus.modules.values():
            for path in sorted(module.folder.iterdir()):
                if path.is_file() and path.suffix not in (".md", ".yml"):
                    assets.append(GeneratedAsset(path, f"modules/{module.id}/{path.name}"))
        return assets

    def page_view(self, page_base: str, language: str):
        """The view model of a docs page (a case header), or None for plain pages."""
        if page_base == "index":
            return self.home_view(language)
        versions = self.links.pages.get(page_base, {})
        page = versions.get(language) or versions.get(self.default_language)
        if page is not None and page_base == ABOUT_BASE:
            return about_page(self, page, language)
        if page is None or page.kind != "case":
            return None
        return case_page(self.corpus, page, language, self.strings(language), self.direction(page.language), page.language != language)

    def home_view(self, language: str) -> HomePage:
        choices = [
            LanguageChoice(lang.code, lang.name, self.direction(lang.code), language_prefix(lang.code, self.default_language), lang.code == language)
            for lang in self.project.languages
        ]
        strings = self.strings(language)
        return HomePage(strings["choose_language"], choices, front_doors(self, language), strings["doors_heading"])

    # Links ------------------------------------------------------------------------------
    def rewrite_links(self, markdown: str, source: SourceFile, language: str, page_url: str) -> str:
        """Turn links to repository files (modules, pages) into links to their site URLs, and link
        glossary words to their entries (see pages/termlinks.py)."""

        def replace(match):
            target = match.group(3)
            if not target or target.startswith(("#", "/")) or ":" in target.split("/")[0]:
                return match.group(0)
            resolved = self.links.resolve(source, target)
            if resolved is None or resolved.kind in ("self",):
                return match.group(0)
            if resolved.kind == "page" and source.path.is_relative_to(self.project.docs_dir):
                return match.group(0)  # docs-to-docs links are the engine's own business
            url = site_path(resolved, language, self.default_language)
            relative = posixpath.relpath("/" + url, "/" + page_url.rstrip("/")) if url else "."
            if url.endswith("/") and not relative.endswith("/"):
                relative += "/"
            if resolved.anchor:
                relative += "#" + resolved.anchor
            start, end = match.span(3)
            whole = match.group(0)
            offset = match.start(0)
            return whole[: start - offset] + relative + whole[end - offset :]

        return link_glossary_terms(self, LINK.sub(replace, markdown), source.language, language, page_url)
