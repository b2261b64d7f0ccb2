"""One bench run: corpus, validation, both builds, then the browser, Pagefind and Lighthouse.

The steps run one after the other so that no measurement competes with another for the CPU.
Progress goes to a stream (stderr in the CLI) while the run goes on.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import yaml

from ..i18n.strings import load_strings
from ..pages.generated import language_prefix
from ..project import Project
from . import builds, lighthouse, pagefind
from .browser import Browser, SearchRun
from .corpus import MissingDataFile, module_id
from .report import Report
from .serve import gzipped, serving
from .text import lexicon, word_data
from .workspace import Workspace, prepare

DEFAULT_SIZE = 60
CPU_SLOWDOWN = 4
BROWSER_METRICS = ("module_html", "module_usable", "other_hosts", "search_before_open", "search_to_first_result", "search_ms", "search_open_ms")
LIGHTHOUSE_METRICS = ("lighthouse_performance", "lighthouse_accessibility")
TOOLS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "playwright")


class BenchFailed(Exception):
    """The bench could not measure: the corpus did not validate or a build failed."""


@dataclass
class Options:
    size: int = DEFAULT_SIZE
    seed: int = 1
    browser: bool = True
    lighthouse: bool = True
    repeat: int = 1  # builds per project; the fastest counts


class Progress:
    def __init__(self, stream, steps: int):
        self.stream, self.steps, self.done = stream, steps, 0

    @contextmanager
    def step(self, text: str):
        self.done += 1
        print(f"[{self.done}/{self.steps}] {text} …", file=self.stream, flush=True)
        started = time.perf_counter()
        yield
        print(f"      done in {time.perf_counter() - started:.1f} s", file=self.stream, flush=True)


def run(project: Project, options: Options, work: Path, command: str, stream=sys.stderr) -> Report:
    steps = 2 + 2 * options.repeat + (3 if options.browser else 0) + (1 if options.browser and options.lighthouse else 0)
    progress = Progress(stream, steps)
    report = Report(_info(command))
    with progress.step(f"Writing {options.size} synthetic modules in {len(project.codes)} languages"):
        try:
            workspace = prepare(project, work, options.size, options.seed)
        except (MissingDataFile, yaml.YAMLError) as error:
            raise BenchFailed(f"the project's data files cannot be used ({error}); run integr8 validate on the project first") from None
        report.info["corpus"] = workspace.summary.as_dict()
    validation = _validate(workspace, progress)
    verdict = (validation.tail().splitlines() or [""])[-1]
    if not verdict.startswith("All good"):
        report.notes.append(f"integr8 validate on the synthetic corpus: {verdict}")
    runs: dict[str, list[builds.Run]] = {"ours": [], "stock": []}
    for attempt in range(1, options.repeat + 1):
        round_ = f" (round {attempt} of {options.repeat})" if options.repeat > 1 else ""
        with progress.step(f"Building with our configuration (MkDocs, Material, i18n, integr8){round_}"):
            runs["ours"].append(_build(workspace.ours_config, workspace.site("ours"), work / "logs" / f"build-ours-{attempt}.log", "our"))
        with progress.step(f"Building stock Material with mkdocs-static-i18n and Material's search{round_}"):
            runs["stock"].append(_build(workspace.stock_config, workspace.site("stock"), work / "logs" / f"build-stock-{attempt}.log", "the stock"))
    _record_builds(report, workspace, validation, _fastest(runs["ours"]), _fastest(runs["stock"]))
    if not options.browser:
        report.unmeasured(BROWSER_METRICS + LIGHTHOUSE_METRICS, "not measured: run without --no-browser")
        return report
    _measure_in_browser(report, project, workspace, options, progress)
    return report


def _info(command: str) -> dict:
    tools = {}
    for name in TOOLS:
        try:
            tools[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            tools[name] = None
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average": [round(load, 2) for load in os.getloadavg()]},
        "tools": tools,
    }


def _validate(workspace: Workspace, progress: Progress) -> builds.Run:
    with progress.step("Validating the corpus with integr8 validate"):
        run = builds.integr8_validate(workspace.ours_config, workspace.root / "logs" / "validate.log")
    if not run.ok:
        raise BenchFailed(
            f"the synthetic corpus does not validate (exit {run.returncode}); this is a bug in the bench's generator "
            f"or a new rule it does not know yet. Last lines of integr8 validate:\n{run.tail()}"
        )
    return run


def _build(config: Path, site: Path, log: Path, whose: str) -> builds.Run:
    run = builds.mkdocs_build(config, site, log)
    if not run.ok:
        raise BenchFailed(f"{whose} build failed (exit {run.returncode}); last lines of {log}:\n{run.tail()}")
    return run


def _fastest(runs: list[builds.Run]) -> builds.Run:
    """The fastest of repeated runs (the one least disturbed by other work), with the highest peak memory of all."""
    fastest = min(runs, key=lambda run: run.seconds)
    return replace(fastest, peak_memory_mb=max(run.peak_memory_mb for run in runs))


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def _record_builds(report: Report, workspace: Workspace, validation, ours, stock) -> None:
    pages = {name: _pages(workspace.site(name)) for name in ("ours", "stock")}
    report.info["corpus"]["pages_ours"], report.info["corpus"]["pages_stock"] = pages["ours"], pages["stock"]
    report.record("build_seconds", ours=round(ours.seconds, 2), stock=round(stock.seconds, 2))
    report.record("build_ratio", ours=round(ours.seconds / stock.seconds, 3))
    report.record("validate_share", ours=round(validation.seconds / ours.seconds, 4),
                  note=f"integr8 validate took {validation.seconds:.2f} s ({validation.cpu_seconds / ours.cpu_seconds:.1%} of our build's CPU time)")
    report.record("peak_memory", ours=round(ours.peak_memory_mb, 1), stock=round(stock.peak_memory_mb, 1))
    report.details["processes"] = {
        name: {"seconds": round(run.seconds, 2), "cpu_seconds": round(run.cpu_seconds, 2), "peak_memory_mb": round(run.peak_memory_mb, 1)}
        for name, run in (("build_ours", ours), ("build_stock", stock), ("validate", validation))
    }
    report.notes.append(
        f"CPU time of the builds (user + system, unaffected by other work on the machine): ours {ours.cpu_seconds:.1f} s, "
        f"stock {stock.cpu_seconds:.1f} s, ratio {ours.cpu_seconds / stock.cpu_seconds:.2f}; per page built "
        f"{ours.cpu_seconds / max(1, pages['ours']) * 1000:.0f} ms ours ({pages['ours']} pages), "
        f"{stock.cpu_seconds / max(1, pages['stock']) * 1000:.0f} ms stock ({pages['stock']} pages); "
        f"load average when the run started: {report.info['machine'].get('load_average', '?')}."
    )
    index = workspace.site("stock") / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        packed = gzipped(raw)
        languages = json.loads(raw).get("config", {}).get("lang", [])
        dropped = [code for code in report.info["corpus"]["languages"] if code not in languages]
        report.details["stock_search_index"] = {"bytes": len(raw), "gzip_bytes": packed, "languages": languages}
        report.notes.append(
            f"Stock's search_index.json holds every language in one file: {len(raw) / 1e6:.1f} MB, "
            f"{packed / 1024:,.0f} KB gzipped, fetched on every page view. "
            f"Its search languages are {', '.join(languages)}" + (f"; mkdocs-static-i18n left out {', '.join(dropped)}, which lunr.js does not support." if dropped else ".")
        )


# Browser, Pagefind, Lighthouse -------------------------------------------------------------------


def query_language(project: Project) -> str:
    return next((code for code in word_data()["search_languages"] if code in project.codes), project.default_language)


def search_labels(project: Project, language: str) -> list[str]:
    """Accessible names a search button may have: our interface strings about search, and 'search'."""
    strings = load_strings(project.strings_dirs, language).strings
    named = [text for key, text in strings.items() if "search" in key.lower() and "close" not in key.lower() and isinstance(text, str)]
    return named + ["Search"]


def _measure_in_browser(report: Report, project: Project, workspace: Workspace, options: Options, progress: Progress) -> None:
    try:
        browser = Browser()
    except Exception as error:  # noqa: BLE001 - any launch failure: report it, keep the build numbers
        reason = f"not measured: Chromium could not start ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''})"
        report.unmeasured(BROWSER_METRICS + LIGHTHOUSE_METRICS, reason)
        return
    report.info["tools"]["chromium"] = browser.version
    module = module_id(options.size // 2)
    default = project.default_language
    try:
        with serving(workspace.site("ours")) as ours, serving(workspace.site("stock")) as stock:
            with progress.step(f"Loading {module} in every language in Chromium, ours and stock"):
                _page_views(report, browser, project, module, ours, stock)
            language = query_language(project)
            query = lexicon(language).query
            path = f"/{language_prefix(language, default)}modules/{module}/"
            with progress.step(f"Searching for «{query}» ({language}) in both sites, then with the CPU {CPU_SLOWDOWN}× slower"):
                labels = search_labels(project, language)
                sites = {"ours": ours, "stock": stock}
                found = {name: browser.search(origin, path, query, labels) for name, origin in sites.items()}
                # A query that found nothing at full speed finds nothing slowed down either: no second wait.
                slow = {name: browser.search(origin, path, query, labels, CPU_SLOWDOWN, ready=True) if found[name].found else found[name]
                        for name, origin in sites.items()}
                opening = {name: browser.search(origin, path, query, labels, CPU_SLOWDOWN) if found[name].found else found[name]
                           for name, origin in sites.items()}
            with progress.step("Indexing the stock site with Pagefind and searching it"):
                peer = _pagefind(workspace, browser, stock, language, query)
            _record_search(report, language, query, found, slow, opening, peer)
            if options.lighthouse:
                with progress.step("Lighthouse (mobile) on a module page, ours and stock"):
                    path = f"/{language_prefix(default, default)}modules/{module}/"
                    _lighthouse(report, project, workspace, ours + path, stock + path)
    finally:
        browser.close()


def _page_views(report: Report, browser, project: Project, module: str, ours: str, stock: str) -> None:
    views = {"ours": {}, "stock": {}}
    for code in project.codes:
        path = f"/{language_prefix(code, project.default_language)}modules/{module}/"
        for name, origin in (("ours", ours), ("stock", stock)):
            view = browser.view(origin, path)
            if view.status != 200:
                raise BenchFailed(f"the {name} site answers {view.status} for the module page {path}; a module page is what the bench measures")
            views[name][code] = view.as_dict()
    report.details["module_page_views"] = views

    def largest(site: str, key: str):
        return max(view[key] for view in views[site].values())

    for metric, key in (("module_html", "html_gzip"), ("module_usable", "usable_gzip"), ("other_hosts", "other_host_requests")):
        report.record(metric, ours=largest("ours", key), stock=largest("stock", key))
    hosts = sorted({host for view in views["stock"].values() for host in view["other_hosts"]})
    if hosts:
        fonts = " (Material's default font, Roboto, from Google Fonts)" if "fonts.googleapis.com" in hosts else ""
        report.notes.append(f"Stock module pages try to reach {', '.join(hosts)}{fonts}; the bench counts and aborts such requests, offline they fail.")


def _pagefind(workspace: Workspace, browser, origin: str, language: str, query: str):
    site = workspace.site("stock")
    run = pagefind.index(site, workspace.root / "logs" / "pagefind.log")
    if not run.ok:
        last = (run.tail().splitlines() or ["no output"])[-1]
        return SearchRun(available=False, reason=f"Pagefind could not index the stock site (exit {run.returncode}): {last}")
    return pagefind.search(browser, origin, pagefind.write_harness(site, language), query)


def _record_search(report: Report, language: str, query: str, found: dict, slow: dict, opening: dict, peer) -> None:
    ours, stock = found["ours"], found["stock"]
    report.details["search"] = {
        "language": language, "query": query,
        "ours": ours.as_dict(), "stock": stock.as_dict(), "pagefind": peer.as_dict(),
        "ours_cpu_4x": slow["ours"].as_dict(), "stock_cpu_4x": slow["stock"].as_dict(),
        "ours_cpu_4x_from_opening": opening["ours"].as_dict(), "stock_cpu_4x_from_opening": opening["stock"].as_dict(),
    }
    if not ours.available:
        note = f"not available: {ours.reason}"
        report.record("search_before_open", ours=ours.before_open, stock=stock.before_open, note=note)
        report.record("search_to_first_result", stock=stock.before_open + stock.to_first_result, pagefind=_peer_bytes(peer), note=note)
        report.record("search_ms", stock=slow["stock"].milliseconds, note=note)
        report.record("search_open_ms", stock=opening["stock"].milliseconds, note=note)
    else:
        report.record("search_before_open", ours=ours.before_open, stock=stock.before_open)
        report.record(
            "search_to_first_result", ours=ours.to_first_result if ours.found else None,
            stock=stock.before_open + stock.to_first_result, pagefind=_peer_bytes(peer),
            note="" if ours.found else f"our search showed no result for «{query}» within the time limit",
        )
        report.record("search_ms", ours=slow["ours"].milliseconds, stock=slow["stock"].milliseconds,
                      note="" if slow["ours"].found else f"our search showed no result for «{query}» with the CPU slowed down")
        report.record("search_open_ms", ours=opening["ours"].milliseconds, stock=opening["stock"].milliseconds,
                      note="" if opening["ours"].found else f"our search showed no result for «{query}» with the CPU slowed down")
    report.notes.append(f"Search query: «{query}» ({language}) on a module page in that language.")
    if ours.files_before_open:
        report.notes.append(f"Search files our module page loads before search is opened: {', '.join(ours.files_before_open)}.")
    if stock.available and not stock.found:
        report.notes.append(f"Stock Material's search found nothing for «{query}» ({language}).")
    if not peer.available or not peer.found:
        report.notes.append(f"Pagefind: {peer.reason or 'no result'}")


def _peer_bytes(peer):
    return peer.to_first_result if peer.available and peer.found else None


def _lighthouse(report: Report, project: Project, workspace: Workspace, ours_url: str, stock_url: str) -> None:
    results = {}
    for name, url in (("ours", ours_url), ("stock", stock_url)):
        results[name] = lighthouse.run(project.root, url, workspace.root / "logs" / f"lighthouse-{name}.json")
    report.details["lighthouse"] = {name: scores.as_dict() for name, scores in results.items()}
    ours, stock = results["ours"], results["stock"]
    note = "" if ours.available else f"not measured: {ours.reason}"
    report.record("lighthouse_performance", ours=ours.performance, stock=stock.performance, note=note)
    report.record("lighthouse_accessibility", ours=ours.accessibility, stock=stock.accessibility, note=note)
    if ours.version:
        report.info["tools"]["lighthouse"] = ours.version
    if ours.failed_accessibility_audits:
        report.notes.append(f"Lighthouse accessibility audits our module page fails: {', '.join(ours.failed_accessibility_audits)}.")
    if ours.available:
        timings = ", ".join(f"{key} {value:,.0f} ms" for key, value in ours.timings.items() if key != "cumulative-layout-shift")
        report.notes.append(
            f"Lighthouse on our module page: {timings}; benchmark index of the machine during the run "
            f"{ours.benchmark_index or '?'} (a busy machine lowers the performance score through total-blocking-time)."
        )
    if not stock.available:
        report.notes.append(f"Lighthouse on the stock module page: {stock.reason}")
    elif stock.failed_accessibility_audits:
        report.notes.append(f"Lighthouse accessibility audits the stock module page fails: {', '.join(stock.failed_accessibility_audits)}.")
