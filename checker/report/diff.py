"""The corrected article: suggestions applied, and the word-level diff an editor reviews.

A finding's ``suggestion`` replaces ``text[start:end]``; ``""`` deletes it and
``None`` means the rule offers no fix. Suggestions can overlap (two rules on
the same words); only a set of non-overlapping ones can be applied, chosen
greedily by severity first, then confidence, then position, so the fix for
an error always wins over the fix for a warning on the same words.

The diff is built from the applied fixes themselves, not by comparing the
two texts afresh: the unchanged text between fixes is known to be equal, so
a 50-page article with hundreds of fixes costs linear time. Only inside each
changed region, widened to whole words, is a word-level comparison run.
"""
from __future__ import annotations

import bisect
import difflib
import functools
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from checker.core import Finding

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

# Words, runs of spaces and single other characters: what a word diff compares.
_TOKEN = re.compile(r"\w+|[^\S\n]+|\n|[^\w\s]", re.UNICODE)
_WORD_CHAR = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Fix:
    """One applied suggestion: ``text[start:end]`` becomes ``replacement``."""

    start: int
    end: int
    replacement: str
    finding: int  # index of the finding in the document's findings


class Op(NamedTuple):  # a tuple: made by the dozen per page, a frozen dataclass costs 5x
    """A piece of the diff: text both versions share, or text one of them lacks."""

    kind: str  # equal | delete | insert
    text: str
    finding: int | None = None  # the finding whose fix made this change


class DiffRow(NamedTuple):
    """One line of the side-by-side diff: an original line and what it became.

    Rows break only at line breaks both versions share, so a fix that joins or
    splits lines stays in one row.
    """

    line: int  # 1-based line number in the original text
    ops: tuple[Op, ...]

    @property
    def changed(self) -> bool:
        return any(op.kind != EQUAL for op in self.ops)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:  # insertions conflict only at the same point or inside
        if a_start == a_end and b_start == b_end:
            return a_start == b_start
        point, (lo, hi) = (a_start, (b_start, b_end)) if a_start == a_end else (b_start, (a_start, a_end))
        return lo < point < hi
    return a_start < b_end and b_start < a_end


def select_fixes(findings: Sequence[Finding]) -> list[Fix]:
    """The suggestions that can be applied together, in text order.

    Highest severity first, then highest confidence, then earliest and
    shortest; a suggestion overlapping one already chosen is left out, as is
    one that would change nothing.
    """
    candidates = [(i, f) for i, f in enumerate(findings)
                  if f.suggestion is not None and f.suggestion != f.text]
    candidates.sort(key=lambda item: (-item[1].severity.rank, -item[1].confidence,
                                      item[1].start, item[1].end - item[1].start, item[0]))
    chosen: list[Fix] = []
    starts: list[int] = []  # the chosen spans, sorted by start; they never overlap
    spans: list[tuple[int, int]] = []
    for index, f in candidates:
        pos = bisect.bisect_left(starts, f.start)
        j = max(0, pos - 2)
        clash = False
        while j < len(spans) and spans[j][0] <= f.end:
            if _overlaps(f.start, f.end, *spans[j]):
                clash = True
                break
            j += 1
        if clash:
            continue
        starts.insert(pos, f.start)
        spans.insert(pos, (f.start, f.end))
        chosen.append(Fix(f.start, f.end, f.suggestion, index))
    chosen.sort(key=lambda fix: (fix.start, fix.end))
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with every fix applied; fixes must not overlap (see select_fixes)."""
    out, pos = [], 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < pos:
            raise ValueError(f"overlapping fixes at {fix.start}")
        out.append(text[pos:fix.start])
        out.append(fix.replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


def corrected_text(text: str, findings: Sequence[Finding]) -> str:
    """The article with every applicable suggestion applied."""
    return apply_fixes(text, select_fixes(findings))


def _word_start(text: str, pos: int, floor: int) -> int:
    while pos > floor and _WORD_CHAR.match(text[pos - 1]):
        pos -= 1
    return pos


def _word_end(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and _WORD_CHAR.match(text[pos]):
        pos += 1
    return pos


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _word_ops(old: str, new: str, finding: int | None) -> list[Op]:
    """A word-level diff of two short strings."""
    return [Op(kind, text, None if kind == EQUAL else finding)
            for kind, text in _word_diff(old, new)]


@functools.lru_cache(maxsize=4096)
def _word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(kind, text) of each piece of the word-level diff of two short strings.

    Kept: an archive repeats its fixes on the same words ("mid -May", a
    boilerplate line), and comparing them (difflib) is most of a diff's cost."""
    a, b = _tokens(old), _tokens(new)
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append((DELETE, "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append((INSERT, "".join(b[j1:j2])))
    return tuple(ops)


def diff_ops(text: str, fixes: Sequence[Fix]) -> list[Op]:
    """The word-level diff of ``text`` and ``apply_fixes(text, fixes)``.

    Joining the equal and delete pieces gives the original; the equal and
    insert pieces give the corrected text.
    """
    fixes = sorted(fixes, key=lambda f: (f.start, f.end))
    # Widen each fix to whole words of the original, so "kyiv" -> "Kyiv" inside
    # "kyiv's" shows as a changed word, merging fixes whose widened regions touch.
    regions: list[tuple[int, int, list[Fix]]] = []
    for fix in fixes:
        lo = _word_start(text, fix.start, regions[-1][1] if regions else 0)
        hi = _word_end(text, fix.end, len(text))
        if regions and lo <= regions[-1][1]:
            start, _end, group = regions[-1]
            regions[-1] = (start, max(hi, _end), group + [fix])
        else:
            regions.append((lo, hi, [fix]))
    ops: list[Op] = []
    pos = 0
    for lo, hi, group in regions:
        if lo > pos:
            ops.append(Op(EQUAL, text[pos:lo]))
        new, cursor = [], lo
        for fix in group:
            new.append(text[cursor:fix.start])
            new.append(fix.replacement)
            cursor = fix.end
        new.append(text[cursor:hi])
        owner = group[0].finding if len(group) == 1 else None
        ops.extend(_word_ops(text[lo:hi], "".join(new), owner))
        pos = hi
    if pos < len(text):
        ops.append(Op(EQUAL, text[pos:]))
    return _merge(ops)


def _merge(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if not op.text:
            continue
        if out and out[-1].kind == op.kind and out[-1].finding == op.finding:
            out[-1] = Op(op.kind, out[-1].text + op.text, op.finding)
        else:
            out.append(op)
    return out


def diff_rows(ops: Sequence[Op]) -> list[DiffRow]:
    """The diff cut into rows at line breaks both versions share."""
    rows: list[DiffRow] = []
    current: list[Op] = []
    line = 1
    row_line = 1
    for op in ops:
        if op.kind != EQUAL:
            current.append(op)
            line += op.text.count("\n") if op.kind == DELETE else 0
            continue
        pieces = op.text.split("\n")
        for k, piece in enumerate(pieces):
            if piece:
                current.append(Op(EQUAL, piece))
            if k < len(pieces) - 1:  # a shared line break ends the row
                rows.append(DiffRow(row_line, tuple(current)))
                current = []
                line += 1
                row_line = line
    rows.append(DiffRow(row_line, tuple(current)))
    return rows


def old_text(ops: Iterable[Op]) -> str:
    return "".join(op.text for op in ops if op.kind != INSERT)


def new_text(ops: Iterable[Op]) -> str:
    return "".join(op.text for op in ops if op.kind != DELETE)
