"""Pack bodies cut from the module page's HTML instead of rendered from Markdown again.

Rendering Markdown is the largest cost of a build, and a module page and its two packs in one
language carry the same text: the trainer pack adds a mark to each handout and sits one folder
further down, the participant pack also leaves out facilitator notes and materials. MkDocs renders
pages in the order they were added (the module pages first, then each module's trainer pack, then
its participant pack), so when a pack's turn comes the body it derives from is there: the pack is
handed to the Markdown renderer empty and gets that body (pages.packs.trainer_body and
without_trainer_boxes). Where that is not safe (the core said no, a cut is uncertain, or the page it
derives from was not rendered first) the pack is rendered from its own Markdown, as any page.
"""

from __future__ import annotations

import copy
import re

from ...pages.packs import trainer_body, without_trainer_boxes

_ID = re.compile(r'\bid="([^"]+)"')


class PackBodies:
    def __init__(self):
        self._module: dict[tuple[str, str], tuple] = {}  # (language, module id) -> body HTML, toc
        self._participant: dict[tuple[str, str], tuple] = {}  # (language, module id) -> body HTML, toc
        self._cut: dict[str, tuple] = {}  # page URL -> the body and toc its empty Markdown stands for

    def markdown(self, markdown: str, page, view, language: str) -> str:
        kind, key = _pack(view), (language, getattr(view, "id", None))
        if kind == "trainer" and view.shares_module_body and key in self._module:
            html, toc = self._module.pop(key)
            body = trainer_body(html, view.handout_marks)
            if body is not None:
                self._cut[page.url] = (body, toc)
                return ""
        elif kind == "participant" and view.shares_trainer_body and key in self._participant:
            self._cut[page.url] = self._participant.pop(key)
            return ""
        return markdown

    def content(self, html: str, page, view, language: str) -> str:
        kind, key = _pack(view), (language, getattr(view, "id", None))
        if getattr(view, "kind", None) == "module":
            self._module[key] = (html, page.toc)
            return html
        if page.url in self._cut:
            html, toc = self._cut.pop(page.url)
            # The table of contents (Material's "skip to content" link points at its first entry)
            # without the headings that were cut out with the boxes.
            page.toc = _kept(toc, html)
            page.present_anchor_ids = set(_ID.findall(html))  # what links to this page's anchors are checked against
        if kind == "trainer":
            body = without_trainer_boxes(html)
            if body is not None:
                self._participant[key] = (body, page.toc)
        return html


def _kept(toc, body: str):
    from mkdocs.structure.toc import TableOfContents

    def kept(items):
        out = []
        for item in items:
            if f'id="{item.id}"' in body:
                item = copy.copy(item)  # the page's own stays whole
                item.children = kept(item.children)
                out.append(item)
        return out

    return TableOfContents(kept(toc))


def _pack(view) -> str | None:
    return getattr(view, "pack", None) if getattr(view, "kind", None) == "pack" else None
