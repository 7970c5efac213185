"""What a detector is, and the documentation generated from its docstring.

A detector is a small class with a stable rule id and a docstring with four
headed sections, as ruff's rules have; that docstring *is* the rule's page in
``mtcheck rule ID`` and docs/rules.md, so the documentation cannot drift from
the code::

    class SpacedHyphen(Detector):
        '''Flags a hyphen with a space before it inside a word.

        ## What it flags
        ...
        ## Why it matters
        ...
        ## Example
        ...
        ## Fix
        ...
        '''
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from checker.core import Document, Finding, Severity

if TYPE_CHECKING:
    from checker.detectors.facts import DocumentFacts
    from checker.rules import RuleBook

DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Fix")


@dataclass
class CheckContext:
    """What detectors share during one run: rule data and run-wide settings.

    Heavy resources are loaded on first use, so a run that does not need them
    (``mtcheck --help``, a rules-only run) never pays for them.
    """

    rulebook: "RuleBook | None" = None
    options: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict)
    _facts: "DocumentFacts | None" = field(default=None, repr=False)

    def resource(self, name: str, factory):
        if name not in self._cache:
            self._cache[name] = factory()
        return self._cache[name]

    def facts(self, doc: Document) -> "DocumentFacts":
        """The facts several detectors read of ``doc``, computed once for it
        (checker.detectors.facts). Those of the last document are kept, and that
        document with them, until the next one asks."""
        if self._facts is None or self._facts.doc is not doc:
            from checker.detectors.facts import DocumentFacts

            self._facts = DocumentFacts(doc)
        return self._facts

    def forget_facts(self) -> None:
        """Let go of the last document's facts, and of the document with them."""
        self._facts = None


class WordVerdicts:
    """A detector's judgement of single words, remembered from one article to
    the next: an archive's articles share most of their words, so each is
    judged once. The words an article has that no earlier one had are found
    by set operations (C speed). Bounded: past ``limit`` words, it starts
    afresh, as an archive's vocabulary keeps growing.

    ``judge(word)`` must depend on the word alone; None means nothing to say.
    """

    def __init__(self, judge: Callable[[str], Any], limit: int) -> None:
        self.judge, self.limit = judge, limit
        self.verdicts: dict[str, Any] = {}  # every word judged -> its verdict
        self.flagged: dict[str, Any] = {}  # the words whose verdict is not None

    def flagged_among(self, words: set[str]) -> dict[str, Any]:
        """word -> verdict, for the words of ``words`` with a verdict."""
        new = words.difference(self.verdicts)
        if len(self.verdicts) + len(new) > self.limit:
            self.verdicts.clear()
            self.flagged.clear()
            new = words
        for word in new:
            verdict = self.verdicts[word] = self.judge(word)
            if verdict is not None:
                self.flagged[word] = verdict
        return {word: self.flagged[word] for word in self.flagged.keys() & words}


class Detector:
    """Base class; subclasses set the class attributes and implement check()."""

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    detector: ClassVar[str] = "rules"  # the finding's `detector` field
    # Languages of the text the rule applies to; None means any language.
    languages: ClassVar[frozenset[str] | None] = None

    def applies_to(self, doc: Document) -> bool:
        return self.languages is None or doc.language in self.languages

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, doc: Document, start: int, end: int, message: str, *,
                suggestion: str | None = None, confidence: float = 1.0,
                severity: Severity | None = None, category: str | None = None,
                rule: str | None = None) -> Finding:
        return Finding(
            rule=rule or self.id,
            category=category or self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            text=doc.text[start:end],
            message=message,
            suggestion=suggestion,
            confidence=round(confidence, 3),
            detector=self.detector,
        )


@dataclass(frozen=True)
class RuleDoc:
    id: str
    summary: str
    sections: dict[str, str]
    category: str
    severity: str
    detector: str

    def render(self) -> str:
        lines = [f"# {self.id}", "", self.summary, "",
                 f"Category: {self.category}. Default severity: {self.severity}. "
                 f"Detector: {self.detector}.", ""]
        for name in DOC_SECTIONS:
            lines += [f"## {name}", self.sections[name], ""]
        return "\n".join(lines).rstrip() + "\n"


_HEADING = re.compile(r"^## (.+?)\s*$", re.M)


def rule_doc(detector: type[Detector]) -> RuleDoc:
    """Parse a detector's docstring into its documentation page."""
    import inspect

    doc = inspect.cleandoc(detector.__doc__ or "")
    parts = _HEADING.split(doc)
    summary = parts[0].strip()
    sections = {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    missing = [name for name in DOC_SECTIONS if not sections.get(name)]
    if not summary or missing:
        raise ValueError(f"{detector.__name__} ({getattr(detector, 'id', '?')}): docstring "
                         f"needs a summary and the sections {DOC_SECTIONS}; missing {missing}")
    return RuleDoc(detector.id, summary, sections, detector.category,
                   detector.severity.value, detector.detector)
