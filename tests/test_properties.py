"""Any text through the whole rules-only pipeline keeps the report's invariants."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.core import Document, Report
from checker.load.markdown import markup_spans
from checker.detectors import CheckContext, select
from checker.pipeline import RunOptions, check_document
from checker.report import json_report
from checker.rules import RuleBook
from checker.suppress import apply_directives, directives, fingerprints

_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        options = RunOptions(use_lm=False)
        _CTX = (CheckContext(rulebook=RuleBook.load(), options={"no_lm": not options.use_lm}),
                select())
        for detector in _CTX[1]:
            if hasattr(detector, "prepare"):
                detector.prepare(_CTX[0])
    return _CTX


WORDS = ["Kyiv", "kyiv", "mid", "-May", "the", "le", "der", " -", "—", "1.250", "6 000",
         "drones", "drone", "km", "%", "«", "»", "M.", "Dr.", "...", "!!", "  ", "\n", "\n\n",
         "<!-- mtcheck-disable TY- -->", "<!-- mtcheck-enable -->", "# mtcheck: ignore[CS-]",
         "Ukraine", "ukrainiens", "à", "10h", "à 22 h", "728", "ceasefire", "é", "\t", "\u00a0",
         "ﬁ", "🙂", "\u202f", "'", "’", "Zelensky", "Zelenskyy", "elle", "il", "he", "she",
         # Markdown markup: front matter, fences, inline code, table rows
         "---\n", "title:", "date: 2025-07-10", "```", "`", "~~~", "|---|---|", "| a | b |"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["text", "markdown"]))
def test_report_invariants(text, fmt):
    ctx, detectors = _context()
    notices: list[str] = []
    result = check_document(Document(path="p.txt", text=text, format=fmt), detectors, ctx, notices)
    doc = result.document
    assert doc.text == text
    for a, b in markup_spans(doc):  # no rule reports what is markup
        assert 0 <= a <= b <= len(text)
        assert not any(a <= f.start and f.end <= b for f in result.findings)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert 0.0 <= f.confidence <= 1.0
    for c in result.claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text
    for seg in doc.segments:
        assert 0 <= seg.start < seg.end <= len(text)
    for sent in doc.sentences:
        assert 0 <= sent.start < sent.end <= len(text)
    kept, count = apply_directives(result.findings, directives(doc))
    assert len(kept) + count == len(result.findings)
    assert len(set(fingerprints(doc, result.findings))) == len(result.findings)
    data = json.loads(json_report.render(Report(documents=(result,))))
    assert data["documents"][0]["path"] == "p.txt"
    for f in data["documents"][0]["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
