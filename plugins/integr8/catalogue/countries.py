"""Country names in the reader's language, from countries.yml (Unicode CLDR names)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafile import read_yaml


COUNTRIES_FILE = Path(__file__).with_name("countries.yml")


@lru_cache(maxsize=None)
def country_names() -> dict[str, dict[str, str]]:
    return {str(code): names for code, names in (read_yaml(COUNTRIES_FILE) or {}).items()}


def country_name(code: str, language: str, default_language: str) -> str:
    """The name of ``code`` in ``language``; else in the default language; else the code itself."""
    names = country_names().get(code) or {}
    return names.get(language) or names.get(default_language) or code
