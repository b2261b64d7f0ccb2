"""One build's state on the MkDocs side: the core :class:`Site` plus MkDocs page lookups."""

from __future__ import annotations

import os

from ...i18n.bidi import isolate_html
from ...pages.site import Site, fingerprint
from ...pages.sitemap import SitePage, gzipped, sitemap_xml

# Folder names of the docs tree whose navigation title comes from our interface strings.
SECTION_STRINGS = {"modules": "modules", "cases": "cases", "handbook": "handbook", "topics": "topics"}


class BuildSession:
    def __init__(self, project):
        self.project = project
        self.site = Site(project)
        self._pages_by_path = {os.path.normpath(page.path): page for page in self.site.corpus.pages}
        self._rendered: dict[str, set[SitePage]] = {}  # language -> pages rendered in its pass

    def stale(self, project) -> bool:
        return project.config_file != self.project.config_file or fingerprint(project) != self.site.fingerprint

    def report(self, log) -> None:
        for level, line in self.site.messages():
            (log.error if level == "error" else log.warning)(line)

    @property
    def error_count(self) -> int:
        return len(self.site.errors)

    @property
    def has_errors(self) -> bool:
        return bool(self.site.errors)

    def source_page(self, page):
        path = page.file.abs_src_path
        return self._pages_by_path.get(os.path.normpath(path)) if path else None

    def rename_sections(self, nav, language: str):
        strings = self.site.strings(language)
        for item in nav.items:
            key = SECTION_STRINGS.get(str(item.title or "").lower())
            if key and item.is_section:
                item.title = strings[key]
        _title_sections_by_index(nav.items)
        return nav

    def page_markdown(self, markdown: str, page, language: str) -> str:
        generated = getattr(page.file, "integr8_page", None)
        if generated is not None:
            # A generated page has no front matter: without this, its title (in the navigation and
            # in <title>) would be made from its file name, "Index".
            page.meta.setdefault("title", generated.title)
        source = self.source_page(page)
        if source is None:
            return markdown
        return self.site.rewrite_links(markdown, source, language, page.url)

    def page_content(self, html: str, page, language: str) -> str:
        """The rendered content with runs of the other direction isolated (see i18n.bidi)."""
        generated = getattr(page.file, "integr8_page", None)
        view = generated.view if generated is not None else None
        content_language = self._content_language(view, page, language)
        return isolate_html(html, self.site.direction(content_language))

    def page_context(self, page, language: str, site_url: str) -> dict:
        generated = getattr(page.file, "integr8_page", None)
        if generated is not None:
            view, key = generated.view, generated.key
        else:
            source = self.source_page(page)
            view = self.site.page_view(source.base, language) if source else None
            key = source.base if source else None
        content_language = self._content_language(view, page, language)
        path = _below_language(page.url, language, self.site.default_language)
        translation = self.site.translation_view(key, language, path)
        self._rendered.setdefault(language, set()).add(SitePage(language, path, key))
        return {
            "view": view,
            "translation": translation,
            "canonical": (site_url or "/") + translation.canonical_url,
            "ui_language": language,
            "ui_direction": self.site.direction(language),
            "strings": self.site.strings(language).strings,
            "list_separator": self.site.strings(language)["list_separator"],
            "content_language": content_language,
            "content_direction": self.site.direction(content_language),
        }

    def begin_language(self, language: str) -> None:
        self._rendered[language] = set()

    def write_sitemap(self, site_dir: str, site_url: str | None) -> None:
        """Our sitemap replaces the engine's: it leaves out fallbacks and pairs real translations."""
        if not site_url:
            return
        pages = set().union(*self._rendered.values()) if self._rendered else set()
        text = sitemap_xml(self.site, pages, site_url)
        with open(os.path.join(site_dir, "sitemap.xml"), "w", encoding="utf-8") as stream:
            stream.write(text)
        with open(os.path.join(site_dir, "sitemap.xml.gz"), "wb") as stream:
            stream.write(gzipped(text))

    def _content_language(self, view, page, language: str) -> str:
        """The language of the page's text: the view's (a fallback's source), else its file's."""
        return getattr(view, "content_language", None) or self._file_language(page, language)

    def _file_language(self, page, language: str) -> str:
        return getattr(page.file, "locale", None) or language


def _title_sections_by_index(items) -> None:
    """A folder whose index page we generate (a catalogue, a module, a topic) is named by that page's
    title in the reader's language, not by the folder's name; its index page comes first."""
    for item in items:
        if not item.is_section:
            continue
        _title_sections_by_index(item.children)
        index = next((child for child in item.children if child.is_page and child.is_index), None)
        generated = getattr(index.file, "integr8_page", None) if index is not None else None
        if generated is not None:
            item.title = generated.title
            item.children.remove(index)
            item.children.insert(0, index)


def _below_language(url: str, language: str, default: str) -> str:
    """A page URL without its language folder: "fa/cases/x/" -> "cases/x/"."""
    url = url.lstrip("/")
    if language != default and (url == language or url.startswith(language + "/")):
        return url[len(language) + 1 :]
    return url
