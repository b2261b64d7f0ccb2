"""Printing pages to PDF with headless Chromium, driven by Playwright.

Playwright is imported when a printer starts, never at import time: the rest of integr8 (the
build, ``integr8 validate``) works without it. The browser is Debian's Chromium; Playwright's own
browser downloads are never used (``playwright install`` needs a network we do not have).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("INTEGR8_CHROMIUM", "/usr/bin/chromium")
# As root in a container, with a closed network: no sandbox, no background traffic.
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PAPER = "A4"


class PrinterUnavailable(Exception):
    """Playwright or Chromium is missing or does not start; the message says what to install."""


class PrintFailed(Exception):
    """One page could not be printed; the message names the page and the reason."""


class PdfPrinter:
    """A running headless Chromium that prints pages of one local site to PDF files."""

    def __init__(self, executable: str = CHROMIUM):
        self.executable = executable
        self._playwright = self._browser = self._context = None

    def __enter__(self) -> "PdfPrinter":
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise PrinterUnavailable(
                "Playwright is not installed. Run 'make pdf', or: .venv/bin/pip install -r requirements/pdf.txt"
            ) from None
        self._error = Error
        if not Path(self.executable).is_file():
            raise PrinterUnavailable(
                f"Chromium is not installed at {self.executable}. Run scripts/ensure-system-tools as root, "
                "or: sudo apt-get install chromium (or set INTEGR8_CHROMIUM to another Chromium)"
            )
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=self.executable, args=FLAGS)
        except Error as error:
            self._playwright.stop()
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise PrinterUnavailable(f"Chromium at {self.executable} did not start: {first_line}") from None
        self._context = self._browser.new_context()
        self._page = None  # one tab for all pages: each visit starts afresh, and a new tab costs time
        return self

    def __exit__(self, *exc) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def print(self, url: str, output: Path, paper: str = PAPER) -> None:
        """Print the page at ``url`` to ``output``: the print styles, backgrounds, tagged, with an outline."""
        if self._page is None:
            origin = urlsplit(url).netloc
            self._page = self._context.new_page()
            # Nothing from another host, ever: a printed pack must not depend on one.
            self._page.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == origin else route.abort())
        page = self._page
        partial = output.with_name(output.name + ".part")
        try:
            response = page.goto(url, wait_until="load")
            if response is None or not response.ok:
                raise PrintFailed(f"{url}: the page answered {response.status if response else 'nothing'}")
            page.emulate_media(media="print")
            page.evaluate("document.fonts.ready.then(() => true)")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(partial), format=paper, print_background=True, tagged=True, outline=True)
            partial.replace(output)  # a PDF appears whole or not at all
        except self._error as error:
            raise PrintFailed(f"{url}: {str(error).strip().splitlines()[0]}") from None
        except OSError as error:  # the PDF cannot be written where the site links it
            raise PrintFailed(f"{output}: {error.strerror or error}") from None
        finally:
            partial.unlink(missing_ok=True)
