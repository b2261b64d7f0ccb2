"""The real site of this repository: built, served on 127.0.0.1, and described page type by page type.

Used by the session fixtures in ``tests/conftest.py`` (``real_site``) and
``tests/browser/conftest.py`` (``site_server``, ``chromium``, ``visit``, ``shown``); see README.md.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGE_TYPES_FILE = Path(__file__).with_name("pages.yml")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}

# Two builds of the same commit must be byte-identical. `make site` takes the date from the last
# commit (SOURCE_DATE_EPOCH); tests pin one so that a build just after midnight compares equal.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str, how: str) -> None:
    """Under CI a missing tool fails the run; elsewhere the test is skipped with the reason."""
    if available:
        return
    message = f"{what} is missing: {how}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: tests never skip)", pytrace=False)
    pytest.skip(message)


def build_site(target: Path, *, config: Path = ROOT / "mkdocs.yml", hash_seed: str = "0", strict: bool = False) -> Path:
    """Build the site of ``config`` into ``target`` with MkDocs from this virtual environment.

    Only the environment a fresh machine has: no proxy settings or local overrides leak in.
    ``hash_seed`` sets PYTHONHASHSEED, so that two builds can differ in set and dict ordering.
    ``strict`` builds as the publish and pull-request workflows do: any MkDocs warning fails.
    """
    if target.exists():
        shutil.rmtree(target)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/root"),
        "LANG": "C.UTF-8",
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "PYTHONHASHSEED": hash_seed,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(target), "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True, timeout=900, env=env,
    )
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build of {config} failed (exit {result.returncode}):\n{result.stderr[-6000:]}")
    return target


def prebuilt_site() -> Path | None:
    """A build named by INTEGR8_TEST_SITE, for quick iterations on templates; never set in CI."""
    folder = os.environ.get("INTEGR8_TEST_SITE")
    if not folder:
        return None
    if in_ci():
        pytest.fail("INTEGR8_TEST_SITE is set under CI=true: CI always tests a fresh build", pytrace=False)
    assert (Path(folder) / "index.html").is_file(), f"INTEGR8_TEST_SITE={folder} holds no built site"
    return Path(folder)


# --- the page types ------------------------------------------------------------------------------


class PageMissing(Exception):
    """The page (or the part of it a page type is about, such as the search) is not in the build."""


@dataclass(frozen=True)
class Search:
    """How a reader opens search on a page and what she sees then."""

    open: str  # what she taps to open search
    field: str  # where she types
    query: dict  # language -> a word that finds something
    results: str  # what appears when something is found


@dataclass(frozen=True)
class PageType:
    id: str
    name: str
    path: str  # below the language folder, as in the URL conventions: "" is the front page
    pending: str | None = None
    search: Search | None = None

    def marks(self) -> list:
        if not self.pending:
            return []
        reason = (f"pending: {self.pending}. This expects the page to be missing; once it exists, "
                  f"remove `pending` from tests/browser/pages.yml.")
        return [pytest.mark.xfail(raises=PageMissing, strict=True, reason=reason)]


@dataclass(frozen=True)
class PageTypes:
    languages: list[str]
    types: list[PageType] = field(default_factory=list)

    def params(self) -> list:
        """One pytest parameter (page_type, language) per page type and language, e.g. ``module-fa``."""
        return [
            pytest.param(page_type, language, id=f"{page_type.id}-{language}", marks=page_type.marks())
            for page_type in self.types for language in self.languages
        ]

    def fixture_params(self) -> list:
        """The same, as single values for a parametrised fixture."""
        return [pytest.param(param.values, id=param.id, marks=param.marks) for param in self.params()]


def load_page_types(path: Path = PAGE_TYPES_FILE) -> PageTypes:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = []
    for entry in data["page_types"]:
        search = Search(**entry["search"]) if "search" in entry else None
        types.append(PageType(id=entry["id"], name=entry["name"], path=entry["path"],
                              pending=entry.get("pending"), search=search))
    ids = [page_type.id for page_type in types]
    assert len(ids) == len(set(ids)), f"{path}: page type ids must be unique: {ids}"
    return PageTypes(languages=list(data["languages"]), types=types)


@functools.cache
def default_language() -> str:
    """The default language, as mkdocs.yml declares it (its pages have no language folder)."""
    from integr8.project import load_project

    return load_project(ROOT / "mkdocs.yml").default_language


def language_folder(language: str) -> str:
    from integr8.pages.generated import language_prefix

    return language_prefix(language, default_language())


def page_url(language: str, path: str) -> str:
    """The URL of a page below the site root, e.g. ``fa/modules/x/``."""
    return language_folder(language) + path


def page_file(site: Path, url: str) -> Path:
    """The file a URL is served from."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


# --- the local server ----------------------------------------------------------------------------


class _StaticFiles(http.server.SimpleHTTPRequestHandler):
    """Files of the built site, nothing else: a folder without index.html is a 404, not a listing."""

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


class LocalServer:
    """The built site on http://127.0.0.1:<free port>/, one thread per request."""

    def __init__(self, folder: Path):
        handler = functools.partial(_StaticFiles, directory=str(folder))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.origin}/{path}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
