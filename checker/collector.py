"""The garbage collector, and what a run keeps until it ends.

A run holds tens of thousands of objects it never drops before the end: the
rule data, every document's summary and claims, the cross-document verdicts.
Each full collection walked all of them again (about 0.2 s a collection at
2,000 articles). ``frozen()`` puts the objects that exist into the
generation the collector does not walk, and ``freeze_more()`` those made
since; what each document's check leaves behind is collected as usual. Forked
workers inherit the frozen state, and touch fewer of the pages they share
with the run's process.
"""
from __future__ import annotations

import contextlib
import gc

_owned = False  # whether the freeze in force is ours to extend and to end


@contextlib.contextmanager
def frozen():
    """Freeze what exists, hand it back at the end. Left as it is when a caller
    froze objects already."""
    global _owned
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    _owned = True
    try:
        yield
    finally:
        _owned = False
        gc.unfreeze()


def freeze_more() -> None:
    """Inside ``frozen()``: freeze the objects made since (the rule data just
    loaded, the summaries kept so far)."""
    if _owned:
        gc.freeze()
