"""A real MkDocs build of the fixture site: every module in every language, validation gates the build."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_project

pytestmark = pytest.mark.slow


def mkdocs_build(root: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(site), "--config-file", str(root / "mkdocs.yml")],
        cwd=root, capture_output=True, text=True, timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("build") / "project")
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def html_attrs(html: str, tag: str) -> str:
    return re.search(rf"<{tag}\b[^>]*>", html).group(0)


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
@pytest.mark.parametrize("module", ["alpha", "beta"])
def test_every_module_has_a_page_in_every_language(built, prefix, module):
    assert (built / prefix / "modules" / module / "index.html").is_file()


def test_module_page_shows_header_objectives_timing_and_notes_in_its_language(built):
    html = page(built, "en/modules/alpha")
    assert "Alpha in English" in html
    for label in ("Duration", "Level", "Audience", "Topics", "Formats", "Partners", "Created with", "Licence"):
        assert f"<dt>{label}</dt>" in html
    assert "50 min" in html and "Entry level" in html and "Organisation One" in html and "Leyla M. (pseudonym)" in html
    assert "Participants know Alpha." in html
    timing = re.search(r'<table class="i8-timing">.*?</table>', html, re.S).group(0)
    assert "Arriving" in timing and "Working" in timing and "0:20" in timing
    assert re.search(r'class="i8-box i8-facilitator".*?Notes for facilitators.*?Secret note for facilitators', html, re.S)


def test_persian_module_page_is_right_to_left_with_persian_labels(built):
    html = page(built, "fa/modules/alpha")
    assert 'lang="fa"' in html_attrs(html, "html") and 'dir="rtl"' in html_attrs(html, "body")
    assert "<dt>مدت</dt>" in html and "آلفا به فارسی" in html
    assert re.search(r'class="i8-module" lang="fa" dir="rtl"', html)


def test_missing_translation_falls_back_to_the_source_with_its_own_language(built):
    html = page(built, "fa/modules/beta")
    assert "Beta auf Deutsch" in html
    assert 'dir="rtl"' in html_attrs(html, "body"), "the interface stays in the reader's direction"
    assert re.search(r'class="i8-module" lang="de" dir="ltr"', html), "the German text is marked as German"
    assert "<dt>مدت</dt>" in html, "labels stay in the reader's language"


def test_links_between_modules_point_to_the_module_page_in_the_same_language(built):
    assert 'href="../beta/"' in page(built, "modules/alpha")
    assert 'href="../beta/#getting-started"' in page(built, "en/modules/alpha")


def test_cases_and_lists_exist_in_every_language(built):
    for prefix in ("", "en/", "fa/"):
        assert "Beispielprojekt" in page(built, f"{prefix}cases/example")
        assert "alpha" in page(built, f"{prefix}modules")
    assert "<dt>Region</dt>" in page(built, "en/cases/example") and "Nienburg" in page(built, "en/cases/example")


def test_front_page_offers_every_language_named_in_itself(built):
    html = page(built, "fa")
    nav = re.search(r'<nav class="i8-languages".*?</nav>', html, re.S).group(0)
    for name in ("Deutsch", "English", "فارسی"):
        assert name in nav


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_invalid_content_fails_the_build_and_leaves_the_site_untouched(tmp_path):
    root = make_project(tmp_path / "project")
    site = root / "site"
    assert mkdocs_build(root, site).returncode == 0
    before = tree_hash(site)
    module = root / "curriculum" / "beta" / "module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("level: intermediate", "level: expert"), encoding="utf-8")
    result = mkdocs_build(root, site)
    assert result.returncode != 0
    assert "curriculum/beta/module.yml:4:8: error: 'expert' is not a value of the list 'levels'" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_hash(site) == before


def test_validation_runs_once_per_build_not_per_language(tmp_path):
    root = make_project(tmp_path / "project")
    module = root / "curriculum" / "beta" / "module.yml"
    module.write_text(module.read_text(encoding="utf-8") + "review_by: 2020-01-01\n", encoding="utf-8")
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0
    assert result.stderr.count("[review-due]") == 1


def test_a_content_warning_is_shown_but_does_not_stop_a_strict_build(tmp_path):
    """The site is published with `mkdocs build --strict`; a review date due or a translation that
    lags behind its source is the partners' to-do, not a reason to stop publishing."""
    root = make_project(tmp_path / "project")
    module = root / "curriculum" / "beta" / "module.yml"
    module.write_text(module.read_text(encoding="utf-8") + "review_by: 2020-01-01\n", encoding="utf-8")
    result = mkdocs_build(root, root / "site", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"curriculum/beta/module\.yml:\d+:\d+: warning: .*\[review-due\]", result.stderr)
