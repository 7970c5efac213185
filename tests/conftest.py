"""Shared fixtures: the seed articles and a rules-only report of them."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_report():
    """The seeds checked by the rules (no language model), once per session."""
    from checker.pipeline import RunOptions, run

    return run([str(SEEDS)], RunOptions(use_lm=False))


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    import yaml

    path = SHARED / "seeds_gold.yaml"
    if not path.exists():
        pytest.skip("../shared/seeds_gold.yaml is not beside the checkout")
    return yaml.safe_load(path.read_text(encoding="utf-8"))
