"""One check per concern; each yields findings for the rules it owns.

A check is a function ``check(corpus, context) -> Iterable[Finding]`` registered with
:func:`check`. Adding a rule means adding its entry to ``rules.yml`` and a check here.
"""

from __future__ import annotations

CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


def load_all() -> list:
    from . import markdown, metadata, modules, translations  # noqa: F401 - registers the checks

    return CHECKS
