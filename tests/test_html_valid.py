"""The Nu HTML checker finds no errors on any page type, in German and Farsi.

The checker is vnu-jar from npm (node_modules/, installed by `make test`), run once with the
machine's Java over one page of every type of the real build (tests/browser/pages.yml). Warnings
are allowed and listed in pytest's warnings summary. Errors Material makes that we cannot fix
without forking its base.html are listed in KNOWN, each with the reason; a known error that no
longer occurs fails the run, so the list never outlives its reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser.harness import ROOT, PageMissing, load_page_types, page_file, page_url, require

pytestmark = pytest.mark.slow

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_TYPES = load_page_types()
# Search is a state of a page (its file is the module page's), so it is checked as that page.
DOCUMENTS = [param for param in PAGE_TYPES.params() if param.values[0].search is None]


@dataclass(frozen=True)
class Known:
    message: re.Pattern
    extract: str  # a piece of the offending markup, so that the exception fits only this case
    reason: str


KNOWN = [
    Known(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        'class="md-toggle"',
        "Material's base.html gives its two hidden toggles (the drawer and search checkboxes, "
        '<input class="md-toggle" type="checkbox" autocomplete="off">) autocomplete="off" so that '
        "Firefox does not reopen the drawer or search after a reload. The inputs are outside every "
        "template block: removing the attribute means forking all of base.html. Browsers and "
        "assistive technology ignore it on a checkbox.",
    ),
]


# Warnings not worth listing, each with the reason.
NOT_LISTED = [
    (re.compile(r"violates Content Security Policy \(meta tag\)"),
     "The checker reads the files from disk, where 'self' matches no origin, so it reports every "
     "stylesheet and script of the site, and Material's __config JSON block (never executed) as an "
     "inline script. Chromium enforces the real policy over HTTP in tests/browser/test_pages.py."),
]


class VnuWarning(UserWarning):
    """A warning of the Nu HTML checker: allowed, shown in the summary."""


@pytest.fixture(scope="module")
def checked(real_site) -> dict[Path, list[dict]]:
    """The checker's messages for each file, from one run of the JVM over all of them."""
    require(shutil.which("java") is not None, "Java (for the Nu HTML checker)", "sudo apt-get install default-jre-headless")
    require(VNU.is_file(), f"the Nu HTML checker ({VNU.relative_to(ROOT)})", "run `make test` (npm ci)")
    files = sorted({page_file(real_site, page_url(language, page_type.path)) for page_type, language in (p.values for p in DOCUMENTS)})
    files = [file for file in files if file.is_file()]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), f"the Nu HTML checker failed to run:\n{result.stderr[-3000:]}"
    messages: dict[Path, list[dict]] = {file: [] for file in files}
    for message in json.loads(result.stderr)["messages"]:
        messages.setdefault(Path(message.get("url", "").removeprefix("file:")), []).append(message)
    return messages


def known(message: dict) -> Known | None:
    return next((k for k in KNOWN if k.message.search(message["message"]) and k.extract in message.get("extract", "")), None)


def describe(file: Path, message: dict) -> str:
    extract = " ".join(message.get("extract", "").split())
    return f"{file.name}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: {message['message']}  «{extract}»"


@pytest.mark.parametrize("page_type,language", DOCUMENTS)
def test_page_is_valid_html(real_site, checked, page_type, language):
    url = page_url(language, page_type.path)
    file = page_file(real_site, url)
    if not file.is_file():
        raise PageMissing(f"the {page_type.name} /{url} is not in the build")
    errors, noted = [], []
    for message in checked[file]:
        if message["type"] in ("error", "non-document-error") or message.get("subType") == "fatal":
            if not known(message):
                errors.append(describe(file, message))
        elif message["type"] == "info" and not any(pattern.search(message["message"]) for pattern, _ in NOT_LISTED):
            noted.append(describe(file, message))
    for note in noted:
        warnings.warn(VnuWarning(f"/{url}: {note}"))
    assert not errors, f"/{url}: {len(errors)} HTML errors:\n" + "\n".join(errors)


def test_every_known_exception_still_occurs(checked):
    """When Material fixes its markup, or we override it, the exception goes."""
    used = {id(k) for messages in checked.values() for message in messages if (k := known(message))}
    stale = [k.reason[:80] for k in KNOWN if id(k) not in used]
    assert not stale, f"these exceptions in tests/test_html_valid.py no longer occur; remove them: {stale}"
