"""A finding: one problem in one place, reported the same way by the CLI, the build and CI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the project root, forward slashes
    line: int
    column: int
    rule: str  # stable rule id, see validate/rules.yml
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)
