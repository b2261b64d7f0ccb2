"""``python -m integr8`` runs the CLI (the tests use this to stay independent of PATH)."""

from .cli import run

run()
