"""The one date a build is made on: SOURCE_DATE_EPOCH's day when set, else today's, both in UTC.

Dates decide what a page says ("still running", the year filter of the catalogues, the version
date on a printed pack). `make site` sets SOURCE_DATE_EPOCH to the last commit's time, so that one
commit builds the same bytes on any day and on any machine (https://reproducible-builds.org/specs/source-date-epoch/).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Mapping

from .project import ConfigError

VARIABLE = "SOURCE_DATE_EPOCH"
_SECONDS = re.compile(r"[0-9]+")


def build_date(environ: Mapping[str, str] | None = None) -> datetime.date:
    """The build's date; a SOURCE_DATE_EPOCH that is not a whole number of seconds is a ConfigError."""
    value = (os.environ if environ is None else environ).get(VARIABLE)
    if value is None or value == "":
        return datetime.datetime.now(datetime.timezone.utc).date()
    if not _SECONDS.fullmatch(value):
        raise ConfigError(_malformed(value, "is not a whole number of seconds since 1970-01-01 00:00 UTC"))
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise ConfigError(_malformed(value, "is too far from 1970 to be a date")) from None


def _malformed(value: str, problem: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return (
        f"the environment variable {VARIABLE}={shown!r} {problem}. "
        f"Fix: set it to the last commit's time (export {VARIABLE}=$(git log -1 --format=%ct)), or unset it to use today's date."
    )
