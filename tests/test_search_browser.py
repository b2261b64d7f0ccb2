"""Search in a real browser: Debian's Chromium and the real site, built and served on 127.0.0.1.

In every configured language, on the module catalogue of that language, as a reader on a phone:
before she opens search the page has fetched nothing for it; she taps the search button and types
each query of tests/search/queries.yml, whose pages must be among the first three results; the
count is announced; and all that opening search fetched is search.js, lunr.js, her language's
stemmer (if it has one), engine.js and her language's index. Keyboard use and the
right-to-left dialog are checked too.

Playwright runs in a thread of its own: the browser tests in tests/browser/ hold Playwright's
synchronous API in the main thread for the whole session, and it cannot be started twice there.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from browser.harness import CHROMIUM, CHROMIUM_ARGS, PHONE, LocalServer, page_url, require
from integr8.project import load_project
from integr8.search import browser_settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
QUERIES = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))
LANGUAGES = load_project(ROOT / "mkdocs.yml").codes
PAGE = "modules/"  # the module catalogue, in every language
BUTTON, FIELD, RESULTS, STATUS = "[data-i8-search-open]", "#i8-search-input", "[data-i8-search-results]", "[data-i8-search-status]"
SHOWN = f"q => document.querySelector('{RESULTS}').dataset.i8Query === q"


class BrowserThread:
    """One Chromium, driven from one worker thread; ``call(fn, *args)`` runs ``fn(browser, *args)`` there."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="search-chromium")
        self._pool.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

    def call(self, fn, *args):
        return self._pool.submit(fn, self.browser, *args).result(timeout=600)

    def close(self):
        def stop():
            self.browser.close()
            self._playwright.stop()

        self._pool.submit(stop).result()
        self._pool.shutdown()


@pytest.fixture(scope="module")
def server(real_site):
    with LocalServer(real_site) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root, or `sudo apt-get install chromium`")
    try:
        import playwright  # noqa: F401
    except ImportError:
        require(False, "Playwright", "run `make test`, which installs requirements/test.txt")
    thread = BrowserThread()
    yield thread
    thread.close()


