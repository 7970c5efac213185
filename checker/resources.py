"""Shared data resources, loaded on first use and kept for the run.

Heavy imports live inside the functions: `mtcheck --help` must not pay for
word lists it does not use.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf_frequency(word: str, language: str) -> float:
    """wordfreq's Zipf frequency (0 for unknown; 3 is about once per million words)."""
    from wordfreq import zipf_frequency as wf_zipf

    try:
        return wf_zipf(word, language)
    except LookupError:  # a language wordfreq does not cover
        return 0.0
