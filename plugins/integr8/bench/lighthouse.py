"""Lighthouse (npm ``lighthouse``, pinned in package.json) on a module page, mobile settings.

Lighthouse's defaults are its mobile settings: a Moto G Power-sized screen, simulated slow 4G
and a 4× slower CPU. It drives Debian's Chromium (``CHROME_PATH``) with the flags every browser
run here uses, against the site served on localhost, so it needs no network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = "performance,accessibility"
# The local server sends files uncompressed (the bench computes gzipped sizes itself), so the text
# compression audit would only flag every file; gathering it makes Lighthouse read every response
# body, which times out on stock's multi-megabyte search_index.json. It carries no weight in the
# performance score.
SKIPPED_AUDITS = "uses-text-compression"
TIMINGS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
TIMEOUT_SECONDS = 300
# On a busy machine Lighthouse sometimes gives up waiting for Chromium (a protocol timeout); one more try.
ATTEMPTS = 2


@dataclass
class Scores:
    available: bool
    reason: str = ""
    performance: float | None = None
    accessibility: float | None = None
    timings: dict = field(default_factory=dict)  # audit id -> numeric value (ms, or unitless for CLS)
    script_cpu_ms: dict = field(default_factory=dict)  # the scripts that kept the CPU busy longest (bootup-time)
    benchmark_index: float | None = None  # Lighthouse's measure of this machine's speed during the run
    failed_accessibility_audits: list[str] = field(default_factory=list)
    version: str | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


# Where integr8 itself is checked out (an editable install): its node_modules serve every project.
PACKAGE_CHECKOUT = Path(__file__).resolve().parents[3]


def binary(project_root: Path) -> Path | None:
    """The project's Lighthouse (node_modules of the project or a folder above it), integr8's, or one on PATH."""
    for folder in (project_root, *project_root.parents, PACKAGE_CHECKOUT):
        candidate = folder / "node_modules" / ".bin" / "lighthouse"
        if candidate.exists():
            return candidate
    found = shutil.which("lighthouse")
    return Path(found) if found else None


def run(project_root: Path, url: str, report: Path) -> Scores:
    executable = binary(project_root)
    if executable is None or shutil.which("node") is None:
        return Scores(False, "Lighthouse is not installed: run 'npm ci' in the project (package.json pins lighthouse 12.8.2; it needs Node 18.16 or later)")
    command = [
        str(executable), url, f"--only-categories={CATEGORIES}", f"--skip-audits={SKIPPED_AUDITS}",
        "--output=json", f"--output-path={report}", "--quiet",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for attempt in range(1, ATTEMPTS + 1):
        report.unlink(missing_ok=True)
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            outcome = Scores(False, f"Lighthouse did not finish within {TIMEOUT_SECONDS} s")
            continue
        if result.returncode != 0 or not report.is_file():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            outcome = Scores(False, f"Lighthouse failed (exit {result.returncode}, {attempt} attempts): {last}")
            continue
        outcome = scores(json.loads(report.read_text(encoding="utf-8")))
        if outcome.available:
            break
    return outcome


def scores(data: dict) -> Scores:
    """The scores of a Lighthouse JSON report; a report with a runtime error has none."""
    if data.get("runtimeError"):
        error = data["runtimeError"]
        return Scores(False, f"Lighthouse could not load the page: {error.get('code')}: {error.get('message')}", version=data.get("lighthouseVersion"))
    categories, audits = data.get("categories", {}), data.get("audits", {})
    accessibility_ids = [ref["id"] for ref in categories.get("accessibility", {}).get("auditRefs", []) if ref.get("weight")]
    return Scores(
        available=True,
        performance=categories.get("performance", {}).get("score"),
        accessibility=categories.get("accessibility", {}).get("score"),
        timings={key: audits[key].get("numericValue") for key in TIMINGS if key in audits},
        failed_accessibility_audits=[key for key in accessibility_ids if audits.get(key, {}).get("score") == 0],
        script_cpu_ms=_busiest_scripts(audits.get("bootup-time", {})),
        benchmark_index=(data.get("environment") or {}).get("benchmarkIndex"),
        version=data.get("lighthouseVersion"),
    )


def _busiest_scripts(audit: dict, count: int = 5) -> dict:
    items = (audit.get("details") or {}).get("items") or []
    items = sorted(items, key=lambda item: item.get("total", 0), reverse=True)[:count]
    return {item.get("url", "?"): round(item.get("total", 0)) for item in items}
