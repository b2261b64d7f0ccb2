"""The harness itself: the page-type list, URLs, the local server and the touch-target rule.

Small pages made here show that each check can fail, and fails for the right reason.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import leaves
from .harness import LocalServer, PageMissing, PageType, default_language, load_page_types, page_url

TARGETS_JS = Path(__file__).with_name("targets.js").read_text(encoding="utf-8")


def test_the_page_types_cover_both_directions_and_every_type_the_issue_names():
    page_types = load_page_types()
    assert page_types.languages[0] == default_language() and "fa" in page_types.languages
    ids = {page_type.id for page_type in page_types.types}
    assert {"front", "module", "case", "handbook-chapter", "glossary", "catalogue", "search", "status",
            "self-check", "trainer-pack"} <= ids


def test_a_pending_page_type_expects_only_its_page_to_be_missing_and_flips_when_it_appears():
    [mark] = PageType("x", "x", "x/", pending="being built").marks()
    assert mark.name == "xfail" and mark.kwargs["strict"] is True and mark.kwargs["raises"] is PageMissing
    assert "remove `pending`" in mark.kwargs["reason"]
    assert PageType("y", "y", "y/").marks() == []


def test_urls_of_the_default_language_have_no_language_folder():
    assert page_url(default_language(), "modules/") == "modules/"
    assert page_url("fa", "") == "fa/"


def test_leaving_the_server_means_another_origin():
    origin = "http://127.0.0.1:8000"
    assert not leaves(f"{origin}/fa/", origin) and not leaves("data:image/png;base64,AA", origin)
    assert leaves("https://fonts.googleapis.com/css", origin) and leaves("http://127.0.0.1:8001/", origin)


def test_the_server_serves_files_and_never_lists_a_folder(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>Hi</p>", encoding="utf-8")
    (tmp_path / "pdfs").mkdir()
    with LocalServer(tmp_path) as server:
        assert urllib.request.urlopen(server.url("page/")).read() == b"<p>Hi</p>"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.url("pdfs/"))
        assert missing.value.code == 404


PHONE_PAGE = """<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">
<style>body { margin: 8px; font: 16px/1.6 sans-serif; } .drawer { position: fixed; left: -300px; width: 250px; }
.big { display: inline-block; min-width: 24px; min-height: 24px; } .tiny { font-size: 10px; }</style></head><body>
<p>Read <a href="#a" id="sentence">the guide</a> before the session.</p>
<ul><li><a href="#b" id="alone" class="tiny">Alone</a></li></ul>
<p><a href="#c" id="big" class="big">Big</a></p>
<button id="small" style="width: 20px; height: 20px; padding: 0">x</button>
<nav class="drawer"><a href="#d" id="drawer" class="tiny">Off-screen</a></nav>
<a href="#e" id="transparent" class="tiny" style="opacity: 0">Invisible</a>
</body></html>"""


@pytest.mark.browser
def test_the_target_rule_exempts_links_in_sentences_and_what_cannot_be_tapped(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.set_content(PHONE_PAGE)
        small = page.evaluate(TARGETS_JS, 24)
    finally:
        context.close()
    flagged = sorted(target["target"].rsplit(" > ", 1)[-1] for target in small)
    assert flagged == ["a#alone", "button#small"]
