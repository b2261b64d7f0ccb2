"""Running a site engine or ``integr8 validate`` as a subprocess, with its wall time and peak memory.

Each command runs in a process of its own, started by a small measuring process that reaps it
with ``os.wait4``: that returns the resource usage of that one child (and of the children it
waited for), so its ``ru_maxrss`` is the peak resident memory of that build alone. The measuring
process stays small on purpose: Linux counts the memory a child shares with its parent before
``exec`` into the child's peak, so forking straight from a big process (the bench with Chromium's
driver loaded, or pytest) would report the parent's size for a small command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TAIL_LINES = 30


@dataclass
class Run:
    command: list[str]
    seconds: float
    cpu_seconds: float  # user + system time: what the run cost, however busy the machine was
    peak_memory_mb: float
    returncode: int
    log: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def tail(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-TAIL_LINES:])


class ToolMissing(Exception):
    """A tool the bench needs is not installed; the message says how to install it."""


# Runs argv[2:], then writes its wall time and resource usage as JSON to the file argv[1].
_MEASURE = """
import json, os, sys, time
result, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(result, "w") as out:
    json.dump({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss}, out)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measured(command: list[str], cwd: Path, log: Path, env: dict | None = None) -> Run:
    """Run ``command`` with stdout and stderr in ``log``; time it and read its peak memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    result = log.with_name(log.name + ".usage.json")
    with log.open("wb") as output:
        process = subprocess.run([sys.executable, "-S", "-c", _MEASURE, str(result), *command], cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=env)
    usage = json.loads(result.read_text(encoding="utf-8"))
    # ru_maxrss is in KiB on Linux.
    return Run(command, usage["seconds"], usage["cpu"], usage["maxrss_kib"] / 1024, process.returncode, log)


def engine_env() -> dict:
    # MkDocs 1.6.1 prints a banner about MkDocs 2 on every run; it is noise in a measurement.
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def mkdocs_build(config: Path, site: Path, log: Path) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--config-file", str(config), "--site-dir", str(site)]
    return measured(command, config.parent, log, engine_env())


def integr8_validate(config: Path, log: Path) -> Run:
    command = [sys.executable, "-m", "integr8", "--config", str(config), "validate"]
    return measured(command, config.parent, log, engine_env())


def require_mkdocs() -> str:
    """The MkDocs version of this Python, or ToolMissing: the bench never imports the engine itself."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "--version"], capture_output=True, text=True, env=engine_env())
    if result.returncode != 0:
        raise ToolMissing(f"MkDocs is not installed for {sys.executable}; run 'make site' and use .venv/bin/integr8")
    return result.stdout.strip()
