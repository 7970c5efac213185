"""The run: load → language → segment → detectors → claims → report → gate.

Documents stream through the per-document stages one at a time; only their
results are kept for the cross-document stage and the report.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from checker import __version__
from checker.core import (Document, DocumentResult, Finding, LoadError, Report,
                          Severity)
from checker.detectors import CheckContext, Detector, select
from checker.gate import evaluate
from checker.language import identify
from checker.load import Source, discover, read_document
from checker.rules import RuleBook
from checker.segment import segment


@dataclass(frozen=True)
class RunOptions:
    fail_on: Severity | None = Severity.ERROR  # None: the gate never fails
    rule_dirs: tuple[Path, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    use_lm: bool = True
    date: str | None = None  # publication date for documents that do not give one
    skip_dirs: tuple[Path, ...] = ()  # e.g. the report folder, when it sits inside the input
    extra: dict = field(default_factory=dict)


ProgressCallback = Callable[[int, int | None, str], None]


class PipelineError(Exception):
    """An error of the run itself (bad rule data, bad options): exit code 2."""


def run(paths: Iterable[str], options: RunOptions = RunOptions(),
        progress: ProgressCallback | None = None) -> Report:
    from checker.rules import RuleDataError

    try:
        rulebook = RuleBook.load(options.rule_dirs)
    except RuleDataError as exc:
        raise PipelineError(f"rule data: {exc}") from None
    ctx = CheckContext(rulebook=rulebook, options={"no_lm": not options.use_lm, **options.extra})
    detectors = select(list(options.enable) or None, list(options.disable) or None)
    try:
        for detector in detectors:
            prepare = getattr(detector, "prepare", None)
            if prepare:
                prepare(ctx)  # validates the rule data a detector uses, before any document
    except RuleDataError as exc:
        raise PipelineError(f"rule data: {exc}") from None

    sources = list(discover(paths, options.skip_dirs))
    results: list[DocumentResult] = []
    errors: list[LoadError] = []
    notices: list[str] = []
    total = len(sources)
    for index, source in enumerate(sources, 1):
        if progress:
            progress(index, total, source.display if isinstance(source, Source) else source.path)
        if isinstance(source, LoadError):
            errors.append(source)
            continue
        loaded = read_document(source)
        if isinstance(loaded, LoadError):
            errors.append(loaded)
            continue
        if options.date and not loaded.date:
            from dataclasses import replace
            loaded = replace(loaded, date=options.date)
        results.append(check_document(loaded, detectors, ctx, notices))

    cross = _cross_document(results)
    report = Report(
        documents=tuple(results),
        cross_document=cross,
        errors=tuple(errors),
        notices=tuple(notices),
        signature=_signature(options, rulebook, detectors),
    )
    return evaluate(report, options.fail_on)


def analyse(doc: Document, language: str | None = None) -> Document:
    """The language and segment stages; ``language`` forces it (tests, --lang)."""
    if language is None:
        return segment(identify(doc))
    from dataclasses import replace

    from checker.core import Segment
    from checker.segment import paragraphs

    segments = tuple(Segment(s, e, language, 1.0) for s, e in paragraphs(doc.text))
    return segment(replace(doc, language=language, language_confidence=1.0, segments=segments))


def check_document(doc: Document, detectors: list[Detector], ctx: CheckContext,
                   notices: list[str], language: str | None = None) -> DocumentResult:
    """Every per-document stage, for one document."""
    doc = analyse(doc, language)
    findings: list[Finding] = []
    for detector in detectors:
        if not detector.applies_to(doc):
            continue
        try:
            findings.extend(detector.check(doc, ctx))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not sink the batch
            unavailable = _unavailable_message(exc)
            if unavailable:
                if unavailable not in notices:
                    notices.append(unavailable)
                continue
            raise
    findings = _dedupe(findings)
    claims = _claims(doc)
    verdict = _machine_translation(doc, findings)
    return DocumentResult(document=doc, findings=tuple(findings), claims=claims,
                          machine_translation=verdict)


def _unavailable_message(exc: Exception) -> str | None:
    """The notice for a detector whose model is not available, else None."""
    try:
        from checker.models import ModelUnavailable
    except ImportError:
        return None
    return str(exc) if isinstance(exc, ModelUnavailable) else None


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; the same rule at the same span reported once."""
    seen, out = set(), []
    for f in sorted(findings, key=lambda f: (f.start, f.end, -f.severity.rank, f.rule)):
        key = (f.rule, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _claims(doc: Document):
    try:
        from checker.claims import extract_claims
    except ImportError:
        return ()
    return tuple(extract_claims(doc))


def _cross_document(results: list[DocumentResult]):
    try:
        from checker.claims import cross_check
    except ImportError:
        return ()
    return tuple(cross_check([(r.document, r.claims) for r in results]))


def _machine_translation(doc: Document, findings: list[Finding]):
    try:
        from checker.verdict import machine_translation_verdict
    except ImportError:
        return None
    return machine_translation_verdict(doc, findings)


def _signature(options: RunOptions, rulebook: RuleBook, detectors: list[Detector]) -> dict:
    """What a report's numbers depend on, so that a run can be reproduced."""
    return {
        "mtcheck": __version__,
        "python": ".".join(map(str, sys.version_info[:3])),
        "rules": sorted(d.id for d in detectors),
        "rule_data": rulebook.versions(),
        "fail_on": options.fail_on.value if options.fail_on else "never",
        "lm": options.use_lm,
    }
