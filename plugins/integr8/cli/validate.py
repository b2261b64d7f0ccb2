"""``integr8 validate [PATH ...] [--format text|json|github] [--lang de|en|en,de]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.corpus import load_corpus
from ..project import load_project
from ..validate import errors, validate
from ..validate.messages import Messages, from_environment, languages
from ..validate.report import FORMATS, render, summary
from . import CONTENT_PROBLEMS, OK, UsageError


def register(commands) -> None:
    parser = commands.add_parser("validate", help="check content and list every problem with file and line")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to report on (default: all content)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--lang", default=None, metavar="LANG",
        help=f"language of the messages: {', '.join(languages())}, or several separated by commas "
        "(each message is then given in each language); default: from the locale (LC_ALL, LC_MESSAGES, LANG), else en",
    )
    parser.set_defaults(run=run)


def count_files(corpus) -> int:
    return sum(1 for _ in corpus.files()) + len(corpus.modules) + len(corpus.data_files) + len(corpus.programmes)


def message_languages(option: str | None) -> list[Messages]:
    codes = [code.strip() for code in (option or from_environment()).split(",") if code.strip()]
    unknown = [code for code in codes if code not in languages()]
    if unknown or not codes:
        raise UsageError(f"--lang: no validation messages in {', '.join(unknown) or '(none)'}; available: {', '.join(languages())}")
    return [Messages(code) for code in dict.fromkeys(codes)]


def run(args) -> int:
    messages = message_languages(args.lang)
    project = load_project(args.config)
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    corpus = load_corpus(project)
    findings = validate(corpus, paths or None)
    output = render(findings, args.format, count_files(corpus), messages)
    if output:
        print(output)
    if args.format == "github":
        print(f"integr8 validate: {summary(findings, count_files(corpus), messages[0])}", file=sys.stderr)
    return CONTENT_PROBLEMS if errors(findings) else OK
