"""The benchmark scripts README lists still run against the app as it is: their callback requests name callbacks
the app has (taken from its dependencies) and are answered. Their figures are not checked here: performance is
measured by running them, not by timed tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize("script, arguments, reports", [
    ("drilldowns.py", ["--repeat", "1"], ["indicator: map + spread", "country: summary + dot plot + table",
                                          "pillar: selected country contributions"]),
    ("quadrant.py", ["--repeat", "1"], ["quadrant chart callback (all control states)"]),
    ("search_terms.py", ["--random", "5"], ["'gold mining'"]),
])
def test_a_benchmark_runs_from_its_own_directory_and_reports(workbook, script, arguments, reports):
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments], cwd=BENCHMARKS,
                          env={**os.environ, "OCINDEX_DATA_DIR": str(workbook.parent), "OCINDEX_LOG_LEVEL": "WARNING"},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for title in reports:
        assert title in done.stdout
