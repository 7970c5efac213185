"""The run: load → language → segment → detectors → claims → report → gate.

Documents stream through the per-document stages (load to claims), one at a
time or in ``jobs`` forked worker processes. Each final result goes to disk
(``checker.results``) for the reporters to read back one at a time; the run
keeps only summaries, claims, claim records and the names each text spells
for the cross-document stage, so its memory does not grow with the number of
files (the texts themselves are not kept).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from checker import __version__, collector
from checker.core import (Document, DocumentResult, Finding, LoadError, Report,
                          Severity)
from checker.detectors import CheckContext, Detector, select
from checker.gate import evaluate
from checker.language import identify
from checker.load import (Source, decode, discover, document_from,  # noqa: F401
                          format_of, read_bytes, read_document, read_source)
from checker.results import Results, Stored, stored
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
    jobs: int = 1  # worker processes for the per-document stages (0: one per CPU)


ProgressCallback = Callable[[int, int | None, str], None]


class PipelineError(Exception):
    """An error of the run itself (bad rule data, bad options): exit code 2."""


def run(paths: Iterable[str], options: RunOptions = RunOptions(),
        progress: ProgressCallback | None = None) -> Report:
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
        baseline = Baseline.load(options.baseline) if options.baseline else None
    except BaselineError as exc:
        raise PipelineError(str(exc)) from None
    cache = _result_cache(options, rulebook, detectors) if options.cache else None
    sources = list(discover(paths, options.skip_dirs))
    results = Results()
    claimed: list[DocumentResult] = []  # documents with their claims, for the cross stage
    records: list[list] = []  # each document's internal claim records, for the cross stage
    names: list[dict] = []  # and the names its text spells
    errors: list[LoadError] = []
    notices: list[str] = []
    suppressed = baselined = 0
    total = len(sources)
    worker = _Worker(detectors, ctx, cache, options, baseline)
    with collector.frozen():
        outcomes = _outcomes(worker, sources, options, progress)
        for index, (source, outcome) in enumerate(outcomes, 1):
            if progress:
                progress(index, total, _shown(source))
            if index % _FREEZE_EVERY == 0:
                collector.freeze_more()  # what the run keeps, out of the collector's walks
            if isinstance(outcome, LoadError):
                errors.append(outcome)
                continue
            notices.extend(n for n in outcome.notices if n not in notices)
            suppressed += outcome.suppressed
            baselined += outcome.baselined
            try:
                results.add(outcome.stored)
            except OSError as exc:
                raise PipelineError(f"cannot keep the results in a temporary file: "
                                    f"{exc.strerror or exc}") from None
            claimed.append(outcome.for_cross_stage)
            records.append(outcome.records)
            names.append(outcome.names)

        if suppressed:
            notices.append(f"{suppressed} finding(s) suppressed by mtcheck-disable/ignore comments")
        if baselined:
            notices.append(f"{baselined} finding(s) accepted in the baseline {options.baseline} "
                           f"not shown")
        cross = _cross_document(claimed, records, names)
    report = Report(
        documents=results,
        cross_document=cross,
        errors=tuple(errors),
        notices=tuple(notices),
        signature=_signature(options, rulebook, detectors),
    )
    return evaluate(report, options.fail_on)


@dataclass(frozen=True)
class _Settled:
    """A document's final result (severity overrides, suppression comments and
    the baseline applied) as the run keeps it: stored for the reporters, and
    what the cross stage reads of it. Made where the document was checked, so
    that a worker process, not the run's, pickles and fingerprints it."""

    stored: Stored
    for_cross_stage: DocumentResult
    records: list  # internal claim records
    names: dict  # the names the text spells
    notices: list[str]
    suppressed: int
    baselined: int


