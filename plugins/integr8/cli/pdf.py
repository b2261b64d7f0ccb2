"""``integr8 pdf [--lang L ...] [--module ID ...] [--programme ID ...] [--site-dir DIR] [--paper A4|Letter]``.

Prints the trainer, participant and programme packs of an already built site to PDF, beside the
pages that link them. The site is served on a localhost port and printed by headless Chromium
(Debian's, driven by Playwright), so the PDFs look exactly like printing the page in a browser.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..content.corpus import load_corpus
from ..project import load_project
from . import CONTENT_PROBLEMS, OK, UsageError

PAPERS = ("A4", "Letter")  # the print styles fit both


def register(commands) -> None:
    parser = commands.add_parser(
        "pdf", help="print trainer, participant and programme packs of the built site to PDF",
        description="Print the packs of the built site (make site) to PDF with headless Chromium. "
        "Without --module or --programme, every module and every programme; without --lang, every language.",
    )
    parser.add_argument("--lang", action="extend", nargs="+", metavar="L", help="only these languages (codes from mkdocs.yml)")
    parser.add_argument("--module", action="extend", nargs="+", metavar="ID", help="only the packs of these modules")
    parser.add_argument("--programme", action="extend", nargs="+", metavar="ID", help="only the packs of these programmes")
    parser.add_argument("--site-dir", metavar="DIR", help="the built site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--paper", choices=PAPERS, default="A4", help="paper size of the PDFs (default: A4)")
    parser.set_defaults(run=run)


def _check_choice(kind: str, chosen, known) -> None:
    unknown = [value for value in chosen or [] if value not in known]
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise UsageError(f"unknown {kind} {', '.join(repr(u) for u in unknown)}; known: {listed}")


def run(args) -> int:
    # Imported here: only this command needs the print package.
    from ..print.jobs import pdf_jobs
    from ..print.render import PdfPrinter, PrinterUnavailable, PrintFailed
    from ..print.server import serve

    project = load_project(args.config)
    site_dir = Path(args.site_dir).resolve() if args.site_dir else project.site_dir
    if not (site_dir / "index.html").is_file():
        raise UsageError(f"{site_dir}: no built site here. Build it first with 'make site' (or mkdocs build), or name it with --site-dir")
    corpus = load_corpus(project)
    _check_choice("language", args.lang, project.codes)
    _check_choice("module", args.module, corpus.modules)
    _check_choice("programme", args.programme, corpus.programmes)
    jobs = pdf_jobs(corpus, args.lang, args.module, args.programme)
    if not jobs:
        print("integr8 pdf: nothing to print.")
        return OK
    missing = [job.page for job in jobs if not (site_dir / job.page / "index.html").is_file()]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise UsageError(
            f"{site_dir} has no page {missing[0]}{more}: it was built from other content or an older integr8. "
            "Rebuild it with 'make site'"
        )
    failures = 0
    started = time.monotonic()
    try:
        with serve(site_dir) as base, PdfPrinter() as printer:
            width = len(str(len(jobs)))
            for number, job in enumerate(jobs, start=1):
                output = site_dir / job.output
                try:
                    printer.print(base + job.page, output, paper=args.paper)
                except PrintFailed as error:
                    failures += 1
                    print(f"[{number:>{width}}/{len(jobs)}] FAILED {job.output}: {error}", file=sys.stderr, flush=True)
                    continue
                print(f"[{number:>{width}}/{len(jobs)}] {job.output} ({output.stat().st_size // 1024} KB)", flush=True)
    except PrinterUnavailable as error:
        raise UsageError(str(error)) from None
    seconds = time.monotonic() - started
    if failures:
        print(f"integr8 pdf: {failures} of {len(jobs)} PDFs failed (listed above); the others are in {site_dir}.", file=sys.stderr)
        return CONTENT_PROBLEMS
    print(f"integr8 pdf: {len(jobs)} PDFs written to {site_dir} in {seconds:.0f} s.")
    return OK
