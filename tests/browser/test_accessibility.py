"""axe-core (4.12, bundled by axe-playwright-python) on one page of every type, German and Farsi.

Zero violations of WCAG 2.0, 2.1 and 2.2, levels A and AA, on a phone-sized screen. A failure names
each rule, why it fails and the CSS selector of every element concerned.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            selector = " ".join(" >>> ".join(part) if isinstance(part, list) else part for part in node["target"])
            reason = next((line.strip() for line in node.get("failureSummary", "").splitlines()[1:] if line.strip()), "")
            lines.append(f"    {selector}: {reason}")
    return "\n".join(lines)


def test_page_has_no_accessibility_violations(shown):
    from axe_playwright_python.sync_playwright import Axe

    seen = shown.visit()
    results = Axe().run(seen.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, f"{seen.where}: {len(violations)} axe rules fail:\n{describe(violations)}"
