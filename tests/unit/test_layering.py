"""The layers stay apart: the domain package imports nothing of the web app, and the `ocindex` command that
serves the app lives beside it, installed from pyproject.toml."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ["dash", "flask", "plotly", "app", "cli", "components", "serving", "figures", "deck"]


def test_the_domain_package_imports_nothing_of_the_web_app():
    # A fresh interpreter: this test process has imported the app already.
    script = ("import importlib, json, pkgutil, sys, ocindex\n"
              "names = [m.name for m in pkgutil.walk_packages(ocindex.__path__, 'ocindex.')]\n"
              "[importlib.import_module(n) for n in names]\n"
              "print(json.dumps([names, sorted({m.split('.')[0] for m in sys.modules})]))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    modules, loaded = json.loads(done.stdout)
    assert "ocindex.report" in modules and len(modules) > 20  # every module was imported, not just the package
    assert sorted(set(loaded) & set(WEB)) == []


def test_the_ocindex_command_is_installed_from_the_top_level_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    module, function = project["project"]["scripts"]["ocindex"].split(":")
    assert "." not in module and module in project["tool"]["setuptools"]["py-modules"]
    assert callable(getattr(importlib.import_module(module), function))
