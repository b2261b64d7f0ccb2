"""Pagefind over the stock site: the peer to beat for search bytes per query.

Pagefind (the ``pagefind`` Python package, which runs its own binary) indexes the built stock
site into ``pagefind/``. A one-line harness page in the reader's language then calls Pagefind's
own JavaScript API, ``pagefind.search()``, and loads the first result's data, which is the least
any search interface built on Pagefind transfers for a first result (Pagefind's ready-made UI
adds its own script and stylesheet on top).
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from .browser import Browser, SearchRun, total, wait_quiet
from .builds import Run, measured

HARNESS_FOLDER = "integr8-bench"
HARNESS = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script>
window.benchSearch = async (query) => {{
  const started = performance.now();
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const first = search.results.length ? await search.results[0].data() : null;
  return {{results: search.results.length, url: first && first.url, ms: performance.now() - started}};
}};
</script></body></html>
"""


def index(site: Path, log: Path) -> Run:
    return measured([sys.executable, "-m", "pagefind", "--site", str(site)], site, log)


def write_harness(site: Path, language: str) -> str:
    """The harness page for ``language``; Pagefind picks its index by the page's ``lang``."""
    path = site / HARNESS_FOLDER / f"pagefind-{language}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HARNESS.format(lang=html.escape(language)), encoding="utf-8")
    return f"/{HARNESS_FOLDER}/{path.name}"


def search(browser: Browser, origin: str, harness: str, query: str) -> SearchRun:
    context, page, recorder = browser.page(origin)
    try:
        page.goto(origin + harness, wait_until="networkidle")
        mark = len(recorder.settle())
        result = page.evaluate("query => window.benchSearch(query)", query)
        after = recorder.settle()[mark:]
        wait_quiet(page, recorder)
        rest = recorder.settle()[mark:]
        return SearchRun(
            available=True, found=result.get("url"), to_first_result=total(after), query_total=total(rest),
            files=[transfer.url.removeprefix(origin) for transfer in rest], milliseconds=round(result["ms"], 1),
            reason="" if result.get("results") else f"Pagefind found nothing for {json.dumps(query, ensure_ascii=False)}",
        )
    finally:
        context.close()
