"""Shared fixtures: a small valid project copied to a temporary folder, with overlays."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
INTEGR8 = [sys.executable, "-m", "integr8"]


def make_project(target: Path, files: dict | None = None) -> Path:
    """Copy the fixture project to ``target`` and apply ``files`` (path -> text, or None to delete)."""
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    for rel, text in (files or {}).items():
        path = target / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    config = target / "mkdocs.yml"
    if config.is_file():
        config.write_text(config.read_text(encoding="utf-8").replace("OVERRIDES", str(ROOT / "overrides")), encoding="utf-8")
    return target


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site of THIS repository (mkdocs.yml, curriculum/, docs/), built once per test session,
    strictly, as the workflows publish it.

    Shared by the browser tests, the HTML checker, the link check and anyone else who needs the
    real build: read it, never change it (tests/browser/README.md). INTEGR8_TEST_SITE=<folder>
    points the tests at a site you built yourself, to iterate quickly on templates.
    """
    from browser.harness import build_site, prebuilt_site

    return prebuilt_site() or build_site(tmp_path_factory.mktemp("real-site") / "site", strict=True)  # as published


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture project (tests/fixtures/site, languages de, en, fa), built once per session with
    MkDocs. Read it, never change it; a test that needs other content builds its own project."""
    from browser.harness import build_site

    root = make_project(tmp_path_factory.mktemp("fixture-site") / "project")
    return build_site(root / "site", config=root / "mkdocs.yml")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright, ONE for the whole test session.

    Playwright's sync API allows one running Playwright per thread: a second one started while
    the first is open fails ("Sync API inside the asyncio loop"). Every browser test therefore
    shares this browser and opens a context of its own (tests/browser/, the catalogue, the
    self-check, the directory and the front page)."""
    from browser.harness import CHROMIUM, CHROMIUM_ARGS, require

    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root, or `sudo apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright", "run `make test`, which installs requirements/test.txt")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def run_integr8(*args, cwd: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([*INTEGR8, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
