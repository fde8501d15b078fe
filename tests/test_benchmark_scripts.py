"""The benchmark scripts still import: a name they use from the app that is renamed or moved
fails here, not in the middle of a long `make bench` run."""

import importlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.parametrize("module", sorted(p.stem for p in BENCHMARKS.glob("*.py")))
def test_the_benchmark_imports(module, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # the scripts import their helpers by name
    sys.modules.pop(module, None)
    importlib.import_module(module)
