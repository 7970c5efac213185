"""html.pieces_by_line cuts the text between the places where a finding or a
claim starts or ends, at the line breaks there; before, it swept over every
line break as well. Both give the same pieces, for awkward input too:
findings overlapping, nested, at line ends, spanning lines, of line breaks
only, zero-length, past the end of the text; claims ending before they start;
empty documents, lone surrogates, markup characters."""
from __future__ import annotations

import random
from collections import defaultdict
from typing import Iterable

import pytest

from checker.core import Finding, Severity
from checker.report.html import _LETTER, Piece, pieces_by_line


def pieces_by_line_before(text: str, findings: tuple[Finding, ...],
                          claims: Iterable[tuple[str, int, int]] = ()) -> list[list[Piece]]:
    """html.pieces_by_line as it was written before its sweep skipped the
    line breaks between marks: a bound at every finding, claim and line break."""
    n = len(text)
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    points: dict[int, list[int]] = defaultdict(list)
    bounds = {0, n}
    for i, f in enumerate(findings):
        s, e = min(f.start, n), min(f.end, n)
        if s == e:
            points[s].append(i)
            bounds.add(s)
            continue
        starts[s].append(i)
        ends[e].append(i)
        bounds.update((s, e))
    c_starts: dict[int, list[str]] = defaultdict(list)
    c_ends: dict[int, list[str]] = defaultdict(list)
    for anchor, s, e in claims:
        s, e = min(s, n), min(max(e, s), n)
        c_starts[s].append(anchor)
        c_ends[e].append(anchor)
        bounds.update((s, e))
    pos = text.find("\n")
    while pos != -1:
        bounds.update((pos, pos + 1))
        pos = text.find("\n", pos + 1)
    order = sorted(bounds)
    severity = [f.severity.value for f in findings]
    rank = {"error": 2, "warning": 1, "info": 0}
    active: set[int] = set()
    active_claims: list[str] = []
    lines: list[list[Piece]] = [[]]
    pending_begins: list[int] = []
    pending_claims: list[str] = []
    for k, a in enumerate(order):
        for i in ends.get(a, ()):
            active.discard(i)
        for c in c_ends.get(a, ()):
            if c in active_claims:
                active_claims.remove(c)
        new_claims = c_starts.get(a, ())
        for c in new_claims:
            if c not in active_claims:
                active_claims.append(c)
        begin = starts.get(a, ())
        active.update(begin)
        if pending_begins or pending_claims:  # carried over a line break
            begin = tuple(pending_begins) + tuple(begin)
            new_claims = tuple(pending_claims) + tuple(new_claims)
            pending_begins, pending_claims = [], []
        if a in points:
            pts = tuple(points[a])
            top = max((severity[i] for i in pts), key=rank.__getitem__)
            lines[-1].append(Piece("", findings=pts, begins=pts, caret=pts, sev=top,
                                   badge=_LETTER[top],
                                   cats=" ".join(sorted({findings[i].category for i in pts}))))
        if k + 1 >= len(order):
            break
        b = order[k + 1]
        chunk = text[a:b]
        if chunk == "\n":
            lines.append([])
            pending_begins.extend(begin)
            pending_claims.extend(new_claims)
            continue
        ids = tuple(sorted(active))
        gone = [i for i in begin if i not in active]  # a finding of line breaks only
        if gone:
            lines[-1].append(Piece("", findings=tuple(gone), begins=tuple(gone),
                                   caret=tuple(gone), sev=severity[gone[0]],
                                   badge=_LETTER[severity[gone[0]]],
                                   cats=findings[gone[0]].category))
            begin = tuple(i for i in begin if i in active)
        piece = Piece(chunk, findings=ids, claims=tuple(active_claims),
                      begins=tuple(sorted(begin)), claim_anchors=tuple(new_claims))
        if ids:
            piece.sev = max((severity[i] for i in ids), key=rank.__getitem__)
            piece.cats = " ".join(sorted({findings[i].category for i in ids}))
            if piece.begins:
                piece.badge = _LETTER[max((severity[i] for i in piece.begins),
                                          key=rank.__getitem__)]
        lines[-1].append(piece)
    return lines


CATEGORIES = ("typo", "spacing", "calque", "garbled")
ALPHABET = ("a", "bc", " ", "\n", "\n\n", "<b>", "&amp;", "\"", "é", "\ud800", "😀", "\r", "\t")


def finding(rng: random.Random, n: int, i: int) -> Finding:
    start = rng.randint(0, n + 2)
    end = start if rng.random() < 0.2 else rng.randint(start, n + 3)
    return Finding(f"R{i}", rng.choice(CATEGORIES), rng.choice(list(Severity)), start, end,
                   "x", "m")


def claim(rng: random.Random, n: int) -> tuple[str, int, int]:
    start = rng.randint(0, n + 1)
    return f"claim-{rng.randint(0, 5)}", start, rng.randint(max(0, start - 3), n + 2)


@pytest.mark.parametrize("seed", range(40))
def test_random_texts_findings_and_claims_give_the_same_pieces(seed):
    rng = random.Random(seed)
    for _ in range(100):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
        findings = tuple(finding(rng, len(text), i) for i in range(rng.randint(0, 8)))
        claims = [claim(rng, len(text)) for _ in range(rng.randint(0, 4))]
        assert pieces_by_line(text, findings, claims) == \
            pieces_by_line_before(text, findings, claims), (text, findings, claims)


def at(start: int, end: int, severity=Severity.WARNING, category="typo") -> Finding:
    return Finding("R", category, severity, start, end, "x", "m")


@pytest.mark.parametrize("text, findings, claims", [
    ("", (), ()),
    ("", (at(0, 0),), [("claim-a", 0, 0)]),
    ("\n", (at(0, 1),), ()),  # a finding of a line break only
    ("a\n\n\nb", (at(1, 2, Severity.ERROR), at(1, 3), at(2, 2)), [("claim-a", 1, 2)]),
    ("line one\nline two\n", (at(4, 9), at(8, 8), at(17, 17)), [("claim-a", 5, 13)]),
    ("<script>&amp;\ud800\n😀</script>", (at(0, 8), at(2, 20)), [("claim-a", 8, 30)]),
    ("plain\nlines\nonly", (), ()),
    ("end", (at(1, 99), at(50, 60)), [("claim-a", 2, 1)]),
])
def test_awkward_cases_give_the_same_pieces(text, findings, claims):
    assert pieces_by_line(text, findings, claims) == pieces_by_line_before(text, findings, claims)
