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
    from . import directory, doors, selfcheck  # noqa: F401 - self-check, directory, front-page doors
    from . import programmes  # noqa: F401 - programmes made of modules
    from . import glossary  # noqa: F401 - the glossary and links to its entries

    return CHECKS
