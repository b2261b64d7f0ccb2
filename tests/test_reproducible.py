"""Two builds of the same sources are byte-identical (issue 7: reproducibility).

Both builds get the same SOURCE_DATE_EPOCH, as two `make site` runs of one commit do (the Makefile
takes it from the commit); they differ in everything else that may leak into a build: the folder
they are written to, the moment they run and PYTHONHASHSEED (the order of sets and dicts of strings).
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from browser.harness import build_site

pytestmark = pytest.mark.slow

# Files allowed to differ between two builds, each with the reason. None today: the sitemap's
# dates and the mtime inside sitemap.xml.gz come from SOURCE_DATE_EPOCH.
MAY_DIFFER: dict[str, str] = {}


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path):
    # Side by side (two processes, so it costs the time of one): sources edited while the tests
    # run cannot fall between the two builds.
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda name, seed: build_site(tmp_path / name, hash_seed=seed), ("first", "second"), ("1", "2"))
    one, two = digests(first), digests(second)
    assert sorted(one) == sorted(two), f"files only in one build: {sorted(set(one) ^ set(two))}"
    different = [path for path in one if one[path] != two[path] and path not in MAY_DIFFER]
    assert not different, (f"{len(different)} files differ between two builds: {different[:50]}\n"
                           f"first difference: {first_difference(first / different[0], second / different[0]) if different else ''}")


def first_difference(one: Path, two: Path) -> str:
    a, b = one.read_bytes(), two.read_bytes()
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"{one.name} at byte {at}: {a[max(0, at - 80):at + 80]!r} ≠ {b[max(0, at - 80):at + 80]!r}"
