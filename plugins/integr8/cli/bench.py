"""``integr8 bench [--size N] [--out DIR] [--format text|json] [--keep]``.

Writes a synthetic corpus, validates it, builds it with our configuration and with stock
Material, measures both sites in Chromium, with Pagefind and with Lighthouse, and prints the
report. Progress goes to stderr, the report to stdout. Exit 0 when the bench ran (the report says
which targets are met), 1 when it could not measure (the corpus did not validate, a build failed),
2 on a usage error or a missing engine.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from ..bench import builds, runner
from ..bench.report import render_json, render_markdown, render_text
from ..project import load_project
from . import CONTENT_PROBLEMS, OK, UsageError

MAX_SIZE = 5000
MAX_REPEAT = 10
RENDERERS = {"text": render_text, "json": render_json}
OUTPUT_FILES = {"bench.json": render_json, "bench.txt": render_text, "bench.md": render_markdown}


def register(commands) -> None:
    parser = commands.add_parser("bench", help="build a synthetic corpus with our configuration and with stock Material, and compare")
    parser.add_argument("--size", type=int, default=runner.DEFAULT_SIZE, metavar="N",
                        help=f"number of synthetic modules, each in every language (default: {runner.DEFAULT_SIZE}, a few minutes on 2 cores)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the corpus; the same seed gives the same corpus (default: 1)")
    parser.add_argument("--out", metavar="DIR", help="also write the report there as bench.json, bench.txt and bench.md (the README table)")
    parser.add_argument("--format", choices=tuple(RENDERERS), default="text", help="report format on stdout (default: text)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus, both projects, both sites and the logs; their folder is printed")
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="build each project N times and count the fastest (default: 1)")
    parser.add_argument("--no-browser", action="store_true", help="measure validation and builds only (no Chromium, Pagefind or Lighthouse)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.set_defaults(run=run)


def run(args) -> int:
    project = load_project(args.config)
    if not 1 <= args.size <= MAX_SIZE:
        raise UsageError(f"--size must be between 1 and {MAX_SIZE} modules, not {args.size}")
    if not 1 <= args.repeat <= MAX_REPEAT:
        raise UsageError(f"--repeat must be between 1 and {MAX_REPEAT}, not {args.repeat}")
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a folder")
    try:
        builds.require_mkdocs()
    except builds.ToolMissing as error:
        raise UsageError(str(error)) from None
    options = runner.Options(size=args.size, seed=args.seed, browser=not args.no_browser,
                             lighthouse=not args.no_lighthouse, repeat=args.repeat)
    work = Path(tempfile.mkdtemp(prefix="integr8-bench-"))
    try:
        report = runner.run(project, options, work, _command(args), sys.stderr)
    except runner.BenchFailed as error:
        print(f"integr8 bench: {error}", file=sys.stderr)
        return CONTENT_PROBLEMS
    finally:
        if args.keep:
            print(f"integr8 bench: corpus, projects, sites and logs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(RENDERERS[args.format](report), end="")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name, render in OUTPUT_FILES.items():
            (out / name).write_text(render(report), encoding="utf-8")
        print(f"integr8 bench: report written to {out}/ ({', '.join(OUTPUT_FILES)})", file=sys.stderr)
    return OK


def _command(args) -> str:
    """The command line that reproduces this report (the corpus depends on size and seed only)."""
    parts = ["integr8", "bench", "--size", str(args.size)]
    if args.seed != 1:
        parts += ["--seed", str(args.seed)]
    if args.repeat != 1:
        parts += ["--repeat", str(args.repeat)]
    parts += [flag for flag, on in (("--no-browser", args.no_browser), ("--no-lighthouse", args.no_lighthouse)) if on]
    return shlex.join(parts)
