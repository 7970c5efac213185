"""The records every pipeline stage speaks.

All are frozen dataclasses: a stage never mutates what it was given, it
returns a new record (``dataclasses.replace``). Offsets are Python ``str``
indices into ``Document.text``, the decoded text exactly as the report shows
it, so ``doc.text[f.start:f.end] == f.text`` always holds.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """What an editor must do: fix a wrong meaning or fact, improve, or tidy."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: "Severity") -> bool:  # type: ignore[override]
        return self.rank >= Severity(other).rank

    def __gt__(self, other: "Severity") -> bool:  # type: ignore[override]
        return self.rank > Severity(other).rank

    def __le__(self, other: "Severity") -> bool:  # type: ignore[override]
        return self.rank <= Severity(other).rank

    def __lt__(self, other: "Severity") -> bool:  # type: ignore[override]
        return self.rank < Severity(other).rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

# The categories of the report contract (docs/REPORT_CONTRACT.md).
CATEGORIES = (
    "mistranslation", "calque", "source-spelling", "untranslated", "unit-or-number",
    "spacing", "pronoun-gender", "entity-variant", "garbled", "boilerplate", "typo",
    "fluency", "number-format", "mixed-language",
)


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of a document's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A paragraph with the language identified for it."""

    start: int
    end: int
    language: str | None  # ISO 639-1, None when the paragraph has no letters
    confidence: float


@dataclass(frozen=True)
class Document:
    """One article: its decoded text and what the early stages learnt of it."""

    path: str  # as given on the command line, relative to the cwd
    text: str
    format: str = "text"  # text | markdown | html
    language: str | None = None
    language_confidence: float = 0.0
    segments: tuple[Segment, ...] = ()
    sentences: tuple[Span, ...] = ()
    date: str | None = None  # ISO date of publication, when known

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col

    def segment_at(self, offset: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return None

    def sentence_at(self, offset: int) -> Span | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None


@dataclass(frozen=True)
class Finding:
    """One problem at one span, as the report contract describes it."""

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    detector: str = "rules"

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r} (rule {self.rule})")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end} (rule {self.rule})")


@dataclass(frozen=True)
class MachineTranslationVerdict:
    likely: bool
    score: float
    source_language: str | None


@dataclass(frozen=True)
class Claim:
    """A numeric statement: how many of what, about whom, when."""

    id: str  # "<file name>#c<n>", unique in a report
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    quantity: str | None
    approx: str = "exact"  # exact | about | at-least | at-most
    when: str | None = None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrossSpan:
    path: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CrossCheck:
    """A verdict relating claims or names of several documents."""

    kind: str  # contradiction | consistent | entity-variant
    severity: Severity
    claims: tuple[str, ...]
    spans: tuple[CrossSpan, ...]
    message: str


@dataclass(frozen=True)
class LoadError:
    """A file that could not be checked, and why, in words."""

    path: str
    message: str


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    findings: tuple[Finding, ...] = ()
    claims: tuple[Claim, ...] = ()
    machine_translation: MachineTranslationVerdict | None = None


@dataclass(frozen=True)
class DocumentSummary:
    """What the index, the totals and the gate need of one document.

    A run keeps one per document, with its claims, while the full result
    (text, findings, segments) waits on disk (``checker.results``).
    """

    path: str
    language: str | None
    language_confidence: float
    other_languages: tuple[tuple[str, int], ...]  # (language, paragraphs), most first
    machine_translation: MachineTranslationVerdict | None
    counts: tuple[tuple[str, int], ...]  # findings per severity: error, warning, info
    rules: tuple[tuple[str, int], ...]  # findings per rule, in order of first finding
    claims: tuple[Claim, ...]

    @classmethod
    def of(cls, result: DocumentResult) -> "DocumentSummary":
        doc = result.document
        others: dict[str, int] = {}
        for seg in doc.segments:
            if seg.language and seg.language != doc.language:
                others[seg.language] = others.get(seg.language, 0) + 1
        counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        rules: dict[str, int] = {}
        for f in result.findings:
            counts[f.severity.value] += 1
            rules[f.rule] = rules.get(f.rule, 0) + 1
        return cls(doc.path, doc.language, doc.language_confidence,
                   tuple(sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))),
                   result.machine_translation, tuple(counts.items()), tuple(rules.items()),
                   result.claims)


@dataclass(frozen=True)
class GateResult:
    fail_on: Severity
    passed: bool
    never: bool = False  # --fail-on never: report only, the gate always passes


@dataclass(frozen=True)
class Report:
    """Everything one run found; reporters render it and never add to it."""

    # a tuple, or a run's results kept on disk and read back one at a time
    # (checker.results.Results): iterate, index or len() it, never hold it whole
    documents: Sequence[DocumentResult]
    cross_document: tuple[CrossCheck, ...] = ()
    errors: tuple[LoadError, ...] = ()
    gate: GateResult = field(default_factory=lambda: GateResult(Severity.ERROR, True))
    notices: tuple[str, ...] = ()  # said once per run, e.g. "LM detector skipped"
    signature: dict = field(default_factory=dict)  # versions and settings, as sacrebleu does

    def summaries(self) -> Sequence[DocumentSummary]:
        """One DocumentSummary per document, in order: a run's results keep theirs."""
        kept = getattr(self.documents, "summaries", None)
        return kept if kept is not None else tuple(DocumentSummary.of(r) for r in self.documents)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for summary in self.summaries():
            for severity, n in summary.counts:
                counts[severity] += n
        return counts
