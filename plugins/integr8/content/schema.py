"""Access to the metadata schema (schema.yml): the one definition of every field."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafile import read_yaml

SCHEMA_FILE = Path(__file__).with_name("schema.yml")


@lru_cache(maxsize=None)
def schema() -> dict:
    return read_yaml(SCHEMA_FILE)


def fields(kind: str) -> dict:
    return schema()["kinds"][kind]["fields"]


def is_open(kind: str) -> bool:
    """Open kinds (ordinary pages) accept fields the schema does not name."""
    return bool(schema()["kinds"][kind].get("open"))


def patterns() -> dict[str, str]:
    """The regular expression of each value type that has one (slug, month, https_url…)."""
    return schema()["patterns"]
