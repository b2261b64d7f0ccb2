"""The handbook's chapters come in the sidebar in their ``order``, then by title, in every language.

A real MkDocs build of the fixture site with five chapters whose file names sort the other way
round. Two share order 3 (the title decides). Only two chapters are in Farsi: the Farsi sidebar
shows the other three in German (fallbacks), each in its place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser.harness import build_site
from conftest import make_project

pytestmark = pytest.mark.slow


def chapter(title: str, order: int, text: str = "Text.") -> str:
    return f"---\ntitle: {title}\nsummary: {title}.\ntopics: [rights]\norder: {order}\n---\n\n{text}\n"


FILES = {
    "docs/handbook/zuerst.de.md": chapter("Ankommen", 1),
    "docs/handbook/zuerst.fa.md": chapter("رسیدن", 1, "متن."),
    "docs/handbook/arbeiten.de.md": chapter("Arbeit finden", 2),
    "docs/handbook/beraten.de.md": chapter("Beratung finden", 3),
    "docs/handbook/alltag.de.md": chapter("Wohnung suchen", 3),  # after "Beratung finden": same order, later title
    "docs/handbook/mitmachen.de.md": chapter("Mitmachen", 4),
    "docs/handbook/mitmachen.fa.md": chapter("مشارکت", 4, "متن."),
}
IN_ORDER = ["zuerst", "arbeiten", "beraten", "alltag", "mitmachen"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("handbook-order") / "project", FILES)
    config = root / "mkdocs.yml"  # with Material's previous/next links in the footer, which follow the navigation
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  features: [navigation.footer]\n"), encoding="utf-8")
    return build_site(root / "site", config=config)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def sidebar_titles(html: str) -> list[str]:
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S).group(0)
    return re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', nav)


@pytest.mark.parametrize("prefix,titles", [
    ("", ["Ankommen", "Arbeit finden", "Beratung finden", "Wohnung suchen", "Mitmachen"]),
    ("fa/", ["رسیدن", "Arbeit finden", "Beratung finden", "Wohnung suchen", "مشارکت"]),
    ("en/", ["Ankommen", "Arbeit finden", "Beratung finden", "Wohnung suchen", "Mitmachen"]),  # none translated
])
def test_the_sidebar_lists_the_chapters_in_their_order(built, prefix, titles):
    shown = sidebar_titles(page(built, f"{prefix}handbook/mitmachen"))
    assert [title for title in shown if title in titles] == titles


@pytest.mark.parametrize("prefix", ["", "fa/"])
def test_previous_and_next_follow_the_order(built, prefix):
    def neighbours(slug):
        html = page(built, f"{prefix}handbook/{slug}")
        return [re.search(rf'<a href="([^"]*)" class="md-footer__link md-footer__link--{rel}"', html) for rel in ("prev", "next")]

    for before, slug, after in zip(IN_ORDER, IN_ORDER[1:], IN_ORDER[2:]):
        previous, following = neighbours(slug)
        assert previous and previous.group(1) == f"../{before}/", slug
        assert following and following.group(1) == f"../{after}/", slug


@pytest.mark.parametrize("language", ["de", "fa"])
def test_the_real_handbook_is_in_its_order_in_german_and_in_farsi(real_site, language):
    """This repository's handbook: every chapter in German, some in Farsi (the rest fall back)."""
    import yaml

    from browser.harness import ROOT

    chapters = {}
    for path in sorted((ROOT / "docs" / "handbook").glob("*.de.md")):
        slug = path.name.removesuffix(".de.md")
        shown = path.with_name(f"{slug}.{language}.md") if path.with_name(f"{slug}.{language}.md").exists() else path
        meta = yaml.safe_load(shown.read_text(encoding="utf-8").split("---\n")[1])
        chapters[slug] = (meta["order"], meta["title"])
    expected = [title for _order, title in sorted(chapters.values(), key=lambda c: (c[0], c[1].casefold()))]
    prefix = "" if language == "de" else f"{language}/"
    first_by_file_name = sorted(chapters)[0]
    shown = sidebar_titles(page(real_site, f"{prefix}handbook/{first_by_file_name}"))
    assert [title for title in shown if title in expected] == expected
