"""The validator: every rule over every file in one run, as sorted findings."""

from __future__ import annotations

import datetime
from pathlib import Path

from ..content.corpus import Corpus
from ..findings import Finding
from .catalogue import rules, severity
from .checks import load_all
from .schema import Context


def context_for(corpus: Corpus, today: datetime.date | None = None) -> Context:
    return Context(
        languages=corpus.project.codes,
        vocabularies=corpus.vocabularies,
        partners=set(corpus.partners),
        modules=set(corpus.modules),
        today=today or datetime.date.today(),
    )


def validate(corpus: Corpus, paths: list[Path] | None = None, today: datetime.date | None = None) -> list[Finding]:
    """All findings for the corpus, limited to files under ``paths`` when given."""
    context = context_for(corpus, today)
    findings = list(corpus.problems)
    for check in load_all():
        findings.extend(check(corpus, context))
    unknown = {finding.rule for finding in findings} - set(rules())
    assert not unknown, f"rules without a catalogue entry: {unknown}"
    if paths:
        wanted = [corpus.project.relative(path).rstrip("/") for path in paths]
        findings = [f for f in findings if any(f.path == w or f.path.startswith(w + "/") or w in (".", "") for w in wanted)]
    return sorted(set(findings), key=lambda finding: finding.sort_key)


def errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if severity(finding) == "error"]