class _Worker:
    """The per-document stages, from a source to its settled result: read the
    file, answer from the cache or load and check it.

    Worker processes are forked after the rule data is loaded, and find the
    instance in ``_FORKED``: only sources and settled results are pickled.
    """

    def __init__(self, detectors: list[Detector], ctx: CheckContext, cache, options: RunOptions,
                 baseline=None):
        self.detectors, self.ctx, self.cache, self.options = detectors, ctx, cache, options
        self.baseline = baseline
        self.prepared = False

    def prepare(self) -> None:
        """Load and validate the rule data the detectors use, once, before the
        first document is checked. A run answered wholly by the cache skips it:
        the cache key covers the rule data files, so a changed or broken file is
        never answered from the cache."""
        from checker.rules import RuleDataError

        if self.prepared:
            return
        try:
            for detector in self.detectors:
                prepare = getattr(detector, "prepare", None)
                if prepare:
                    prepare(self.ctx)
        except RuleDataError as exc:
            raise PipelineError(f"rule data: {exc}") from None
        self.prepared = True
        collector.freeze_more()  # the rule data lasts the run (and the workers fork after it)

    def needs_rules(self, sources: list, progress: ProgressCallback | None = None) -> bool:
        """Whether some source needs checking, not only the cache: then the rule
        data is loaded before the workers fork. Reads the files until the first
        one the cache does not answer (a run that checks, checks the first)."""
        if self.cache is None:
            return True
        readable = False
        for index, source in enumerate(sources, 1):
            if progress:
                progress(index, len(sources), f"reading {_shown(source)}")
            data = read_bytes(source) if isinstance(source, Source) else source
            if isinstance(data, LoadError):
                continue
            readable = True
            if self.cache.has(self._key(source, data)):
                continue
            try:
                decode(data)
            except ValueError:
                continue  # not text: an error to report, no document to check
            return True
        return not readable  # a broken rule file is reported even when no file could be read

    def process(self, source) -> LoadError | _Settled:
        """The source's settled result, from the cache or checked now; or why it
        cannot be checked."""
        if isinstance(source, LoadError):
            return source
        data = read_bytes(source)
        if isinstance(data, LoadError):
            return data
        loaded = document_from(source, data)
        if isinstance(loaded, LoadError):
            return loaded
        doc, comments = loaded
        if self.options.date and not doc.date:
            from dataclasses import replace
            doc = replace(doc, date=self.options.date)
        key = self._key(source, data) if self.cache is not None else None
        hit = self.cache.get(key, doc) if key and self.cache.has(key) else None
        if hit is not None:
            result, notices, records, names = hit
            notices = list(notices)
        else:  # not stored, or the entry is corrupt: check it again
            result, notices, records, names = self.check(doc, key)
        result, (suppressed, baselined) = _accepted(result, comments, self.options, self.baseline)
        return _Settled(stored(result), _for_cross_stage(result), records, names, notices,
                        suppressed, baselined)

    def _key(self, source: Source, data: bytes) -> str:
        from checker.detectors.expected_language import expected_language

        expected = expected_language(source.display, self.options.languages) or ""
        return self.cache.key(data, format_of(source), f"{expected}\x1f{self.options.date or ''}")

    def check(self, doc: Document, key: str | None = None):
        """(result, notices, claim records, names), stored in the cache under ``key``."""
        self.prepare()
        notices: list[str] = []
        result, records, names = _check(doc, self.detectors, self.ctx, notices)
        if key is not None and not any(map(is_rule_failure, notices)):  # never keep a partial result
            self.cache.put(key, result, notices, records, names)
            if self.cache.broken:
                notices.append(self.cache.broken)
        return result, notices, records, names


_FORKED: _Worker | None = None
_PARALLEL_FROM = 16  # fewer documents than this are not worth the fork
_FREEZE_EVERY = 256  # documents


def _in_forked_worker(source) -> LoadError | _Settled:
    return _FORKED.process(source)


