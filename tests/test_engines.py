"""The whole site builds under MkDocs 1.6.1 and ProperDocs 1.6.7 with the same pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mkdocs_and_properdocs_build_the_same_pages():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "compare-engines")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Same" in result.stdout
