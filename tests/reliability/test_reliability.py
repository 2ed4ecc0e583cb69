"""The reliability suite's quick form (`python -m bench.reliability --quick`): fuzzed and hostile
requests, near-budget load, Neo4j killed and frozen under load with a writer, a short soak,
broken imports and CLI mistakes, against a served app and a Neo4j of the suite's own. Every
pass condition of docs/reliability.md must hold (the first answer after a kill within the quick
form's bound, bench/reliability/conditions.py); `make reliability` runs the full counts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.project import ROOT


def test_the_quick_reliability_suite_meets_every_pass_condition(tmp_path: Path) -> None:
    report = tmp_path / "reliability.md"
    run = subprocess.run(
        [sys.executable, "-m", "bench.reliability", "--quick", "--out", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED")]
    assert run.returncode == 0, "\n".join(failed) or run.stdout[-3000:] + run.stderr[-3000:]
    text = report.read_text()
    lines = text.splitlines()
    conditions = [line for line in lines if line.startswith("| ") and "| pass |" in line]
    # Every part ran and was judged: fuzz, expensive, faults and writes, soak, imports, CLI.
    for part in ("fuzz:", "expensive:", "kill:", "freeze:", "writes:", "soak:", "import:", "CLI:"):
        assert any(line.startswith(f"| {part}") for line in conditions), part
    assert "**FAIL**" not in text
