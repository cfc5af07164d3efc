from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def lex():
    from truce import lexicon

    return lexicon.load()


@pytest.fixture(scope="session")
def extractor():
    from truce.run import extractor

    return extractor()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
