"""Shared fixtures: a small valid project copied to a temporary folder, with overlays."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
INTEGR8 = [sys.executable, "-m", "integr8"]


def make_project(target: Path, files: dict | None = None) -> Path:
    """Copy the fixture project to ``target`` and apply ``files`` (path -> text, or None to delete)."""
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    for rel, text in (files or {}).items():
        path = target / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    config = target / "mkdocs.yml"
    if config.is_file():
        config.write_text(config.read_text(encoding="utf-8").replace("OVERRIDES", str(ROOT / "overrides")), encoding="utf-8")
    return target


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def run_integr8(*args, cwd: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([*INTEGR8, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
