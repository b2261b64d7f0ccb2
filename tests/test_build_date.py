"""A build is dated by SOURCE_DATE_EPOCH when it is set, by today (UTC) otherwise.

What a page says about time ("since 2023", the years a case ran, the date on a printed pack)
follows that one date, so one commit builds the same bytes on any day, and a malformed value
stops the build with a message saying how to fix it rather than a traceback.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import make_project
from integr8.builddate import build_date
from integr8.pages.site import Site
from integr8.project import ConfigError, load_project

JUNE_2024 = "1717243199"  # 2024-06-01T11:59:59Z
NEW_YEAR_2026 = "1767225600"  # 2026-01-01T00:00:00Z


# The date ------------------------------------------------------------------------------------


def test_the_date_is_the_utc_day_of_source_date_epoch():
    assert build_date({"SOURCE_DATE_EPOCH": NEW_YEAR_2026}) == datetime.date(2026, 1, 1)
    assert build_date({"SOURCE_DATE_EPOCH": "1767225599"}) == datetime.date(2025, 12, 31), "a second earlier, whatever the local time zone"
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == datetime.date(1970, 1, 1)


@pytest.mark.parametrize("environ", [{}, {"SOURCE_DATE_EPOCH": ""}])
def test_without_source_date_epoch_the_date_is_today_in_utc(environ):
    before = datetime.datetime.now(datetime.timezone.utc).date()
    date = build_date(environ)
    assert date in (before, datetime.datetime.now(datetime.timezone.utc).date())  # the same day, unless midnight passed


@pytest.mark.parametrize("value,problem", [
    ("yesterday", "is not a whole number of seconds since 1970-01-01 00:00 UTC"),
    ("1767225600.5", "is not a whole number of seconds"),
    ("-86400", "is not a whole number of seconds"),
    (" 1767225600", "is not a whole number of seconds"),
    ("9" * 30, "is too far from 1970 to be a date"),
])
def test_a_malformed_source_date_epoch_is_a_configuration_error_that_says_how_to_fix_it(value, problem):
    with pytest.raises(ConfigError) as raised:
        build_date({"SOURCE_DATE_EPOCH": value})
    message = str(raised.value)
    assert "SOURCE_DATE_EPOCH=" in message and problem in message
    assert "Fix: set it to the last commit's time (export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or unset it" in message


def test_the_site_takes_its_date_from_source_date_epoch_unless_given_one(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_2024)
    assert Site(load_project(project / "mkdocs.yml")).today == datetime.date(2024, 6, 1)
    assert Site(load_project(project / "mkdocs.yml"), today=datetime.date(2025, 3, 3)).today == datetime.date(2025, 3, 3)


def test_the_core_reads_the_clock_in_one_place_only():
    package = Path(__file__).resolve().parents[1] / "plugins" / "integr8"
    readers = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if parts[0] in ("bench", "adapters") or path.name == "builddate.py":
            continue  # the benchmark times builds; it writes no page
        text = path.read_text(encoding="utf-8")
        if re.search(r"date\.today\(\)|datetime\.now\(|datetime\.utcnow\(|SOURCE_DATE_EPOCH", text):
            readers.append("/".join(parts))
    assert readers == ["validate/__init__.py"], "only the validate command's default (review dates checked against the real day) may read the clock itself"


# Real builds -------------------------------------------------------------------------------


def build(root: Path, site: Path, epoch: str | None) -> subprocess.CompletedProcess:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--config-file", str(root / "mkdocs.yml")],
        cwd=root, capture_output=True, text=True, timeout=600, env=env,
    )


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(site.rglob("*")) if path.is_file()}


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@dataclass
class Build:
    site: Path
    log: str


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Build]:
    """The fixture project built in June 2024, twice, and on New Year 2026. Its case "example" runs
    since 2023-01 with no end; module alpha has no ``updated`` date; module beta is due for review
    on 2025-01-01."""
    root = make_project(tmp_path_factory.mktemp("build-date") / "project")
    beta = root / "curriculum" / "beta" / "module.yml"
    beta.write_text(beta.read_text(encoding="utf-8") + "review_by: 2025-01-01\n", encoding="utf-8")
    done = {}
    for name, epoch in (("june", JUNE_2024), ("june-again", JUNE_2024), ("new-year", NEW_YEAR_2026)):
        result = build(root, root / name, epoch)
        assert result.returncode == 0, result.stderr
        done[name] = Build(root / name, result.stderr)
    return done


def test_review_dates_are_checked_against_the_date_of_the_build(builds):
    assert "[review-due]" not in builds["june"].log
    assert "curriculum/beta/module.yml:11:12: warning: the review date 2025-01-01 has passed" in builds["new-year"].log


def test_a_case_still_running_counts_up_to_the_year_of_the_build(builds):
    def years(site):
        return re.findall(r'<input type="checkbox" name="period" value="(\d{4})">', read(site, "en/cases"))

    assert years(builds["june"].site) == ["2023", "2024"]
    assert years(builds["new-year"].site) == ["2023", "2024", "2025", "2026"]


def test_printed_packs_carry_the_date_of_the_build(builds):
    assert re.search(r"<dt>Stand</dt>\s*<dd><bdi>2024-06-01 \(Version \w+\)</bdi>", read(builds["june"].site, "modules/alpha/trainer-pack"))
    assert re.search(r"<dt>Stand</dt>\s*<dd><bdi>2026-01-01 \(Version \w+\)</bdi>", read(builds["new-year"].site, "modules/alpha/trainer-pack"))
    assert re.search(r"<dt>Content as of</dt>\s*<dd><bdi>2024-06-01</bdi>", read(builds["june"].site, "en/programmes/starter/pack"))
    assert re.search(r"<dt>Content as of</dt>\s*<dd><bdi>2026-01-01</bdi>", read(builds["new-year"].site, "en/programmes/starter/pack"))


def test_two_builds_with_the_same_epoch_are_byte_identical(builds):
    one, two = digests(builds["june"].site), digests(builds["june-again"].site)
    assert one == two, [path for path in one if one[path] != two.get(path)][:20]
    assert one != digests(builds["new-year"].site)


def test_a_malformed_epoch_stops_the_build_with_a_message_and_no_traceback(tmp_path):
    root = make_project(tmp_path / "project")
    result = build(root, root / "site", "last tuesday")
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH='last tuesday' is not a whole number of seconds since 1970-01-01 00:00 UTC" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site" / "index.html").exists()
