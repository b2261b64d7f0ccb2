"""Reading a built site as a reader's browser does: pages by URL, links resolved to pages."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def page_file(site: Path, url: str) -> Path | None:
    """The file a site-root-relative URL is served from, or None when the build has none."""
    path = site / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def page_html(site: Path, url: str) -> str:
    file = page_file(site, url)
    assert file is not None, f"/{url} is not in the build"
    return file.read_text(encoding="utf-8")


def resolve(site: Path, page_url: str, href: str) -> str | None:
    """The site-root-relative URL ``href`` leads to from the page at ``page_url``, if it exists
    in the build; None for links to other sites and for missing targets."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_url
    target = posixpath.normpath(posixpath.join("/" + page_url, unquote(parts.path))).lstrip("/")
    if parts.path.endswith("/") and target:
        target += "/"
    if target == ".":
        target = ""
    if page_file(site, target) is not None:
        return target
    if page_file(site, target + "/") is not None:
        return target + "/"
    return None


class _Links(HTMLParser):
    """The href of every <a> inside the page's <article> (its content, not header or navigation)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif tag == "a" and self.depth:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def content_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
