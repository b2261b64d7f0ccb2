"""The bench report: measured values against the targets of ``metrics.yml``, as JSON and tables.

Every metric of the catalogue appears in every report. A value that could not be measured is
``null`` with a note saying why, and its target is neither met nor missed (``met: null``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

METRICS_FILE = Path(__file__).with_name("metrics.yml")
KB = 1024
REPORT_VERSION = 1
COLUMNS = ("Metric", "Ours", "Stock", "Pagefind", "Target", "Met")


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    target: dict
    about: str


@cache
def catalogue() -> tuple[Metric, ...]:
    data = yaml.safe_load(METRICS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Metric(key, entry["label"], entry["unit"], dict(entry.get("target") or {}), entry.get("about", ""))
        for key, entry in data.items()
    )


def metric_keys() -> list[str]:
    return [metric.key for metric in catalogue()]


@dataclass
class Value:
    ours: float | None = None
    stock: float | None = None
    pagefind: float | None = None
    note: str = ""


@dataclass
class Report:
    info: dict  # date, command, machine, tools, corpus
    values: dict[str, Value] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def record(self, key: str, ours=None, stock=None, pagefind=None, note: str = "") -> None:
        if key not in metric_keys():
            raise KeyError(f"'{key}' is not a metric of {METRICS_FILE.name}")
        self.values[key] = Value(ours, stock, pagefind, note)

    def unmeasured(self, keys, reason: str) -> None:
        for key in keys:
            if key not in self.values:
                self.record(key, note=reason)

    def metrics(self) -> list[dict]:
        rows = []
        for metric in catalogue():
            value = self.values.get(metric.key, Value(note="not measured in this run"))
            rows.append({
                "key": metric.key, "label": metric.label, "unit": metric.unit,
                "ours": value.ours, "stock": value.stock, "pagefind": value.pagefind,
                "target": metric.target or None, "target_text": target_text(metric, value),
                "met": met(metric.target, value), "note": value.note, "about": metric.about,
            })
        return rows

    def missed(self) -> list[dict]:
        return [row for row in self.metrics() if row["met"] is False]

    def as_json(self) -> dict:
        return {"integr8_bench": REPORT_VERSION, **self.info, "metrics": self.metrics(), "notes": self.notes, "details": self.details}


# Targets ----------------------------------------------------------------------------------------


def met(target: dict, value: Value) -> bool | None:
    """True or False against the target; None when there is no target or a needed value is missing."""
    if not target or value.ours is None:
        return None
    checks = []
    if "at_most" in target:
        checks.append(value.ours <= target["at_most"])
    if "at_least" in target:
        checks.append(value.ours >= target["at_least"])
    if "at_most_of_stock" in target:
        if value.stock is None:
            return None
        checks.append(value.ours <= target["at_most_of_stock"] * value.stock)
    if target.get("at_most_pagefind"):
        if value.pagefind is None:
            return None
        checks.append(value.ours <= value.pagefind)
    return all(checks)


def target_text(metric: Metric, value: Value) -> str:
    target, unit = metric.target, metric.unit
    parts = []
    if "at_most" in target:
        parts.append("0" if target["at_most"] == 0 else "≤ " + number(target["at_most"], unit))
    if "at_least" in target:
        parts.append("≥ " + number(target["at_least"], unit))
    if "at_most_of_stock" in target:
        limit = f" = {number(target['at_most_of_stock'] * value.stock, unit)}" if value.stock is not None else ""
        parts.append(f"≤ {target['at_most_of_stock']:g}× stock{limit}")
    if target.get("at_most_pagefind"):
        parts.append("≤ Pagefind")
    return " and ".join(parts) or "—"


# Formatting -------------------------------------------------------------------------------------


def number(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "bytes":
        return f"{value / KB:,.1f} KB"
    if unit == "seconds":
        return f"{value:,.1f} s" if value >= 10 else f"{value:.2f} s"
    if unit == "ratio":
        return f"{value:.2f}×"
    if unit == "share":
        return f"{value * 100:.1f} %"
    if unit == "megabytes":
        return f"{value:,.0f} MB"
    if unit == "milliseconds":
        return f"{value:,.0f} ms"
    if unit == "score":
        return f"{value:.2f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _met_text(flag: bool | None) -> str:
    return {True: "yes", False: "NO", None: "—"}[flag]


def rows(report: Report) -> list[tuple[str, ...]]:
    return [
        (row["label"], number(row["ours"], row["unit"]), number(row["stock"], row["unit"]),
         number(row["pagefind"], row["unit"]), row["target_text"], _met_text(row["met"]))
        for row in report.metrics()
    ]


def _notes(report: Report) -> list[str]:
    notes = [f"{row['label']}: {row['note']}" for row in report.metrics() if row["note"]]
    return notes + report.notes + ["KB = 1,024 bytes; gzipped = gzip level 6 of each response body."]


def render_text(report: Report) -> str:
    table = [COLUMNS, *rows(report)]
    widths = [max(len(line[column]) for line in table) for column in range(len(COLUMNS))]
    lines = [_header(report), ""]
    for index, line in enumerate(table):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    missed = report.missed()
    lines += ["", f"Targets missed: {len(missed)}" + (": " + "; ".join(row["label"] for row in missed) if missed else "")]
    lines += ["", "Notes:", *(f"- {note}" for note in _notes(report))]
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    def line(cells):
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    lines = [_header(report), "", line(COLUMNS), line(["---"] * len(COLUMNS))]
    lines += [line(row) for row in rows(report)]
    lines += ["", *(f"- {note}" for note in _notes(report))]
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n"


def _header(report: Report) -> str:
    info = report.info
    corpus = info.get("corpus", {})
    machine = info.get("machine", {})
    return (
        f"integr8 bench, {info.get('date', '?')}: {corpus.get('modules', '?')} modules and {corpus.get('cases', '?')} cases "
        f"in {len(corpus.get('languages', []))} languages ({', '.join(corpus.get('languages', []))}), "
        f"{corpus.get('pages_ours', '?')} pages ours, {corpus.get('pages_stock', '?')} stock; "
        f"{machine.get('cpus', '?')} CPUs. Command: {info.get('command', '?')}"
    )
