"""What a reader's browser transfers: page views and searches in real Chromium (Playwright).

Every view starts in a fresh browser context (an empty cache: a first visit) on a phone-sized
viewport. Responses from the local server are counted with their body bytes and the bytes a
compressing server would send (``serve.gzipped``). Requests to any other host are aborted and
counted: the site must make none, and offline they could only fail.

A response is *search* data when its path has a segment named ``search``, ``lunr`` or
``pagefind`` (Material's ``search/search_index.json``, its search worker and lunr language
files; our ``assets/search/``; Pagefind's bundle). Everything else of type document, stylesheet,
script, font or image is what the page needs to be usable.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from .serve import gzipped

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}
USABLE_TYPES = {"document", "stylesheet", "script", "font", "image"}
_SEARCH_PATH = re.compile(r"(?:^|/)(?:search|lunr|pagefind)(?:[/._-]|$)", re.IGNORECASE)
NAVIGATION_TIMEOUT_MS = 60_000
RESULT_TIMEOUT_MS = 30_000
CLICK_TIMEOUT_MS = 5_000

# Marks every link on the page that is visible now and starts the clock: now, or (fromInput) at the
# first input event, when the query reaches the field. A search result is a link that appears
# later (new, visible, with text). A mutation observer notes the moment the first one is in the
# page, so the time depends neither on how often the test asks nor on how quickly the test's own
# process sends the query, and asking costs the page nothing while it works.
_MARK_VISIBLE_LINKS = """fromInput => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.getClientRects().length) a.dataset.benchSeen = '1';
  }
  window.benchResult = null;
  const result = () => {
    for (const a of document.querySelectorAll('a[href]:not([data-bench-seen])')) {
      const href = a.getAttribute('href') || '';
      if (!a.getClientRects().length || href === '#' || href.startsWith('javascript:')) continue;
      if ((a.textContent || '').trim().length < 2) continue;
      return a;
    }
    return null;
  };
  const observer = new MutationObserver(() => {
    const a = result();
    if (a) {
      window.benchResult = {url: a.href, ms: performance.now() - window.benchStarted};
      observer.disconnect();
    }
  });
  observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style', 'open']});
  window.benchStarted = performance.now();
  if (fromInput) {
    document.addEventListener('input', () => { window.benchStarted = performance.now(); }, {capture: true, once: true});
  }
}"""
_FIRST_RESULT = "() => window.benchResult"
# Resolves once the page's main thread has been idle for three idle periods in a row (or after ten
# seconds): search code that unpacks its index after the downloads has finished doing so.
_IDLE = """() => new Promise(resolve => {
  const limit = performance.now() + 10000;
  let calm = 0;
  const check = deadline => {
    calm = deadline.timeRemaining() >= 45 ? calm + 1 : 0;
    if (calm >= 3 || performance.now() > limit) resolve();
    else requestIdleCallback(check, {timeout: 1000});
  };
  requestIdleCallback(check, {timeout: 1000});
})"""


@dataclass
class Transfer:
    url: str
    resource_type: str
    status: int
    bytes: int
    gzip_bytes: int

    @property
    def search(self) -> bool:
        return bool(_SEARCH_PATH.search(urlsplit(self.url).path))

    @property
    def usable(self) -> bool:
        return not self.search and self.resource_type in USABLE_TYPES


@dataclass
class Recorder:
    """The responses of one page, in the order they finished, and the requests to other hosts."""

    origin: str
    transfers: list[Transfer] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    _pending: list = field(default_factory=list)

    def attach(self, context) -> None:
        context.route(lambda url: not url.startswith(self.origin), self._block)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _finished(self, request) -> None:
        self._pending.append(request)

    def _block(self, route) -> None:
        self.other_hosts.append(route.request.url)
        route.abort("blockedbyclient")

    def _failed(self, request) -> None:
        if request.url.startswith(self.origin):
            self._pending.append(request)

    def seen(self) -> int:
        """How many requests have finished or failed so far."""
        return len(self.transfers) + len(self._pending)

    def settle(self) -> list[Transfer]:
        """Read the bodies of the requests finished so far; returns every transfer in order."""
        for request in self._pending:
            response = request.response()
            try:
                body = response.body() if response is not None else b""
            except Exception:  # noqa: BLE001 - a body can be unavailable (a redirect, a cancelled fetch)
                body = b""
            self.transfers.append(Transfer(request.url, request.resource_type, response.status if response else 0, len(body), gzipped(body)))
        self._pending.clear()
        return self.transfers


def wait_quiet(page, recorder: Recorder, quiet_ms: int = 500, limit_ms: int = 10_000) -> None:
    """Wait until no request has finished for ``quiet_ms`` (the page's load state fired long ago)."""
    waited, seen = 0, -1
    while waited < limit_ms:
        count = recorder.seen()
        if count == seen:
            return
        seen = count
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms


def total(transfers, predicate=lambda t: True, key="gzip_bytes") -> int:
    return sum(getattr(t, key) for t in transfers if predicate(t))


@dataclass
class PageView:
    url: str
    transfers: list[Transfer]
    other_hosts: list[str]

    @property
    def status(self) -> int:
        return next((t.status for t in self.transfers if t.resource_type == "document"), 0)

    @property
    def html_gzip(self) -> int:
        return next((t.gzip_bytes for t in self.transfers if t.resource_type == "document"), 0)

    @property
    def usable_gzip(self) -> int:
        return total(self.transfers, lambda t: t.usable)

    @property
    def search_gzip(self) -> int:
        return total(self.transfers, lambda t: t.search)

    @property
    def all_gzip(self) -> int:
        return total(self.transfers)

    def as_dict(self) -> dict:
        return {
            "url": self.url, "status": self.status, "html_gzip": self.html_gzip, "usable_gzip": self.usable_gzip, "search_gzip": self.search_gzip,
            "all_gzip": self.all_gzip, "all_bytes": total(self.transfers, key="bytes"), "requests": len(self.transfers),
            "failed_requests": sum(1 for t in self.transfers if t.status == 0 or t.status >= 400),
            "other_host_requests": len(self.other_hosts), "other_hosts": sorted({urlsplit(u).netloc for u in self.other_hosts}),
        }


@dataclass
class SearchRun:
    available: bool
    reason: str = ""  # why search could not be measured
    found: str | None = None  # URL of the first result
    before_open: int = 0  # gzip bytes of search data before search was opened
    to_first_result: int = 0  # gzip bytes from opening search to the first result
    query_total: int = 0  # gzip bytes from opening search until no request finished for half a second
    files: list[str] = field(default_factory=list)  # what was loaded from opening search on
    files_before_open: list[str] = field(default_factory=list)  # search files a page view loads anyway
    milliseconds: float | None = None  # from the query to the first result (in the page's clock), see Browser.search

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class Browser:
    """One Chromium for all measurements of a run."""

    def __init__(self):
        from playwright.sync_api import sync_playwright  # a test tool: imported only when measuring

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception:
            self._playwright.stop()
            raise

    @property
    def version(self) -> str:
        return self._browser.version

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def _open(self, origin: str):
        context = self._browser.new_context(viewport=PHONE, service_workers="block")
        recorder = Recorder(origin)
        recorder.attach(context)
        page = context.new_page()
        page.set_default_timeout(NAVIGATION_TIMEOUT_MS)
        return context, page, recorder

    def view(self, origin: str, path: str) -> PageView:
        """A first visit of ``path``: everything transferred until the network is idle."""
        context, page, recorder = self._open(origin)
        try:
            page.goto(origin + path, wait_until="networkidle")
            return PageView(path, list(recorder.settle()), list(recorder.other_hosts))
        finally:
            context.close()

    def search(self, origin: str, path: str, query: str, labels: list[str], cpu_slowdown: float = 1,
               ready: bool = False) -> SearchRun:
        """Open search on ``path``, type ``query`` and wait for the first result.

        Bytes are counted from the moment search is opened. Time is taken in the page, with the CPU
        slowed down ``cpu_slowdown`` times (Chrome DevTools' throttling), as on a cheap phone:
        - ``ready=False``: from opening search to the first result, so downloading and starting the
          search code and index count too; the query is typed key by key, as a reader types.
        - ``ready=True``: search is opened and left until its downloads are done and the page's main
          thread is idle; then the whole query arrives at once (as pasted) and the time runs from there:
          the cost of answering a query, which the reader feels on every query, not just the first.
        """
        context, page, recorder = self._open(origin)
        try:
            page.goto(origin + path, wait_until="networkidle")
            before = recorder.settle()
            run = SearchRun(available=True, before_open=total(before, lambda t: t.search),
                            files_before_open=[urlsplit(t.url).path for t in before if t.search])
            mark = len(before)
            if cpu_slowdown > 1:
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
            if not ready:
                page.evaluate(_MARK_VISIBLE_LINKS, False)
            try:
                field_ = open_search(page, labels)
            except Exception as error:  # noqa: BLE001 - Playwright's errors: the search UI did not respond
                return replace(run, available=False, reason=f"opening search failed: {str(error).splitlines()[0]}")
            if field_ is None:
                return replace(run, available=False, reason="no search field or search button found on the page")
            if ready:
                wait_quiet(page, recorder)
                page.evaluate(_IDLE)
                page.evaluate(_MARK_VISIBLE_LINKS, True)
                page.keyboard.insert_text(query)  # the focused field gets the query at once, as pasted
            else:
                field_.press_sequentially(query)  # key by key, as a reader types
            try:
                result = page.wait_for_function(_FIRST_RESULT, timeout=RESULT_TIMEOUT_MS, polling=100).json_value()
            except Exception:  # noqa: BLE001 - Playwright's TimeoutError: no result appeared
                run.found = None
            else:
                run.found, run.milliseconds = result["url"], round(result["ms"], 1)
            after = recorder.settle()[mark:]
            run.to_first_result = total(after)
            wait_quiet(page, recorder)
            rest = recorder.settle()[mark:]
            run.query_total = total(rest)
            run.files = [urlsplit(t.url).path for t in rest]
            return run
        finally:
            context.close()

    def page(self, origin: str):
        """A fresh page for a caller's own script (Pagefind's harness); close its context after use."""
        return self._open(origin)


# A visible button that controls an element holding a search field (the ARIA way to open search).
_TAG_SEARCH_OPENER = """() => {
  const field = 'input[type=search], [role=searchbox], [role=search]';
  for (const button of document.querySelectorAll('button[aria-controls], [role=button][aria-controls]')) {
    const target = document.getElementById(button.getAttribute('aria-controls'));
    if (target && (target.matches(field) || target.querySelector(field)) && button.getClientRects().length) {
      button.dataset.benchOpener = '1';
      return true;
    }
  }
  return false;
}"""


def open_search(page, labels: list[str]):
    """Open the page's search as a reader would, and return the field to type into (or None).

    In this order: a search box already on screen; a button that controls a search field
    (``aria-controls``); a button named exactly like one of ``labels`` (the interface's search
    strings); Material's own search toggle. The same code drives our header search and stock
    Material's.
    """
    if _visible(page.get_by_role("searchbox")) is None:
        if page.evaluate(_TAG_SEARCH_OPENER):
            page.locator("[data-bench-opener]").first.click(timeout=CLICK_TIMEOUT_MS)
        elif (opener := _named_button(page, labels)) is not None:
            opener.click(timeout=CLICK_TIMEOUT_MS)
        elif (toggle := _visible(page.locator('label[for="__search"]'))) is not None:
            toggle.click(timeout=CLICK_TIMEOUT_MS)
    for candidate in (
        page.get_by_role("searchbox"),
        page.locator('input[type="search"]'),
        page.locator('[role="search"] input, [role="dialog"] input[type="text"]'),
        page.locator('[data-md-component="search-query"]'),
    ):
        field_ = _visible(candidate, wait_ms=2000)
        if field_ is not None:
            field_.click(timeout=CLICK_TIMEOUT_MS)
            return field_
    return None


def _named_button(page, labels: list[str]):
    for label in labels:
        button = _visible(page.get_by_role("button", name=label, exact=True))
        if button is not None:
            return button
    return None


def _visible(locator, wait_ms: int = 0):
    """The first visible element of ``locator``, waiting up to ``wait_ms`` for one to appear."""
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        for index in range(locator.count()):
            element = locator.nth(index)
            if element.is_visible():
                return element
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)
