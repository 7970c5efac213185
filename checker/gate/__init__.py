"""Gate: may this batch be published?

The batch fails when a finding or a cross-document verdict is at or above
the ``fail_on`` severity, or when a file could not be checked at all: an
editor cannot vouch for an article mtcheck could not read.
"""
from __future__ import annotations

from dataclasses import replace

from checker.core import GateResult, Report, Severity


def blocking(report: Report, fail_on: Severity) -> int:
    """How many findings and verdicts stop the batch."""
    count = sum(n for s in report.summaries() for severity, n in s.counts
                if Severity(severity) >= fail_on)
    count += sum(1 for c in report.cross_document
                 if c.kind != "consistent" and c.severity >= fail_on)
    return count + len(report.errors)


def evaluate(report: Report, fail_on: Severity | None) -> Report:
    """The report with its gate verdict; ``fail_on=None`` never fails."""
    if fail_on is None:
        return replace(report, gate=GateResult(Severity.ERROR, True, never=True))
    return replace(report, gate=GateResult(fail_on, blocking(report, fail_on) == 0))
