"""Every internal link and #anchor of the built site resolves, in every language.

Our own check over the real build (the ``real_site`` fixture): each HTML file is parsed with
html.parser; every ``href``/``src`` that stays on the site must name a file of the build, and every
``#anchor`` an element of the target page with that id. Links to other sites are not followed
(the build and its tests never use the network).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser.harness import ROOT

pytestmark = pytest.mark.slow

# Attributes that make the browser go to, or fetch, another address of the site.
LINKING = {("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
           ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src"), ("form", "action")}


def languages() -> tuple[str, list[str]]:
    from integr8.project import load_project

    project = load_project(ROOT / "mkdocs.yml")
    return project.default_language, project.codes


def site_url() -> str:
    """Where the site is published (mkdocs.yml): links to it, or to a path below it, are internal."""
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else "/"


DEFAULT, CODES = languages()
PUBLISHED = site_url()


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, address as written)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value or "")
            elif (tag, name) in LINKING and value is not None:
                self.page.links.append((self.getpos()[0], value))
            elif name == "srcset" and value:
                self.page.links += [(self.getpos()[0], entry.split()[0]) for entry in value.split(",") if entry.strip()]


def scan(path: Path) -> Page:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner.page


def language_of(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in CODES and first != DEFAULT and "/" in rel else DEFAULT


def resolve(site: Path, page: str, address: str, published: str = "/") -> tuple[str, str] | None:
    """The file (relative to the site) and the anchor an address on ``page`` leads to, or None if it
    leaves the site. ``published`` is the site's URL: addresses below it are the site's own."""
    parts, home = urlsplit(address), urlsplit(published)
    if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (home.scheme, home.netloc):
        return None  # another site, mailto:, tel:, data:…
    if not parts.path:
        return page, unquote(parts.fragment)
    path = unquote(parts.path)
    if path.startswith("/"):  # from the root of the host: the site lives below the path of its URL
        root = home.path if home.path.endswith("/") else home.path + "/"
        path = path.removeprefix(root) if path.startswith(root) else "../" + path.lstrip("/")
        page = "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if parts.path.endswith("/") or (site / target).is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def pages(real_site) -> dict[str, Page]:
    return {path.relative_to(real_site).as_posix(): scan(path) for path in sorted(real_site.rglob("*.html"))}


@pytest.fixture(scope="module")
def printed_later(real_site) -> set[str]:
    """The PDFs `make pdf` (integr8 pdf) prints from the pack pages of the built site, into it.

    `mkdocs build` alone does not make them; a link to one resolves if its pack page is built.
    """
    from integr8.content.corpus import load_corpus
    from integr8.print.jobs import pdf_jobs
    from integr8.project import load_project

    jobs = pdf_jobs(load_corpus(load_project(ROOT / "mkdocs.yml")))
    return {job.output for job in jobs if (real_site / job.page / "index.html").is_file()}


def broken_links(site: Path, pages: dict[str, Page], language: str, printed_later: set[str] = frozenset()) -> list[str]:
    broken = []
    for rel, page in pages.items():
        if language_of(rel) != language:
            continue
        for line, address in page.links:
            resolved = resolve(site, rel, address, PUBLISHED)
            if resolved is None:
                continue
            target, anchor = resolved
            if target in printed_later:
                continue
            if target.startswith("../") or not (site / target).is_file():
                broken.append(f"{rel}:{line}: {address} → no such file {target}")
            elif anchor and target.endswith(".html") and anchor not in pages[target].ids:
                broken.append(f"{rel}:{line}: {address} → {target} has no element with id {anchor!r}")
    return broken


def test_the_site_has_pages_in_every_language(real_site, pages):
    found = {language_of(rel) for rel in pages}
    assert found == set(CODES), f"languages with pages: {sorted(found)}, configured: {CODES}"


@pytest.mark.parametrize("language", CODES)
def test_every_internal_link_and_anchor_resolves(real_site, pages, printed_later, language):
    broken = broken_links(real_site, pages, language, printed_later)
    assert not broken, f"{len(broken)} broken links in the {language} pages:\n" + "\n".join(broken[:200])


def test_the_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<h1 id="top">Hi</h1><a href="a/">A</a><a href="a/#gone">A</a>'
                                         '<a href="b/">B</a><a href="#top">Top</a><a href="https://x.org/#y">X</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">A</h2><a href="../#top">Back</a><a href="../../out/">Out</a>'
                                               f'<a href="/a/#here">Here</a><a href="{PUBLISHED}a/">Home</a><a href="/b/">B</a>')
    pages = {rel: scan(tmp_path / rel) for rel in ("index.html", "a/index.html")}
    assert broken_links(tmp_path, pages, DEFAULT) == [
        "index.html:1: a/#gone → a/index.html has no element with id 'gone'",
        "index.html:1: b/ → no such file b/index.html",
        "a/index.html:1: ../../out/ → no such file ../out/index.html",
        "a/index.html:1: /b/ → no such file b/index.html",
    ]
