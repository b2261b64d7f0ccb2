"""Fixtures of the browser tests: the real site served on 127.0.0.1 and Debian's Chromium.

- ``real_site`` (tests/conftest.py, session): the repository's site, built once.
- ``site_server`` (session): that build on http://127.0.0.1:<port>/.
- ``chromium`` (tests/conftest.py, session): one headless Chromium shared by every browser test; a
  missing browser skips outside CI, fails in CI.
- ``visit`` (per test): ``visit(page_type, language)`` opens one page like a phone (360 × 740,
  touch) in a fresh browser context and returns a :class:`Visit` that has recorded every request
  and every Content-Security-Policy violation. Requests to any other host are recorded and then
  blocked, so a test run never reaches the network.
- ``shown`` (session, one per page type and language of pages.yml): the same, opened ONCE and
  shared by every check that only looks. pytest runs all tests of one page type and language
  together, so one page is open at a time. ``shown.visit()`` returns the Visit, or raises
  PageMissing inside the test (where a `pending` xfail can catch it). A check that changes the
  page must put it back as it was (print emulation), or use ``visit`` for a page of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .harness import PHONE, LocalServer, PageMissing, PageType, load_page_types, page_url

# Collects what the page's policy blocks, from before the first byte of the page is parsed.
RECORD_VIOLATIONS = """
window.__i8_violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__i8_violations.push({
  directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
  source: event.sourceFile, line: event.lineNumber,
}));
"""


@dataclass
class Visit:
    page: object  # playwright.sync_api.Page
    page_type: PageType
    language: str
    path: str  # below the site root, e.g. "fa/modules/x/"
    origin: str
    requests: list[str] = field(default_factory=list)  # every request the page made, to any host
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, why it failed)
    responses: list[tuple[str, int]] = field(default_factory=list)  # (url, HTTP status)

    @property
    def where(self) -> str:
        return f"/{self.path}"

    def violations(self) -> list[dict]:
        return self.page.evaluate("window.__i8_violations")

    def foreign_requests(self) -> list[str]:
        """Every request the page attempted to another host, even one its policy then stopped."""
        return [url for url in self.requests if leaves(url, self.origin)]

    def stopped_by_policy(self) -> set[str]:
        return {url for url, why in self.failures if "csp" in (why or "").lower()}


def leaves(url: str, origin: str) -> bool:
    """Whether fetching ``url`` would leave the local server (data: and blob: stay in the page)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return f"{parts.scheme}://{parts.netloc}" != origin


@pytest.fixture(scope="session")
def site_server(real_site):
    with LocalServer(real_site) as server:
        yield server


# ``chromium`` (session) is in tests/conftest.py: one Playwright per test session, shared with the
# browser tests outside this folder (a second sync Playwright in the same thread cannot start).


def open_visit(chromium, server, page_type: PageType, language: str):
    """A fresh phone-sized browser context with one page of ``page_type``: (context, Visit)."""
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=language)
    context.set_default_timeout(15_000)
    path = page_url(language, page_type.path)
    page = context.new_page()
    seen = Visit(page, page_type, language, path, server.origin)
    context.on("request", lambda request: seen.requests.append(request.url))
    context.on("requestfailed", lambda request: seen.failures.append((request.url, request.failure)))
    context.on("response", lambda response: seen.responses.append((response.url, response.status)))
    # Only requests to other hosts are intercepted (matched by the driver, not in Python).
    context.route(re.compile(rf"^(?!{re.escape(server.origin)}/)"), lambda route: route.abort("blockedbyclient"))
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        response = page.goto(server.url(path))
        if response is None or response.status == 404:
            raise PageMissing(f"the {page_type.name} /{path} is not in the build")
        assert response.ok, f"/{path} answered HTTP {response.status}"
        if page_type.search:
            open_search(page, page_type, language)
    except BaseException:
        context.close()
        raise
    return context, seen


def open_search(page, page_type: PageType, language: str) -> None:
    """Open search as a reader does: tap the search control, type a word, wait for results."""
    search = page_type.search
    control = page.locator(search.open)
    if control.count() == 0:
        raise PageMissing(f"/{page_url(language, page_type.path)} has no search control ({search.open})")
    control.first.click()
    field = page.locator(search.field).first
    field.wait_for(state="visible")
    field.fill(search.query[language])
    page.locator(search.results).first.wait_for(state="visible")


@pytest.fixture
def visit(chromium, site_server):
    contexts = []

    def open_page(page_type: PageType, language: str) -> Visit:
        context, seen = open_visit(chromium, site_server, page_type, language)
        contexts.append(context)
        return seen

    yield open_page
    for context in contexts:
        context.close()


class Shown:
    """One page type in one language, opened once for all checks that only look at it."""

    def __init__(self, page_type: PageType, language: str, opened=None, missing: PageMissing | None = None):
        self.page_type, self.language = page_type, language
        self._opened, self._missing = opened, missing

    def visit(self) -> Visit:
        if self._missing is not None:
            raise PageMissing(str(self._missing))
        return self._opened[1]

    def close(self) -> None:
        if self._opened:
            self._opened[0].close()


@pytest.fixture(scope="session", params=load_page_types().fixture_params())
def shown(request, chromium, site_server):
    page_type, language = request.param
    try:
        opened = Shown(page_type, language, opened=open_visit(chromium, site_server, page_type, language))
    except PageMissing as missing:
        opened = Shown(page_type, language, missing=missing)
    yield opened
    opened.close()
