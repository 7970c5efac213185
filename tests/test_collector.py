"""What a run keeps is frozen out of the garbage collector's walks, and handed back."""
from __future__ import annotations

import gc

from checker import collector
from checker.pipeline import RunOptions, run


def test_frozen_freezes_what_exists_and_what_is_added_then_hands_it_back():
    with collector.frozen():
        before = gc.get_freeze_count()
        assert before > 0
        kept = [[] for _ in range(1000)]  # noqa: F841 - containers (the collector tracks them) made inside
        collector.freeze_more()
        assert gc.get_freeze_count() >= before + 1000
    assert gc.get_freeze_count() == 0


def test_freeze_more_outside_frozen_does_nothing():
    collector.freeze_more()
    assert gc.get_freeze_count() == 0


def test_a_callers_own_freeze_is_left_as_it_is():
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        with collector.frozen():
            collector.freeze_more()
            assert gc.get_freeze_count() == count  # not ours to extend
        assert gc.get_freeze_count() == count  # nor to end
    finally:
        gc.unfreeze()


def test_a_run_hands_back_what_it_froze(seeds_dir):
    report = run([str(seeds_dir)], RunOptions(use_lm=False))
    assert len(report.documents) == 5
    assert gc.get_freeze_count() == 0