def _outcomes(worker: _Worker, sources: list, options: RunOptions,
              progress: ProgressCallback | None = None):
    """(source, outcome) in the order of ``sources``; an outcome is a LoadError
    or a _Settled result.

    With workers (``options.jobs`` allows, and enough sources to pay for the
    fork) the sources go to them, which read, answer from the cache or check,
    and settle each; the run's process only reads the files' bytes once first,
    when the cache is on, to know whether the rule data must be loaded before
    the fork (a run the cache answers wholly loads none). In one process each
    source is processed in turn, and the rule data loaded when first needed.
    """
    from checker.parallel import WorkerDied, can_fork, cpu_count, fork_pool, ordered_map

    jobs = options.jobs or cpu_count()
    if options.use_lm and any(getattr(d, "detector", "") == "lm" for d in worker.detectors):
        jobs = 1  # the model already uses every core, and torch does not survive fork
    if jobs < 2 or len(sources) < _PARALLEL_FROM or not can_fork():
        # one process: the first document to check loads the rule data (check),
        # so each file is read once
        documents = 0
        for source in sources:
            outcome = worker.process(source)
            documents += not isinstance(outcome, LoadError)
            yield source, outcome
        if not documents:
            worker.prepare()  # a broken rule file is reported even when no file could be read
        return
    if worker.needs_rules(sources, progress):
        worker.prepare()  # before the fork: the workers share it
    # Language models and word lists are not loaded before the fork: each worker
    # loads those its documents need, both at once. Loading them all here first
    # (to share one copy) kept the other core idle for 7-8 s and saved no memory
    # in all (measured: 21-24 s vs 17 s over 2,000 articles, ~880 MB either way).
    global _FORKED
    _FORKED = worker  # the workers fork at the first task and find it there
    try:
        chunk = max(1, min(32, len(sources) // (jobs * 8)))
        outcomes = ordered_map(fork_pool(jobs), _in_forked_worker, sources, chunksize=chunk)
        yield from zip(sources, outcomes)
    except WorkerDied as exc:
        raise PipelineError(str(exc)) from None
    finally:
        _FORKED = None


def _shown(source) -> str:
    return source.display if isinstance(source, Source) else source.path


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


RULE_FAILURE = "internal error"


def is_rule_failure(notice: str) -> bool:
    """Whether a run's notice reports a rule that raised (an error of the run itself)."""
    return notice.startswith(RULE_FAILURE + ":")


def check_document(doc: Document, detectors: list[Detector], ctx: CheckContext,
                   notices: list[str], language: str | None = None) -> DocumentResult:
    """Every per-document stage, for one document."""
    return _check(doc, detectors, ctx, notices, language)[0]


def _check(doc: Document, detectors: list[Detector], ctx: CheckContext,
           notices: list[str], language: str | None = None) -> tuple[DocumentResult, list, dict]:
    """check_document, and what the cross stage needs of the document: its
    internal claim records and the names its text spells."""
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
            # a bug in one rule: the rest of the document and of the batch is still
            # checked, and the run says so and exits 2 (checker.cli)
            notices.append(f"{RULE_FAILURE}: rule {detector.id} failed on {doc.path} "
                           f"({type(exc).__name__}: {exc}); its findings there are missing")
    ctx.forget_facts()  # the run keeps no article text
    findings = _dedupe(_drop_explained_model_findings(_outside_markup(doc, findings)))
    records, claims = _claims(doc)
    verdict = _machine_translation(doc, findings)
    return DocumentResult(document=doc, findings=tuple(findings), claims=claims,
                          machine_translation=verdict), records, _names(doc)


def _unavailable_message(exc: Exception) -> str | None:
    """The notice for a detector whose model is not available, else None."""
    try:
        from checker.models import ModelUnavailable
    except ImportError:
        return None
    return str(exc) if isinstance(exc, ModelUnavailable) else None


def _outside_markup(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings not lying wholly in a Markdown article's markup (its
    front-matter keys, its code: ``checker.load.markdown``), where no rule of
    prose applies; one place for every rule, the model's too."""
    if doc.format != "markdown" or not findings:
        return findings
    from checker.load.markdown import markup_spans

    spans = markup_spans(doc)
    if not spans:
        return findings
    import bisect

    starts = [s for s, _ in spans]

    def inside(f: Finding) -> bool:
        i = bisect.bisect_right(starts, f.start) - 1
        return i >= 0 and f.end <= spans[i][1]

    return [f for f in findings if not inside(f)]


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


def _claims(doc: Document) -> tuple[list, tuple]:
    """(internal records, claims) of a document: the records feed the cross stage."""
    extract = _optional("checker.claims", "extract")
    if extract is None:
        return [], ()
    from checker.claims.tables import load_tables

    tables = load_tables()
    records = extract(doc, tables)
    return records, tuple(r.to_core(tables) for r in records)


def _names(doc: Document) -> dict:
    """The names the document spells, for the cross stage's spelling variants."""
    try:
        from checker.claims.variants import names_in
    except ImportError:
        return {}
    return names_in(doc)


def _for_cross_stage(result: DocumentResult) -> DocumentResult:
    """What the cross stage reads of a result, kept for the whole run: the claims
    and the document's path, language and date. Its text, findings, segments
    and sentences wait on disk with the full result (the names the text spells
    travel beside it)."""
    from dataclasses import replace

    return DocumentResult(replace(result.document, text="", segments=(), sentences=()),
                          claims=result.claims)


def _cross_document(results: list[DocumentResult], records: list[list] | None = None,
                    names: list[dict] | None = None):
    """Verdicts across documents (and within each). Without ``records`` or
    ``names`` they are found again from the documents' texts."""
    try:
        from checker.claims import cross_check
    except ImportError:
        return ()
    return tuple(cross_check([(r.document, r.claims) for r in results], groups=records,
                             names=names))


def _machine_translation(doc: Document, findings: list[Finding]):
    machine_translation_verdict = _optional("checker.verdict", "machine_translation_verdict")
    if machine_translation_verdict is None:
        return None
    try:
        return machine_translation_verdict(doc, findings)
    finally:
        _optional("checker.verdict", "forget_sources")()  # the detectors' notes on this document


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
