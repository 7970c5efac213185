"""Extraction stays linear and fast: no model, regular expressions and tables only."""
from __future__ import annotations

import time
from pathlib import Path

from checker.claims.extract import extract
from checker.core import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_extraction_is_linear_and_fast():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    one = Document(path="one.txt", text="\n".join(texts), language="fr")
    big = Document(path="big.txt", text="\n".join(texts * 10), language="fr")
    extract(one)  # warm: tables, compiled patterns, word frequencies
    t0 = time.process_time()
    n_one = len(extract(one))
    t1 = time.process_time()
    n_big = len(extract(big))
    t2 = time.process_time()
    assert n_big == 10 * n_one
    size_mb = len(big.text.encode("utf-8")) / 1e6
    # ~0.4 MB: well under 2 s of CPU even on a loaded machine (measured ~1 MB/s CPU)
    assert t2 - t1 < 2.0, f"{size_mb / (t2 - t1):.2f} MB/s"
    # ten times the text costs at most ~20 times the time: no quadratic step
    assert (t2 - t1) < 20 * max(t1 - t0, 0.01)
