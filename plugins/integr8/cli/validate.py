"""``integr8 validate [PATH ...] [--format text|json|github]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.corpus import load_corpus
from ..project import load_project
from ..validate import errors, validate
from ..validate.report import FORMATS, render
from . import CONTENT_PROBLEMS, OK, UsageError


def register(commands) -> None:
    parser = commands.add_parser("validate", help="check content and list every problem with file and line")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to report on (default: all content)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def count_files(corpus) -> int:
    return sum(1 for _ in corpus.files()) + len(corpus.modules) + len(corpus.data_files)


def run(args) -> int:
    project = load_project(args.config)
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    corpus = load_corpus(project)
    findings = validate(corpus, paths or None)
    output = render(findings, args.format, count_files(corpus))
    if output:
        print(output)
    if args.format == "github":
        print(f"integr8 validate: {len(errors(findings))} errors, {len(findings) - len(errors(findings))} warnings", file=sys.stderr)
    return CONTENT_PROBLEMS if errors(findings) else OK
