"""One page of every type, in German and Farsi, as a reader on a phone meets it (360 × 740 CSS px).

The page types are listed in pages.yml; each check below runs on every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import leaves
from .harness import PHONE, load_page_types, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = load_page_types().params()
TARGETS_JS = (Path(__file__).with_name("targets.js")).read_text(encoding="utf-8")
MINIMUM_TARGET = 24  # CSS px, WCAG 2.5.8

# Elements that stick out of the viewport sideways, and are not inside something fixed in place
# (the closed navigation drawer waits off-screen in a fixed container and does not scroll).
OVERFLOWING_JS = """() => {
  const width = document.documentElement.clientWidth;
  const fixed = (node) => { for (; node; node = node.parentElement) if (getComputedStyle(node).position === "fixed") return true; return false; };
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5) || fixed(element)) continue;
    const parent = element.parentElement.getBoundingClientRect();
    if (parent.right > width + 0.5 || parent.left < -0.5) continue;  // only the outermost culprit
    found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(box.left)}…${Math.round(box.right)} px)`);
  }
  // Nothing found: a ::before/::after box sticks out (elements cannot name it); the page can
  // then be scrolled sideways, which scrollX shows.
  return found.length ? found.slice(0, 10) : [`no element; look for a pseudo-element (the page scrolls to x=${window.scrollX})`];
}"""


def test_page_fits_the_phone_screen_without_horizontal_scrolling(shown):
    seen = shown.visit()
    sizes = seen.page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth, document.documentElement.clientWidth]")
    document_width, body_width, screen_width = sizes
    assert screen_width == PHONE["width"]
    assert max(document_width, body_width) <= screen_width, (
        f"{seen.where} is {max(document_width, body_width)} px wide on a {screen_width} px screen; "
        f"sticking out: {seen.page.evaluate(OVERFLOWING_JS)}"
    )


def test_every_touch_target_is_at_least_24_px_unless_it_is_a_link_in_a_sentence(shown):
    seen = shown.visit()
    small = seen.page.evaluate(TARGETS_JS, MINIMUM_TARGET)
    listing = "\n".join(f"  {t['target']}: {t['width']} × {t['height']} px {t['text']!r}" for t in small)
    assert not small, f"{seen.where}: targets smaller than {MINIMUM_TARGET} × {MINIMUM_TARGET} CSS px:\n{listing}"


HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")
# Links outside the page content whose hreflang names a language: the language switcher, wherever
# it sits in the header or navigation.
SWITCHER_LINKS_JS = """() => [...document.querySelectorAll("a[hreflang][href]")]
  .filter((link) => !link.closest("article"))
  .map((link) => ({language: link.hreflang, href: link.href}))"""


def test_language_switcher_leads_to_the_same_page_in_the_other_language(shown):
    seen = shown.visit()
    links = seen.page.evaluate(SWITCHER_LINKS_JS)
    others = [link for link in links if link["language"] != seen.language]
    assert others, f"{seen.where}: no link to this page in another language (a[hreflang] outside the content)"
    wrong = [
        f"{link['language']}: {urlsplit(link['href']).path} instead of /{page_url(link['language'], seen.page_type.path)}"
        for link in links if link["href"] != urljoin(seen.origin + "/", page_url(link["language"], seen.page_type.path))
    ]
    assert not wrong, f"{seen.where}: language links that lead elsewhere: {wrong}"
    for link in others:  # what following the link brings (fetched, not rendered: the page stays as it is)
        response = seen.page.request.get(link["href"])
        assert response.ok, f"{seen.where}: the {link['language']} link leads to HTTP {response.status}"
        found = HTML_LANG.search(response.text())
        assert found and found.group(1) == link["language"], (
            f"{seen.where}: the {link['language']} link opens a page with <html lang={found.group(1) if found else None!r}>"
        )


def test_no_request_leaves_the_local_server(shown):
    seen = shown.visit()
    seen.page.mouse.wheel(0, 100_000)  # lazy images and anything loaded on scrolling
    seen.page.wait_for_load_state("networkidle")
    seen.page.evaluate("window.scrollTo(0, 0)")
    assert seen.requests, "no request was recorded at all: the recording is broken"
    assert not seen.foreign_requests(), f"{seen.where} requests other hosts: {seen.foreign_requests()}"


def test_everything_the_page_asks_the_server_for_is_there(shown):
    """A request that fails costs a reader on a prepaid plan data for nothing."""
    seen = shown.visit()
    seen.page.wait_for_load_state("networkidle")
    failed = [f"{url} → HTTP {status}" for url, status in seen.responses if status >= 400]
    failed += [f"{url} → {why}" for url, why in seen.failures if not leaves(url, seen.origin)]
    assert not failed, f"{seen.where}: requests that fail: {failed}"


# Every fetch directive and its sources, in the page's <meta http-equiv="Content-Security-Policy">.
POLICY_JS = """() => {
  const metas = [...document.querySelectorAll("meta[http-equiv]")]
    .filter((meta) => meta.httpEquiv.toLowerCase() === "content-security-policy");
  const first = metas[0];
  const before = first ? [...document.querySelectorAll("script, link[rel~=stylesheet], style, img, iframe")]
    .filter((node) => node.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)
    .map((node) => node.outerHTML.slice(0, 80)) : [];
  return {count: metas.length, inHead: !!first && first.parentElement === document.head,
          policy: first ? first.content : "", before};
}"""
SOURCE_OK = re.compile(r"'self'|'none'|'sha256-[A-Za-z0-9+/]+=*'")
# Where a data: URL is harmless: pictures and fonts drawn from the page's own stylesheet.
DATA_ALLOWED = {"img-src", "font-src"}
# What ATTEMPTS_JS tries, as the policy reports each when it blocks it ("inline": a script element).
ATTEMPTS = ["https://images.example.org/photo.jpg", "https://fonts.googleapis.com/css?family=Roboto",
            "https://cdn.example.org/tracker.js", "https://api.example.org/collect", "inline"]
ATTEMPTS_JS = """async () => {
  const image = document.createElement("img"); image.src = "https://images.example.org/photo.jpg"; document.body.append(image);
  const style = document.createElement("link"); style.rel = "stylesheet"; style.href = "https://fonts.googleapis.com/css?family=Roboto"; document.head.append(style);
  const script = document.createElement("script"); script.src = "https://cdn.example.org/tracker.js"; document.head.append(script);
  const inline = document.createElement("script"); inline.textContent = "window.__i8_inline_ran = true"; document.head.append(inline);
  try { await fetch("https://api.example.org/collect"); } catch (error) {}
  return window.__i8_inline_ran === true;
}"""


def test_page_has_a_policy_that_allows_only_this_site_and_its_own_inline_scripts(shown):
    seen = shown.visit()
    found = seen.page.evaluate(POLICY_JS)
    assert found["count"] == 1 and found["inHead"], f"{seen.where}: needs exactly one Content-Security-Policy <meta> in <head>, found {found['count']}"
    assert not found["before"], f"{seen.where}: the policy only governs what follows it, but these come first: {found['before']}"
    directives = {}
    for part in filter(None, (part.strip() for part in found["policy"].split(";"))):
        name, *sources = part.split()
        directives[name.lower()] = sources
    assert directives.get("default-src") in (["'self'"], ["'none'"]), f"{seen.where}: default-src must be 'self': {found['policy']}"
    assert directives.get("object-src") == ["'none'"] and "base-uri" in directives, f"{seen.where}: {found['policy']}"
    loose = [f"{name} {source}" for name, sources in directives.items() for source in sources
             if not SOURCE_OK.fullmatch(source) and not (source == "data:" and name in DATA_ALLOWED)]
    assert not loose, f"{seen.where}: the policy allows more than this site and its own inline scripts: {loose}"
    assert seen.violations() == [], f"{seen.where}: the policy blocks part of the page itself: {seen.violations()}"


# The policy is one template for every page (its parts are checked on every page type above); that
# the browser enforces it is shown on the front and a module page, in each language.
ENFORCED_ON = [param for param in PAGES if param.values[0].id in ("front", "module")]
assert len(ENFORCED_ON) == 2 * len(load_page_types().languages), "pages.yml lost its front or module page type"


@pytest.mark.parametrize("page_type,language", ENFORCED_ON)
def test_policy_stops_what_would_reach_other_hosts_or_run_inline(visit, page_type, language):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    seen = visit(page_type, language)  # a page of its own: the attempts change it
    inline_ran = seen.page.evaluate(ATTEMPTS_JS)
    try:  # reports arrive as events, after the attempts; a policy that lets one through sends none
        seen.page.wait_for_function(
            "(attempts) => attempts.every((a) => window.__i8_violations.some((v) => v.blocked === a))", arg=ATTEMPTS, timeout=5_000)
    except PlaywrightTimeout:
        pass
    blocked = {violation["blocked"] for violation in seen.violations()}
    assert not inline_ran, f"{seen.where}: an injected inline script ran"
    for attempt in ATTEMPTS:
        assert attempt in blocked, f"{seen.where}: the policy did not block {attempt} (blocked: {sorted(blocked)})"
    escaped = [url for url in seen.foreign_requests() if url not in seen.stopped_by_policy()]
    assert not escaped, f"{seen.where}: requests to other hosts that the policy did not stop: {escaped} ({seen.failures})"


# Landmarks of the site around the content (header, navigation, footer, search), wherever they are.
SHOWN_AROUND_CONTENT_JS = """() => {
  const around = [...document.querySelectorAll("header, nav, footer, [role=banner], [role=navigation], [role=contentinfo], [role=search]")]
    .filter((node) => !node.closest("article"));
  const shown = (node) => node.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const article = document.querySelector("article");
  return {
    landmarks: around.length,
    shown: around.filter(shown).map((node) => node.outerHTML.slice(0, 100)),
    content: !!article && shown(article) && article.innerText.trim().length > 0,
  };
}"""


def test_print_shows_the_content_without_navigation_header_or_footer(shown):
    seen = shown.visit()
    seen.page.emulate_media(media="print")
    try:
        found = seen.page.evaluate(SHOWN_AROUND_CONTENT_JS)
    finally:
        seen.page.emulate_media(media="screen")
    assert found["landmarks"] >= 3, f"{seen.where}: expected a header, navigation and footer to hide, found {found['landmarks']}"
    assert not found["shown"], f"{seen.where}: printed although it is not content: {found['shown']}"
    assert found["content"], f"{seen.where}: the printed page has no content"
