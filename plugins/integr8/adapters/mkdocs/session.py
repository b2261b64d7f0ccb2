"""One build's state on the MkDocs side: the core :class:`Site` plus MkDocs page lookups."""

from __future__ import annotations

import os

from ...i18n.bidi import isolate_html
from ...pages.site import Site, fingerprint
from ...pages.sitemap import SitePage, gzipped, sitemap_xml
from .packbodies import PackBodies

# Folder names of the docs tree whose navigation title comes from our interface strings.
SECTION_STRINGS = {"modules": "modules", "cases": "cases", "handbook": "handbook", "topics": "topics"}


class BuildSession:
    def __init__(self, project):
        self.project = project
        self.site = Site(project)
        self._pages_by_path = {os.path.normpath(page.path): page for page in self.site.corpus.pages}
        self._rendered: dict[str, set[SitePage]] = {}  # language -> pages rendered in its pass
        self._pack_bodies = PackBodies()  # participant packs cut from trainer packs, not rendered again

    def stale(self, project) -> bool:
        return project.config_file != self.project.config_file or fingerprint(project) != self.site.fingerprint

    def report(self, log) -> None:
        # Content warnings (an outdated translation, a review date due) are shown, each line saying
        # "warning:", but at MkDocs' INFO level: `mkdocs build --strict`, which publishes the site,
        # fails on any WARNING record, and a translation that lags behind its source must not stop
        # publishing. Errors stop the build (on_config raises).
        for level, line in self.site.messages():
            (log.error if level == "error" else log.info)(line)

    @property
    def error_count(self) -> int:
        return len(self.site.errors)

    @property
    def has_errors(self) -> bool:
        return bool(self.site.errors)

    def source_page(self, page):
        path = page.file.abs_src_path
        return self._pages_by_path.get(os.path.normpath(path)) if path else None

    def arrange_navigation(self, nav, language: str):
        """Sections named in the reader's language, and pages in the order the core gives (handbook chapters)."""
        strings = self.site.strings(language)
        for item in nav.items:
            folder = str(item.title or "").lower()
            if not item.is_section:
                continue
            order = self.site.reading_order(folder, language)
            if order is not None:
                self._put_in_order(item.children, order)
            if folder in SECTION_STRINGS:
                item.title = strings[SECTION_STRINGS[folder]]
        _title_sections_by_index(nav.items)
        _link_previous_and_next(nav)
        return nav

    def _put_in_order(self, children: list, order: list[str]) -> None:
        """Pages named in ``order`` in that order, anything else (the folder's index) after them as it was."""
        place = {base: index for index, base in enumerate(order)}

        def key(numbered):
            number, child = numbered
            source = self.source_page(child) if child.is_page else None
            return (0, place[source.base]) if source is not None and source.base in place else (1, number)

        children[:] = [child for _number, child in sorted(enumerate(children), key=key)]

    def page_markdown(self, markdown: str, page, language: str) -> str:
        generated = getattr(page.file, "integr8_page", None)
        if generated is not None:
            # A generated page has no front matter: without this, its title (in the navigation and
            # in <title>) would be made from its file name, "Index".
            page.meta.setdefault("title", generated.title)
            markdown = self._pack_bodies.markdown(markdown, page, generated.view, language)
        source = self.source_page(page)
        if source is None:
            return markdown
        return self.site.rewrite_links(markdown, source, language, page.url)

    def page_content(self, html: str, page, language: str) -> str:
        """The rendered content with runs of the other direction isolated (see i18n.bidi)."""
        generated = getattr(page.file, "integr8_page", None)
        view = generated.view if generated is not None else None
        content_language = self._content_language(view, page, language)
        html = self._pack_bodies.content(html, page, view, language)
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
        self._pack_bodies = PackBodies()  # bodies of this pass only: never one rendered by an earlier build

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


def _link_previous_and_next(nav) -> None:
    """MkDocs links each page to its neighbours before plugins see the navigation; after we reorder
    it, the links (and ``nav.pages``) follow the order the reader sees."""
    pages = []

    def walk(items):
        for item in items:
            if item.is_page:
                pages.append(item)
            elif item.is_section:
                walk(item.children)

    walk(nav.items)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after
    nav.pages = pages


def _below_language(url: str, language: str, default: str) -> str:
    """A page URL without its language folder: "fa/cases/x/" -> "cases/x/"."""
    url = url.lstrip("/")
    if language != default and (url == language or url.startswith(language + "/")):
        return url[len(language) + 1 :]
    return url
