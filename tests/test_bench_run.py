"""`integr8 bench` end to end: exit codes, progress, the report on stdout and in --out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import INTEGR8, ROOT, make_project, run_integr8
from integr8.bench.report import metric_keys

BROWSER_METRICS = ["module_html", "module_usable", "other_hosts", "search_before_open", "search_to_first_result", "search_ms", "search_open_ms",
                   "lighthouse_performance", "lighthouse_accessibility"]


def bench(*args, cwd: Path) -> subprocess.CompletedProcess:
    """A whole bench run: two builds, Chromium and Lighthouse take minutes on a busy machine."""
    return subprocess.run([*INTEGR8, "bench", *args], cwd=cwd, capture_output=True, text=True, timeout=1800)


def metrics(report: dict) -> dict:
    return {row["key"]: row for row in report["metrics"]}


@pytest.mark.parametrize("args", [["--size", "0"], ["--size", "x"], ["--repeat", "0"], ["--format", "xml"]])
def test_usage_errors_exit_2(project, args):
    result = run_integr8("bench", *args, cwd=project)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_configuration_or_an_out_path_that_is_a_file_exit_2(tmp_path, project):
    assert run_integr8("bench", "--size", "1", cwd=tmp_path).returncode == 2
    (tmp_path / "report").write_text("not a folder", encoding="utf-8")
    result = run_integr8("bench", "--size", "1", "--out", str(tmp_path / "report"), cwd=project)
    assert result.returncode == 2 and "is not a folder" in result.stderr


def test_a_corpus_that_cannot_validate_stops_the_bench_with_exit_1(tmp_path):
    vocabularies = (ROOT / "tests/fixtures/site/curriculum/vocabularies.yml").read_text(encoding="utf-8")
    root = make_project(tmp_path / "p", {"curriculum/vocabularies.yml": vocabularies.replace("    fa: سطح مقدماتی\n", "", 1)})
    result = run_integr8("bench", "--size", "1", "--no-browser", cwd=root)
    assert result.returncode == 1
    assert "the synthetic corpus does not validate" in result.stderr and "[vocabulary-label-missing]" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_project_without_partners_stops_the_bench_with_exit_1(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/partners.yml": None})
    result = run_integr8("bench", "--size", "1", "--no-browser", cwd=root)
    assert result.returncode == 1 and "partners.yml is missing" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_builds_only_run_writes_every_metric_to_stdout_and_out(tmp_path, project):
    out = tmp_path / "report"
    result = bench("--size", "2", "--no-browser", "--format", "json", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert json.loads((out / "bench.json").read_text(encoding="utf-8")) == report
    assert [row["key"] for row in report["metrics"]] == metric_keys()
    rows = metrics(report)
    assert rows["build_seconds"]["ours"] > 0 and rows["build_seconds"]["stock"] > 0
    assert rows["build_ratio"]["met"] in (True, False) and rows["validate_share"]["ours"] > 0
    assert rows["peak_memory"]["ours"] > 20 and rows["peak_memory"]["stock"] > 20
    for key in BROWSER_METRICS:
        assert rows[key]["ours"] is None and rows[key]["met"] is None and "--no-browser" in rows[key]["note"]
    assert report["corpus"]["modules"] == 2 and report["corpus"]["languages"] == ["de", "en", "fa"]
    assert report["command"] == "integr8 bench --size 2 --no-browser"
    assert (out / "bench.md").read_text(encoding="utf-8").count("\n|") == len(metric_keys()) + 2  # header and rule
    assert "Build time of the whole site" in (out / "bench.txt").read_text(encoding="utf-8")
    assert result.stderr.startswith("[1/4] Writing 2 synthetic modules in 3 languages")


@pytest.mark.slow
@pytest.mark.browser
def test_full_run_measures_both_sites_in_chromium_pagefind_and_lighthouse(tmp_path, project):
    out = tmp_path / "report"
    result = bench("--size", "2", "--keep", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    rows = metrics(report)
    assert [row["key"] for row in report["metrics"]] == metric_keys()
    for key in ("module_html", "module_usable"):
        assert rows[key]["ours"] > 0 and rows[key]["stock"] > 0, key
    assert rows["search_before_open"]["ours"] == 0, report["details"]["search"]["ours"]["files_before_open"]
    assert rows["search_before_open"]["stock"] > 0, "stock Material downloads its whole index with every page"
    assert rows["other_hosts"]["ours"] == 0, report["details"]["module_page_views"]["ours"]
    assert rows["other_hosts"]["stock"] >= 1, "stock Material asks Google Fonts for Roboto"
    assert rows["search_to_first_result"]["ours"] > 0, report["details"]["search"]["ours"]
    assert rows["search_to_first_result"]["pagefind"] > 0, report["details"]["search"]["pagefind"]
    assert rows["search_ms"]["ours"] > 0 and rows["search_open_ms"]["ours"] > rows["search_ms"]["ours"]
    assert report["details"]["search"]["language"] == "fa"
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    for key in ("lighthouse_performance", "lighthouse_accessibility"):
        if lighthouse.exists():
            assert 0 <= rows[key]["ours"] <= 1 and 0 <= rows[key]["stock"] <= 1, rows[key]
        else:
            assert "npm ci" in rows[key]["note"]
    kept = Path(result.stderr.split("kept in ")[1].split()[0])
    try:
        assert (kept / "site-stock" / "pagefind" / "pagefind.js").is_file() and (kept / "site-ours" / "index.html").is_file()
    finally:
        shutil.rmtree(kept)
