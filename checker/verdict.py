"""The per-document verdict: does this article read as a machine translation?

The verdict is inferred from the evidence the rule detectors found, never
from a model: each finding that betrays a source language (a calque of a
French expression, a German transliteration, a French word left in English
text) votes for that language with a weight; debris that machine translation
leaves without naming a language (a space inside a compound) adds weight to
the verdict but not to a language.

Detectors that know the source language of a finding say so with
:func:`note_source`; the record stays out of :class:`checker.core.Finding`
(whose fields are the report contract) and is looked up by the finding
itself, which is a frozen, hashable record.
"""
from __future__ import annotations

import math
from collections import OrderedDict

from checker.core import Document, Finding, MachineTranslationVerdict, Severity

# Finding -> source language, for the findings of the current run. Bounded, so a
# long-running process checking many documents does not grow without end.
_SOURCES: "OrderedDict[Finding, str]" = OrderedDict()
_MAX_SOURCES = 200_000

# Evidence weight per category and severity (an error-level calque is a near
# certain sign; an "info" false friend is a hint).
CATEGORY_WEIGHT = {
    "mistranslation": 1.0, "calque": 1.0, "source-spelling": 0.6, "untranslated": 0.8,
    "spacing": 0.35, "garbled": 0.5,
}
SEVERITY_FACTOR = {Severity.ERROR: 1.0, Severity.WARNING: 0.7, Severity.INFO: 0.3}
# Evidence needed per size of text: a long clean article may collect a stray
# finding, a short translated one shows two or three.
BASE_THRESHOLD = 1.2
PER_THOUSAND_WORDS = 0.4
LIKELY_SCORE = 0.5


def note_source(finding: Finding, language: str) -> None:
    """Record that ``finding`` is evidence of a translation from ``language``."""
    _SOURCES[finding] = language
    if len(_SOURCES) > _MAX_SOURCES:
        _SOURCES.popitem(last=False)


def source_of(finding: Finding) -> str | None:
    return _SOURCES.get(finding)


def forget_sources() -> None:
    """Drop the sources noted so far: once a document's verdict is made nothing
    reads them again, and a run must not hold its findings in memory."""
    _SOURCES.clear()


def evidence(findings: list[Finding] | tuple[Finding, ...]) -> tuple[float, dict[str, float]]:
    """Total evidence weight, and the weight voting for each source language."""
    total = 0.0
    votes: dict[str, float] = {}
    for f in findings:
        weight = CATEGORY_WEIGHT.get(f.category, 0.0)
        if not weight:
            continue
        weight *= SEVERITY_FACTOR.get(f.severity, 0.5) * f.confidence
        language = source_of(f)
        if language is None and f.category not in ("spacing", "garbled"):
            continue  # a finding of these categories that does not name a language
        total += weight
        if language:
            votes[language] = votes.get(language, 0.0) + weight
    return total, votes


def machine_translation_verdict(doc: Document, findings) -> MachineTranslationVerdict | None:
    """Likely machine-translated or not, how sure, and from which language."""
    if not doc.text.strip():
        return None
    total, votes = evidence(findings)
    words = max(1, len(doc.text.split()))
    threshold = BASE_THRESHOLD + PER_THOUSAND_WORDS * words / 1000
    # 0.5 exactly at the threshold, saturating towards 1.
    score = 1 - math.exp(-math.log(2) * total / threshold) if total else 0.0
    votes = {k: v for k, v in votes.items() if k != doc.language}
    source = max(votes, key=lambda k: (votes[k], k)) if votes else None
    likely = score >= LIKELY_SCORE and source is not None
    return MachineTranslationVerdict(likely=likely, score=round(score, 3),
                                     source_language=source if likely else None)
