"""Supply chain: no installed distribution is a 999.9.9 stub, and every dependency pyproject names is pinned
with == (and, where installed, installed at that pin). Offline: reads metadata only."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _requirements() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return [Requirement(s) for s in specs]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_no_installed_distribution_is_a_999_stub() -> None:
    bad = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions() if d.version == "999.9.9")
    assert not bad, f"placeholder/malicious stub versions installed: {bad}"


def test_every_declared_dependency_is_pinned_exactly() -> None:
    loose = [str(r) for r in _requirements()
             if len(r.specifier) != 1 or next(iter(r.specifier)).operator != "=="]
    assert not loose, f"pin these with ==: {loose}"


def test_installed_versions_match_the_pins() -> None:
    installed = {_norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = []
    for r in _requirements():
        have = installed.get(_norm(r.name))
        if have is not None and have not in r.specifier:
            wrong.append(f"{r.name}: pinned {r.specifier}, installed {have}")
    assert not wrong, wrong
