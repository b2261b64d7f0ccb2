"""Search in a real MkDocs build of the fixture site (de, en, fa): files, pages and links.

The build runs in this process so that it can count how often each language's index is made:
mkdocs-static-i18n runs the plugin's events once per language, and each index must still be
built and written exactly once.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import make_project
from integr8.adapters.mkdocs import search as adapter
from integr8.search import FOLDER

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = make_project(tmp_path_factory.mktemp("search-build") / "project")
    site = root / "site"
    calls: Counter = Counter()
    made = adapter.language_index

    def counting(site_model, language):
        calls[language] += 1
        return made(site_model, language)

    patch = pytest.MonkeyPatch()
    patch.setattr(adapter, "language_index", counting)
    patch.setenv("NO_MKDOCS_2_WARNING", "1")
    adapter._index_json.cache_clear()
    try:
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)))
    finally:
        patch.undo()
        adapter._index_json.cache_clear()
    return site, calls


def pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        yield path.relative_to(site).parent.as_posix(), path.read_text(encoding="utf-8")


def page_language(html: str) -> str:
    return re.search(r'<html[^>]* lang="([^"]+)"', html).group(1)


def resolve(page_dir: str, url: str) -> str:
    return posixpath.normpath(posixpath.join(page_dir, url))


def test_each_language_index_is_built_and_written_exactly_once(build):
    site, calls = build
    assert calls == {"de": 1, "en": 1, "fa": 1}
    written = sorted(path.name for path in (site / FOLDER).glob("*.json"))
    assert written == ["de.json", "en.json", "fa.json"]


def test_every_page_offers_search_in_its_own_language_and_loads_nothing_of_it(build):
    site, _ = build
    checked = 0
    for page_dir, html in pages(site):
        if 'id="i8-search"' not in html:
            continue
        checked += 1
        language = page_language(html)
        index = re.search(r'data-index="([^"]+)"', html).group(1)
        assert resolve(page_dir, index) == f"assets/search/{language}.json", page_dir
        for script in re.search(r'data-scripts="([^"]+)"', html).group(1).split(" "):
            assert (site / resolve(page_dir, script)).is_file(), f"{page_dir}: {script}"
        sources = re.findall(r'<script[^>]+src="([^"]+)"', html)
        search_sources = [source for source in sources if "assets/search/" in source]
        assert search_sources == [], f"{page_dir}: a page loads no search file before search is opened"
        opened = re.search(r'data-opened="([^"]+)"', html).group(1)
        assert resolve(page_dir, opened) == "assets/search/search.js", page_dir
        assert "data-opened" in "".join(re.findall(r"<script>(.*?)</script>", html, re.DOTALL)), "the inline opener is there"
        assert 'aria-labelledby="i8-search-label"' in html and 'role="status"' in html
    assert checked >= 10


def test_the_search_button_is_hidden_until_the_script_shows_it(build):
    site, _ = build
    html = (site / "fa" / "modules" / "alpha" / "index.html").read_text(encoding="utf-8")
    button = re.search(r"<button[^>]*data-i8-search-open[^>]*>", html).group(0)
    assert " hidden" in button, "without JavaScript there is no search, so no button"


def assert_result_links_resolve(site: Path) -> None:
    for path in (site / FOLDER).glob("*.json"):
        payload = json.loads(path.read_text(encoding="utf-8"))
        for url, kind, title, _facts, _summary, passages in payload["documents"]:
            page, _, fragment = url.partition("#")
            html_file = site / page / "index.html"
            assert html_file.is_file(), f"{path.name}: {title!r} links to /{page}, which is not built"
            html = html_file.read_text(encoding="utf-8")
            anchors = [fragment] + [passage[1] for passage in passages if len(passage) > 1]
            for anchor in filter(None, anchors):
                assert f'id="{anchor}"' in html, f"{path.name}: {title!r} links to /{page}#{anchor}, which has no such id"


def test_every_result_link_leads_to_a_page_and_anchor_of_the_build(build):
    assert_result_links_resolve(build[0])


def test_every_result_link_of_the_real_site_leads_to_a_page_and_anchor(real_site):
    assert_result_links_resolve(real_site)


def test_the_vendored_lunr_files_and_licences_are_published(build):
    site, _ = build
    folder = site / FOLDER
    for name in ("search.js", "engine.js", "lunr.min.js", "lunr.stemmer.support.min.js", "lunr.de.min.js", "LICENSE-lunr.txt", "LICENSE-lunr-languages.txt"):
        assert (folder / name).is_file(), name
