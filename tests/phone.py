"""A phone in Chromium for the browser tests of the self-check, the directory and the front page:
a 360 × 740 touch screen in the session's Chromium (the ``chromium`` fixture of tests/conftest.py),
every request recorded and any request to another host blocked, so that a test run never
reaches the network."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from browser.harness import PHONE, LocalServer


@dataclass
class Phone:
    page: object  # playwright.sync_api.Page
    context: object
    requests: list[str] = field(default_factory=list)

    def no_sideways_scroll(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def open_phone(chromium, server: LocalServer, path: str, *, javascript: bool = True, language: str = "de") -> Phone:
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    phone = Phone(page, context)
    context.on("request", lambda request: phone.requests.append(request.url))
    context.route(re.compile(rf"^(?!{re.escape(server.origin)}/)"), lambda route: route.abort("blockedbyclient"))
    response = page.goto(server.url(path), wait_until="networkidle")
    assert response is not None and response.ok, f"/{path}: HTTP {response.status if response else 'none'}"
    return phone


@pytest.fixture
def phone(chromium):
    """``phone(server, path, javascript=True, language="de")`` opens a page; contexts close after the test."""
    opened = []

    def open_(server, path, **options):
        opened.append(open_phone(chromium, server, path, **options))
        return opened[-1]

    yield open_
    for each in opened:
        each.context.close()
