"""The bench report: targets met or missed, every metric in every format, readable numbers."""

from __future__ import annotations

import json

import pytest

from integr8.bench.report import Report, Value, catalogue, met, metric_keys, number, render_json, render_markdown, render_text, target_text

INFO = {
    "date": "2026-11-23 10:00 UTC", "command": "integr8 bench --size 3",
    "machine": {"cpus": 2}, "corpus": {"modules": 3, "cases": 1, "languages": ["de", "fa"], "pages_ours": 40, "pages_stock": 10},
}


def metric(key):
    return next(m for m in catalogue() if m.key == key)


def sample() -> Report:
    report = Report(dict(INFO))
    report.record("build_seconds", ours=12.5, stock=30.0)
    report.record("build_ratio", ours=12.5 / 30)
    report.record("validate_share", ours=0.08, note="integr8 validate took 1.00 s")
    report.record("module_html", ours=15_000, stock=16_384)
    report.record("search_to_first_result", ours=20_480, stock=1_048_576, pagefind=150_000)
    report.unmeasured(["lighthouse_performance", "lighthouse_accessibility"], "not measured: Lighthouse is not installed")
    return report


@pytest.mark.parametrize(("target", "value", "expected"), [
    ({"at_most": 0.5}, Value(ours=0.5), True),
    ({"at_most": 0.5}, Value(ours=0.51), False),
    ({"at_most": 0}, Value(ours=0), True),
    ({"at_least": 0.95}, Value(ours=0.9), False),
    ({"at_most_of_stock": 0.1, "at_most_pagefind": True}, Value(ours=90, stock=1000, pagefind=100), True),
    ({"at_most_of_stock": 0.1, "at_most_pagefind": True}, Value(ours=90, stock=1000, pagefind=80), False),
    ({"at_most_of_stock": 0.1}, Value(ours=90, stock=None), None),
    ({"at_most": 1}, Value(ours=None), None),
    ({}, Value(ours=3), None),
])
def test_a_target_is_met_missed_or_unknown(target, value, expected):
    assert met(target, value) is expected


def test_targets_read_as_the_product_states_them():
    assert target_text(metric("build_ratio"), Value()) == "≤ 0.50×"
    assert target_text(metric("validate_share"), Value()) == "≤ 5.0 %"
    assert target_text(metric("module_html"), Value()) == "≤ 14.0 KB"
    assert target_text(metric("other_hosts"), Value()) == "0"
    assert target_text(metric("lighthouse_accessibility"), Value()) == "≥ 1.00"
    assert target_text(metric("search_to_first_result"), Value(stock=1_048_576)) == "≤ 0.1× stock = 102.4 KB and ≤ Pagefind"
    assert target_text(metric("peak_memory"), Value()) == "—"


def test_numbers_carry_their_unit():
    assert number(14_336, "bytes") == "14.0 KB"
    assert number(9.87, "seconds") == "9.87 s" and number(123.4, "seconds") == "123.4 s"
    assert number(0.0312, "share") == "3.1 %"
    assert number(0.42, "ratio") == "0.42×"
    assert number(1234.6, "milliseconds") == "1,235 ms"
    assert number(None, "bytes") == "—"


def test_json_has_every_metric_with_values_target_and_verdict():
    data = json.loads(render_json(sample()))
    assert [m["key"] for m in data["metrics"]] == metric_keys()
    assert all(set(m) >= {"key", "label", "unit", "ours", "stock", "pagefind", "target", "target_text", "met", "note"} for m in data["metrics"])
    rows = {m["key"]: m for m in data["metrics"]}
    assert rows["build_ratio"]["met"] is True and rows["validate_share"]["met"] is False
    assert rows["search_to_first_result"]["met"] is True
    assert rows["lighthouse_performance"]["ours"] is None and rows["lighthouse_performance"]["met"] is None
    assert rows["lighthouse_performance"]["note"] == "not measured: Lighthouse is not installed"
    assert rows["peak_memory"]["note"] == "not measured in this run"
    assert data["command"] == "integr8 bench --size 3" and data["integr8_bench"] == 1


def test_the_text_table_shows_each_metric_and_lists_missed_targets():
    output = render_text(sample())
    assert output.startswith("integr8 bench, 2026-11-23 10:00 UTC: 3 modules and 1 cases in 2 languages (de, fa)")
    for m in catalogue():
        assert m.label in output
    line = next(line for line in output.splitlines() if line.startswith("Module page HTML, gzipped"))
    assert "14.6 KB" in line and "16.0 KB" in line and line.rstrip().endswith("NO")
    assert "Targets missed: 2: `integr8 validate`, share of our build time; Module page HTML, gzipped" in output
    assert "- `integr8 validate`, share of our build time: integr8 validate took 1.00 s" in output


def test_the_markdown_table_has_one_row_per_metric():
    lines = render_markdown(sample()).splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| Metric | Ours | Stock | Pagefind | Target | Met |"
    assert len(table) == 2 + len(catalogue())
    assert all(line.count(" | ") == 5 for line in table)


def test_recording_an_unknown_metric_is_a_bug():
    with pytest.raises(KeyError):
        Report({}).record("build_speed", ours=1)


def test_lighthouse_reports_become_scores_failed_audits_and_busy_scripts():
    from integr8.bench.lighthouse import scores

    report = {
        "lighthouseVersion": "12.8.2", "environment": {"benchmarkIndex": 1500},
        "categories": {
            "performance": {"score": 0.97, "auditRefs": []},
            "accessibility": {"score": 0.9, "auditRefs": [{"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10}, {"id": "tabindex", "weight": 0}]},
        },
        "audits": {
            "color-contrast": {"score": 0}, "image-alt": {"score": 1}, "tabindex": {"score": 0},
            "total-blocking-time": {"numericValue": 120.4},
            "bootup-time": {"details": {"items": [{"url": "a.js", "total": 10.2}, {"url": "b.js", "total": 300.7}]}},
        },
    }
    result = scores(report)
    assert result.available and result.performance == 0.97 and result.accessibility == 0.9
    assert result.failed_accessibility_audits == ["color-contrast"], "only audits that count towards the score"
    assert result.timings == {"total-blocking-time": 120.4}
    assert list(result.script_cpu_ms.items()) == [("b.js", 301), ("a.js", 10)]
    assert result.benchmark_index == 1500


def test_a_lighthouse_report_with_a_runtime_error_has_no_scores():
    from integr8.bench.lighthouse import scores

    result = scores({"runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."}})
    assert not result.available and result.performance is None
    assert "NO_FCP" in result.reason
