"""The records every pipeline stage speaks.

All are frozen dataclasses: a stage never mutates what it was given, it
returns a new record (``dataclasses.replace``). Offsets are Python ``str``
indices into ``Document.text``, the decoded text exactly as the report shows
it, so ``doc.text[f.start:f.end] == f.text`` always holds.
"""
from __future__ import annotations

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
class GateResult:
    fail_on: Severity
    passed: bool
    never: bool = False  # --fail-on never: report only, the gate always passes


@dataclass(frozen=True)
class Report:
    """Everything one run found; reporters render it and never add to it."""

    documents: tuple[DocumentResult, ...]
    cross_document: tuple[CrossCheck, ...] = ()
    errors: tuple[LoadError, ...] = ()
    gate: GateResult = field(default_factory=lambda: GateResult(Severity.ERROR, True))
    notices: tuple[str, ...] = ()  # said once per run, e.g. "LM detector skipped"
    signature: dict = field(default_factory=dict)  # versions and settings, as sacrebleu does

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for result in self.documents:
            for finding in result.findings:
                counts[finding.severity.value] += 1
        return counts