def phone(browser, origin: str, language: str):
    """A fresh phone-sized page that records every request and never leaves 127.0.0.1."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=language)
    context.set_default_timeout(20_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(re.compile(rf"^(?!{re.escape(origin)}/)"), lambda route: route.abort("blockedbyclient"))
    return context, context.new_page(), requests


def search_session(browser, origin: str, language: str, queries: list[str]) -> dict:
    """Open the catalogue, then search, then type every query: what was fetched and found."""
    context, page, requests = phone(browser, origin, language)
    try:
        page.goto(f"{origin}/{page_url(language, PAGE)}", wait_until="networkidle")
        before = list(requests)
        page.click(BUTTON)
        found = {}
        for query in queries:
            page.fill(FIELD, query)
            page.wait_for_function(SHOWN, arg=query)
            found[query] = page.eval_on_selector_all(f"{RESULTS} > li a", "links => links.slice(0, 3).map(a => a.getAttribute('href'))")
        page.wait_for_function(f"q => document.querySelector('{STATUS}').dataset.i8Query === q", arg=queries[-1])
        return {
            "before": before,
            "after": requests[len(before):],
            "found": found,
            "status": page.text_content(STATUS).strip(),
            "count": page.locator(f"{RESULTS} > li").count(),
            "direction": page.evaluate("() => getComputedStyle(document.getElementById('i8-search')).direction"),
        }
    finally:
        context.close()


@pytest.fixture(scope="module")
def sessions(browser, server):
    cache = {}

    def get(language: str) -> dict:
        if language not in cache:
            queries = [entry["query"] for entry in QUERIES.get(language, [])]
            cache[language] = browser.call(search_session, server.origin, language, queries)
        return cache[language]

    return get


def search_files(urls: list[str], origin: str) -> set[str]:
    return {url.removeprefix(f"{origin}/assets/search/") for url in urls if url.startswith(f"{origin}/assets/search/")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_of_search_is_fetched_before_she_opens_it(sessions, server, language):
    fetched = search_files(sessions(language)["before"], server.origin)
    assert fetched == set(), f"{language}: fetched before opening search: {sorted(fetched)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_opening_search_fetches_lunr_her_stemmer_and_only_her_language(sessions, server, language):
    session = sessions(language)
    settings = browser_settings(language)
    expected = {Path(script).name for script in [settings.bootstrap, *settings.scripts]} | {f"{language}.json"}
    assert search_files(session["after"], server.origin) == expected, session["after"]
    # Chromium asks for the favicon when it likes; anything else would be something search fetched
    others = [url for url in session["after"] if not url.startswith(f"{server.origin}/assets/search/") and "favicon" not in url]
    assert others == [], f"opening search fetched more than search files: {others}"


@pytest.mark.parametrize(
    "language,entry",
    [pytest.param(language, entry, id=f"{language}-{entry['query']}") for language in LANGUAGES for entry in QUERIES.get(language, [])],
)
def test_query_finds_its_pages_in_the_first_three_in_chromium(sessions, server, language, entry):
    links = sessions(language)["found"][entry["query"]]
    top = [re.sub(r"#.*$", "", href).removeprefix(f"{server.origin}/") for href in links]
    for path in entry["top3"]:
        assert page_url(language, path) in top, f"{language} {entry['query']!r}: /{page_url(language, path)} not in {top}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_number_of_results_is_announced_in_her_language(sessions, language):
    session = sessions(language)
    assert session["count"] > 0
    assert str(session["count"]) in session["status"] or session["count"] == 1, session["status"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dialog_runs_in_the_direction_of_her_language(sessions, language):
    from integr8.i18n.strings import load_strings

    expected = load_strings(load_project(ROOT / "mkdocs.yml").strings_dirs, language).direction
    assert sessions(language)["direction"] == expected


def keyboard_session(browser, origin: str) -> dict:
    context, page, _requests = phone(browser, origin, "de")
    steps = {}
    try:
        page.goto(f"{origin}/{page_url('de', 'modules/health-system/')}")
        page.keyboard.press("/")
        steps["opened"] = page.evaluate("() => document.getElementById('i8-search').open")
        steps["focus in field"] = page.evaluate("() => document.activeElement.id") == "i8-search-input"
        page.keyboard.type("Bewerbung")
        page.wait_for_function(SHOWN, arg="Bewerbung")
        page.keyboard.press("ArrowDown")
        steps["down to first result"] = page.evaluate(f"() => document.activeElement === document.querySelector('{RESULTS} a')")
        page.keyboard.press("ArrowUp")
        steps["up to the field"] = page.evaluate("() => document.activeElement.id") == "i8-search-input"
        page.keyboard.press("Escape")  # in a search field, Chromium's first Escape empties it
        if page.evaluate("() => document.getElementById('i8-search').open"):
            page.keyboard.press("Escape")
        steps["closed"] = not page.evaluate("() => document.getElementById('i8-search').open")
        # the dialog's close event, which returns the focus, comes as a task of its own
        page.wait_for_function(f"() => document.activeElement === document.querySelector('{BUTTON}')")
        steps["focus back on the button"] = True
        page.keyboard.press("Enter")  # the button opens it again
        page.wait_for_function("() => document.getElementById('i8-search').open")
        page.keyboard.type("Lebenslauf")  # (Escape in a search field also empties it)
        page.wait_for_function(SHOWN, arg="Lebenslauf")
        first = page.eval_on_selector(f"{RESULTS} a", "a => a.href")
        page.keyboard.press("Enter")  # Enter in the field opens the first result
        page.wait_for_url(first)
        steps["enter opens the first result"] = True
        return steps
    finally:
        context.close()


def test_search_is_usable_with_the_keyboard_alone(browser, server):
    steps = browser.call(keyboard_session, server.origin)
    assert all(steps.values()), steps


def offline_session(browser, origin: str, failing: str) -> dict:
    """A search file cannot be fetched (her data ran out): she is told, and the next opening tries again."""
    context, page, requests = phone(browser, origin, "fa")
    try:
        page.route(re.compile(failing), lambda route: route.abort("internetdisconnected"))
        page.goto(f"{origin}/{page_url('fa', PAGE)}")
        page.click(BUTTON)
        error = page.get_attribute("#i8-search", "data-error")
        page.wait_for_function(f"e => document.querySelector('{STATUS}').textContent === e", arg=error)
        page.keyboard.press("Escape")
        page.unroute(re.compile(failing))
        page.click(BUTTON)
        page.fill(FIELD, "فرهنگ")
        page.wait_for_function(SHOWN, arg="فرهنگ")
        return {"error shown": True, "tries": sum(bool(re.fullmatch(failing, url)) for url in requests),
                "found after retry": page.locator(f"{RESULTS} > li").count()}
    finally:
        context.close()


def test_a_failed_download_is_explained_and_tried_again(browser, server):
    outcome = browser.call(offline_session, server.origin, r".*/assets/search/fa\.json$")
    assert outcome["tries"] == 2 and outcome["found after retry"] > 0, outcome


def test_a_failed_download_of_the_search_script_itself_is_explained_and_tried_again(browser, server):
    outcome = browser.call(offline_session, server.origin, r".*/assets/search/search\.js$")
    assert outcome["tries"] == 2 and outcome["found after retry"] > 0, outcome
