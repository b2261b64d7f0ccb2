"""The ``integr8`` command: one entry point, one module per sub-command.

Exit codes are a contract: 0 fine, 1 content problems, 2 usage or configuration error.
No input, however broken, may end in a Python traceback.
"""

from __future__ import annotations

import argparse
import sys

from ..project import ConfigError

OK, CONTENT_PROBLEMS, USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called in a way that cannot work; the message says how to call it."""


def build_parser() -> argparse.ArgumentParser:
    from . import bench, new, pdf, schemas, status, validate

    parser = argparse.ArgumentParser(prog="integr8", description="Check, scaffold and report on INTEGR8 content.")
    parser.add_argument("--config", default="mkdocs.yml", help="the site configuration (default: ./mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (validate, new, status, schemas, bench, pdf):
        command.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ConfigError, UsageError) as error:
        print(f"integr8: error: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        print(
            f"integr8: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in integr8, not in your content. Please report it with the command you ran.",
            file=sys.stderr,
        )
        return USAGE


def run() -> None:
    sys.exit(main())
