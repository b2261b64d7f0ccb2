"""The domain core runs with MkDocs, Material and mkdocs-static-i18n absent (issue: outlive the stack)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n"}
PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "integr8"

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('engine package blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
from integr8.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_without_engines(*args, cwd):
    code = BLOCKER.format(blocked=ENGINE_PACKAGES)
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_validate_status_and_new_run_when_engine_imports_fail(project):
    assert run_without_engines("validate", cwd=project).returncode == 0
    status = run_without_engines("status", "--format", "json", cwd=project)
    assert status.returncode == 0 and '"state": "current"' in status.stdout
    assert run_without_engines("status", "--mark-current", "curriculum/alpha/fa.md", cwd=project).returncode == 0
    assert run_without_engines("new", "module", "extra", "--lang", "de", cwd=project).returncode == 0
    result = run_without_engines("validate", "--format", "json", cwd=project)
    assert result.returncode == 0 and "ImportError" not in result.stderr


def test_only_adapters_import_an_engine():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "adapters" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            offenders += [f"{path.relative_to(PACKAGE)}: {name}" for name in names if name.split(".")[0] in ENGINE_PACKAGES]
    assert offenders == []
