"""Extraction sees every copy of a repeated text: nothing is capped or dropped on
long documents. (Its speed and linearity are measured by
``bench/bench_claims_speed.py --linearity``, not timed here.)"""
from __future__ import annotations

from pathlib import Path

from checker.claims.extract import extract
from checker.core import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_ten_copies_of_the_seeds_give_ten_times_the_claims_at_the_shifted_offsets():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    one = extract(Document(path="one.txt", text=text, language="fr"))
    big = extract(Document(path="big.txt", text="\n".join([text] * 10), language="fr"))
    assert len(one) > 20
    assert len(big) == 10 * len(one)
    step = len(text) + 1
    for copy in (0, 9):
        shifted = [(c.start - copy * step, c.text, c.value) for c in big[copy * len(one):(copy + 1) * len(one)]]
        assert shifted == [(c.start, c.text, c.value) for c in one]
