"""Everything is within three taps of the front page, in every language (issue 6, "Done when").

Over the real build: starting from a language's front page, follow only the links in the page
content (not the header, the menu or the footer) and count the taps. Every module, case,
handbook chapter, programme and trainer pack, and the glossary, self-check, directory, translation
status and about pages, must be reached in at most three, in the reader's language.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from browser.harness import language_folder
from conftest import ROOT
from integr8.project import load_project
from sitelinks import content_links, page_file, resolve

pytestmark = pytest.mark.slow

LANGUAGES = load_project(ROOT / "mkdocs.yml").codes
TAPS = 3
SINGLE_PAGES = ["modules/", "cases/", "handbook/", "programmes/", "glossary/", "self-check/", "directory/", "status/", "about/"]


def items(site: Path, prefix: str) -> set[str]:
    """The pages that must be reachable: single pages and every item of each collection."""
    wanted = {prefix + path for path in SINGLE_PAGES if page_file(site, prefix + path)}
    for collection in ("modules", "cases", "handbook", "programmes", "self-check"):
        folder = site / prefix / collection
        if folder.is_dir():
            wanted |= {f"{prefix}{collection}/{child.name}/" for child in folder.iterdir() if (child / "index.html").is_file()}
    modules = site / prefix / "modules"
    if modules.is_dir():
        wanted |= {f"{prefix}modules/{m.name}/trainer-pack/" for m in modules.iterdir() if (m / "trainer-pack" / "index.html").is_file()}
    return wanted


def taps_from(site: Path, start: str, limit: int) -> dict[str, int]:
    """Each page reached from ``start`` by following content links, with the fewest taps."""
    seen, queue = {start: 0}, deque([start])
    while queue:
        url = queue.popleft()
        if seen[url] == limit:
            continue
        file = page_file(site, url)
        if file is None or file.suffix != ".html":
            continue
        for href in content_links(file.read_text(encoding="utf-8")):
            target = resolve(site, url, href.split("#")[0])
            if target is not None and target not in seen:
                seen[target] = seen[url] + 1
                queue.append(target)
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_everything_is_within_three_taps_of_the_front_page(real_site, language):
    prefix = language_folder(language)
    wanted = items(real_site, prefix)
    assert {prefix + "modules/", prefix + "self-check/", prefix + "directory/", prefix + "about/"} <= wanted
    assert len([url for url in wanted if url.startswith(prefix + "modules/") and url.count("/") - prefix.count("/") == 3]) >= 9
    reached = taps_from(real_site, prefix, TAPS)
    missing = sorted(wanted - set(reached))
    assert missing == [], f"more than {TAPS} taps from /{prefix}: {missing}"
