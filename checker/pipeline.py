"""The run: load → language → segment → detectors → claims → report → gate.

Documents stream through the per-document stages one at a time; only their
results are kept for the cross-document stage and the report.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from checker import __version__
from checker.core import (Document, DocumentResult, Finding, LoadError, Report,
                          Severity)
from checker.detectors import CheckContext, Detector, select
from checker.gate import evaluate
from checker.language import identify
from checker.load import Source, discover, read_document, read_source  # noqa: F401
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
    severity: dict = field(default_factory=dict)  # rule id or prefix -> Severity (config)
    languages: dict = field(default_factory=dict)  # folder -> expected language (config)
    baseline: Path | None = None  # accepted findings (checker.suppress)
    cache: bool = False  # the per-document result cache (checker.cache); the CLI turns it on


ProgressCallback = Callable[[int, int | None, str], None]


class PipelineError(Exception):
    """An error of the run itself (bad rule data, bad options): exit code 2."""


def run(paths: Iterable[str], options: RunOptions = RunOptions(),
        progress: ProgressCallback | None = None,
        on_document: Callable[[DocumentResult], None] | None = None) -> Report:
    """``on_document`` is called with each result as soon as it is final (after
    suppression and the baseline): a reporter may write per-document output then."""
    from checker.rules import RuleDataError
    from checker.suppress import Baseline, BaselineError

    try:
        rulebook = RuleBook.load(options.rule_dirs)
    except RuleDataError as exc:
        raise PipelineError(f"rule data: {exc}") from None
    ctx = CheckContext(rulebook=rulebook, options={"no_lm": not options.use_lm,
                                                   "languages": dict(options.languages),
                                                   **options.extra})
    detectors = select(list(options.enable) or None, list(options.disable) or None)
    try:
        for detector in detectors:
            prepare = getattr(detector, "prepare", None)
            if prepare:
                prepare(ctx)  # validates the rule data a detector uses, before any document
    except RuleDataError as exc:
        raise PipelineError(f"rule data: {exc}") from None

    try:
        baseline = Baseline.load(options.baseline) if options.baseline else None
    except BaselineError as exc:
        raise PipelineError(str(exc)) from None
    cache = _result_cache(options, rulebook, detectors) if options.cache else None
    sources = list(discover(paths, options.skip_dirs))
    results: list[DocumentResult] = []
    errors: list[LoadError] = []
    notices: list[str] = []
    suppressed = baselined = 0
    total = len(sources)
    for index, source in enumerate(sources, 1):
        if progress:
            progress(index, total, source.display if isinstance(source, Source) else source.path)
        if isinstance(source, LoadError):
            errors.append(source)
            continue
        read = read_source(source)
        if isinstance(read, LoadError):
            errors.append(read)
            continue
        loaded, comments = read
        if options.date and not loaded.date:
            from dataclasses import replace
            loaded = replace(loaded, date=options.date)
        result = _checked(loaded, detectors, ctx, notices, cache, options)
        result, counts = _accepted(result, comments, options, baseline)
        suppressed += counts[0]
        baselined += counts[1]
        results.append(result)
        if on_document:
            on_document(result)

    if suppressed:
        notices.append(f"{suppressed} finding(s) suppressed by mtcheck-disable/ignore comments")
    if baselined:
        notices.append(f"{baselined} finding(s) accepted in the baseline {options.baseline} "
                       f"not shown")
    if cache and cache.broken:
        notices.append(cache.broken)
    cross = _cross_document(results)
    report = Report(
        documents=tuple(results),
        cross_document=cross,
        errors=tuple(errors),
        notices=tuple(notices),
        signature=_signature(options, rulebook, detectors),
    )
    return evaluate(report, options.fail_on)


def _checked(doc: Document, detectors: list[Detector], ctx: CheckContext, notices: list[str],
             cache, options: RunOptions) -> DocumentResult:
    """check_document, or its cached result for the same text and settings."""
    if cache is None:
        return check_document(doc, detectors, ctx, notices)
    from checker.detectors.expected_language import expected_language

    key = cache.key(doc, expected_language(doc.path, options.languages) or "")
    hit = cache.get(key, doc)
    if hit:
        result, said = hit
        notices.extend(n for n in said if n not in notices)
        return result
    mine: list[str] = []
    result = check_document(doc, detectors, ctx, mine)
    notices.extend(n for n in mine if n not in notices)
    cache.put(key, result, mine)
    return result


def _accepted(result: DocumentResult, comments, options: RunOptions, baseline
              ) -> tuple[DocumentResult, tuple[int, int]]:
    """Severity overrides, then inline suppression, then the baseline."""
    from dataclasses import replace

    from checker.suppress import apply_directives, directives

    findings = result.findings
    if options.severity and findings:
        from checker.config import severity_override

        findings = tuple(replace(f, severity=severity_override(f.rule, options.severity) or f.severity)
                         for f in findings)
    findings, suppressed = apply_directives(findings, directives(result.document, comments))
    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.filter(replace(result, findings=findings))
    if findings is not result.findings:
        result = replace(result, findings=findings)
    return result, (suppressed, baselined)


def _result_cache(options: RunOptions, rulebook: RuleBook, detectors: list[Detector]):
    from checker.cache import ResultCache

    model = None
    if options.use_lm and any(getattr(d, "detector", "") == "lm" for d in detectors):
        try:
            from checker.models import status

            info = status("lm")
            model = f"{info.get('sha256') or info.get('location')}:{info.get('prepared')}"
        except Exception as exc:  # noqa: BLE001 - no model: results without it
            model = f"unavailable:{type(exc).__name__}"
    settings = {"rules": sorted(d.id for d in detectors), "rule_data": rulebook.versions(),
                "lm": options.use_lm, "model": model,
                "extra": {k: v for k, v in sorted(options.extra.items())}}
    return ResultCache(settings)


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
    findings = _dedupe(_drop_explained_model_findings(findings))
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


def _drop_explained_model_findings(findings: list[Finding]) -> list[Finding]:
    """The language model's findings where no rule already explains the span.

    A rule says precisely what is wrong and how to fix it; the model only that
    the words are improbable. Where both fire, the rule's finding is the one
    an editor needs.
    """
    ruled = sorted((f.start, f.end) for f in findings if f.detector != "lm")
    if not ruled:
        return findings
    import bisect

    starts = [s for s, _ in ruled]
    longest = max(e - s for s, e in ruled)
    kept = []
    for f in findings:
        if f.detector == "lm":
            lo = bisect.bisect_left(starts, f.start - longest)
            hi = bisect.bisect_left(starts, f.end)
            if any(s < f.end and f.start < e for s, e in ruled[lo:hi]):
                continue
        kept.append(f)
    return kept


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; one finding per span and category.

    Two rules may see the same problem ("La suite après cette publicité" is
    both a known advert line and a repeated line): the editor gets it once,
    from the most severe, then most confident rule.
    """
    seen, out = set(), []
    ranked = sorted(findings, key=lambda f: (f.start, f.end, -f.severity.rank, -f.confidence, f.rule))
    for f in ranked:
        key = (f.category, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


@lru_cache(maxsize=None)
def _optional(module: str, name: str):
    """``module.name``, or None when that stage is not installed; looked up once
    per process (a failing import retried per document costs a file search each)."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _claims(doc: Document):
    extract_claims = _optional("checker.claims", "extract_claims")
    if extract_claims is None:
        return ()
    return tuple(extract_claims(doc))


def _cross_document(results: list[DocumentResult]):
    try:
        from checker.claims import cross_check
    except ImportError:
        return ()
    return tuple(cross_check([(r.document, r.claims) for r in results]))


def _machine_translation(doc: Document, findings: list[Finding]):
    machine_translation_verdict = _optional("checker.verdict", "machine_translation_verdict")
    if machine_translation_verdict is None:
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
