"""Aligning claims that speak of the same quantity, subject and time; verdicts.

Two claims are *comparable* when they count the same concept (after the
qualifier: drones launched vs drones shot down), in convertible units, over the
same period (their ``when`` intervals overlap, or neither has one), at the same
rate (per month vs per year are not compared), both stated or both forecast,
for the same side ("soldats russes" vs "soldats ukrainiens" are not), and for
the same places (two different towns are two scopes). Comparable claims are
*consistent* when the value intervals their wording allows overlap ("près de
100.000" covers 85,000-100,000; "100,000" covers itself), else they
*contradict*.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from checker.claims import lexicon as L
from checker.claims.dates import parse_iso
from checker.claims.extract import XClaim
from checker.claims.tables import Tables
from checker.core import CrossCheck, Severity

_ISO_FORM = re.compile(r"(\d{4}|-)-(\d{2})(?:-(\d{2}))?|(\d{4})")
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


@lru_cache(maxsize=65536)  # pure, and asked for the same pairs of times across an archive
def _times_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    if a.endswith("/..") != b.endswith("/.."):
        return False
    if a.startswith("--") or b.startswith("--"):
        # no year known on one side: compare month and day only
        return a.lstrip("-")[-5:] == b.lstrip("-")[-5:] if "/" not in a + b else a[-5:] == b[-5:]
    a0, a1 = parse_iso(a)
    b0, b1 = parse_iso(b)
    if None in (a0, b0):
        return False
    a1 = a1 or a0
    b1 = b1 or b0
    overlap = a0 <= b1 and b0 <= a1
    if not overlap:
        return False
    # a day inside a month is a different scope (daily toll vs monthly toll)
    span_a, span_b = (a1 - a0).days, (b1 - b0).days
    return abs(span_a - span_b) <= 2


def _same_story(a: XClaim, b: XClaim) -> bool:
    """Two undated claims of two articles: the same story only if the articles
    appeared within three days of each other or, when a date is unknown, the
    claims share a place, person or body (a country alone is too common)."""
    if a.doc_date and b.doc_date:
        near = _published_near(a.doc_date, b.doc_date)
        if near is not None:
            return near
    return bool(a.specific & b.specific)


@lru_cache(maxsize=65536)  # a run's articles have a few hundred dates, met in many pairs
def _published_near(date_a: str, date_b: str) -> bool | None:
    """Whether two articles' dates are at most three days apart (None: one is not a date)."""
    da, _ = parse_iso(date_a[:10])
    db, _ = parse_iso(date_b[:10])
    if da and db:
        return abs((da - db).days) <= 3
    return None


def comparable(a: XClaim, b: XClaim, tables: Tables, same_doc: bool = False) -> bool:
    if not (a.align and b.align) or a.key != b.key:
        return False
    if a.unit != b.unit and tables.units[a.unit].dimension != tables.units[b.unit].dimension:
        return False
    if (a.rate is None) != (b.rate is None):
        return False  # a total and a rate are different quantities
    if a.vague and b.vague:
        return False  # "hundreds" vs "thousands": too loose to judge
    if a.modal != b.modal:
        return False
    if a.side and b.side and not (a.side & b.side):
        return False
    if a.places and b.places and not (a.places & b.places):
        return False
    if a.when != b.when and not _times_compatible(a.when, b.when):
        return False
    if same_doc:
        if a.sentence == b.sentence or a.another or b.another:
            return False
        if set(a.entities).isdisjoint(b.entities) and (a.entities or b.entities):
            return False
    else:
        if a.entities and b.entities and set(a.entities).isdisjoint(b.entities):
            # different actors and no shared date: different subjects
            if not (a.when and b.when):
                return False
        if a.when is None and b.when is None and not _same_story(a, b):
            return False
    if a.part_of or b.part_of:
        return False
    return True


def _per_year(c: XClaim) -> float:
    return L.PERIODS["year"] / L.PERIODS[c.rate] if c.rate else 1.0


def _yearly_bounds(c: XClaim, tables: Tables) -> tuple[float, float]:
    lo, hi = c.bounds(tables)
    return lo * _per_year(c), hi * _per_year(c)


def consistent(a: XClaim, b: XClaim, tables: Tables, yearly=None) -> bool:
    """Whether the values a and b allow overlap. ``yearly``: a claim's bounds per
    year, when the caller keeps them (the same numbers as computed here)."""
    alo, ahi = yearly(a) if yearly else _yearly_bounds(a, tables)
    blo, bhi = yearly(b) if yearly else _yearly_bounds(b, tables)
    if a.rate != b.rate:  # 250,000 a month vs 3 million a year: month lengths round
        alo, ahi = alo * 0.99, ahi * 1.01
    if a.unit != b.unit:  # converted: allow the rounding of the conversion
        alo, ahi = alo * 0.98, ahi * 1.02
    return alo <= bhi and blo <= ahi


# ------------------------------------------------------------------ messages
@lru_cache(maxsize=65536, typed=True)  # each claim's value is written in every verdict it is in
def _fmt(v: float) -> str:
    if v >= 1e9 and v % 1e7 == 0:
        return f"{v / 1e9:,g} billion"
    if v >= 1e6 and v % 1e4 == 0:
        return f"{v / 1e6:,g} million"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:g}"


def _unit_word(c: XClaim, tables: Tables) -> str:
    if c.unit == "count":
        return c.label
    return c.unit + f" ({c.concept.replace('-', ' ')})"


_APPROX_WORDS = {"about": "about ", "below": "nearly ", "at-least": "at least ", "at-most": "at most "}


def describe(c: XClaim) -> str:
    if c.high is not None:
        return f"{_fmt(c.value)}–{_fmt(c.high)}"
    return _APPROX_WORDS.get(c.approx, "") + _fmt(c.value)


@lru_cache(maxsize=4096)  # a run's verdicts name the same few dates
def describe_when(iso: str | None) -> str:
    if not iso:
        return "no date given"

    def one(x: str) -> str:
        # ISO 8601 forms the extractor writes: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM
        match = _ISO_FORM.fullmatch(x)
        if not match:
            return x
        year, month, day, year_only = match.groups()
        if year_only:
            return year_only
        name = _MONTHS_EN[int(month) - 1]
        date = f"{int(day)} {name}" if day else name
        return date if year == "-" else f"{date} {year}"
    if "/" in iso:
        a, b = iso.split("/", 1)
        if b == "..":
            return f"since {one(a)}"
        if a[:7] == b[:7] and len(a) == len(b) == 10:
            return f"the night of {int(a[8:])}–{int(b[8:])} {_MONTHS_EN[int(a[5:7]) - 1]} {a[:4]}"
        return f"{one(a)} to {one(b)}"
    return one(iso)


def _scope(a: XClaim) -> str:
    s = describe_when(a.when)
    if a.rate:
        s += f", per {a.rate}"
    return s


def verdict(a: XClaim, b: XClaim, tables: Tables, within: bool = False, ok: bool | None = None) -> CrossCheck:
    """The verdict on a and b; ``ok``: consistent(a, b), when the caller knows it."""
    if ok is None:
        ok = consistent(a, b, tables)
    unit = _unit_word(a, tables)
    both = f"both for {describe_when(a.when)}" if a.when else "neither dated"
    if a.rate != b.rate:
        conv = (f"{describe(a)} {unit} per {a.rate} vs {describe(b)} per {b.rate} "
                f"(= {_fmt(round(a.value * _per_year(a)))} vs {_fmt(round(b.value * _per_year(b)))} a year)")
    elif a.rate:
        conv = f"{describe(a)} vs {describe(b)} {unit} per {a.rate}"
    elif a.unit != b.unit:
        conv = (f"{describe(a)} {a.unit} vs {describe(b)} {b.unit} "
                f"(= {_fmt(round(b.value * tables.units[b.unit].factor / tables.units[a.unit].factor, 1))} {a.unit})")
    else:
        conv = f"{describe(a)} vs {describe(b)} {unit}"
    where = "in the same text" if within else f"in {a.path.rsplit('/', 1)[-1]} and {b.path.rsplit('/', 1)[-1]}"
    if ok:
        msg = f"{conv}, {both}: consistent {where}"
    else:
        msg = f"{conv}, {both}: these figures contradict each other {where}"
    return _pair_check(a, b, ok, msg)


def _pair_check(a: XClaim, b: XClaim, ok: bool, message: str) -> CrossCheck:
    """The verdict on two claims: consistent (info) or a contradiction (error)."""
    return CrossCheck(
        kind="consistent" if ok else "contradiction",
        severity=Severity.INFO if ok else Severity.ERROR,
        claims=(a.id, b.id),
        spans=(a.span, b.span),
        message=message,
    )


def stated_arithmetic(a: XClaim, b: XClaim, tables: Tables) -> CrossCheck:
    """``b`` restates ``a`` ("250.000 obus par mois, soit 3 millions par an")."""
    factor = 1.0
    if a.rate and b.rate and a.rate != b.rate:
        factor = round(L.PERIODS[b.rate] / L.PERIODS[a.rate], 3)
        if a.rate == "month" and b.rate == "year":
            factor = 12
        elif a.rate == "week" and b.rate == "year":
            factor = 52
    alo, ahi = a.bounds(tables)
    blo, bhi = b.bounds(tables)
    alo, ahi = alo * factor, ahi * factor
    if a.unit != b.unit:
        alo, ahi = alo * 0.98, ahi * 1.02
    ok = alo <= bhi and blo <= ahi
    ua = tables.units[a.unit]
    expected = a.value * factor * ua.factor / tables.units[b.unit].factor
    how = f"{_fmt(a.value)} per {a.rate} × {_fmt(factor)} = {_fmt(expected)} per {b.rate}" if factor != 1 else \
        f"{_fmt(a.value)} {a.unit} = {_fmt(round(expected, 1))} {b.unit}"
    if ok:
        msg = f"the text's own arithmetic holds: {how}, and it says {describe(b)}"
    else:
        msg = f"the text's own arithmetic is wrong: {how}, but it says {describe(b)}"
    return _pair_check(a, b, ok, msg)


def align_across(groups: list[list[XClaim]], tables: Tables) -> list[CrossCheck]:
    """Verdicts between claims of different documents.

    For one claim and one other document, a single verdict: consistent when any
    comparable claim there agrees (the others then speak of something else),
    else a contradiction with the closest value.
    """
    out: list[CrossCheck] = []
    seen: set[tuple[str, str, str, str]] = set()
    index = []
    for g in groups:
        by_key: dict[str, list[XClaim]] = {}
        for c in g:
            if c.align:
                by_key.setdefault(c.key, []).append(c)
        index.append(by_key)
    bounds: dict[int, tuple[float, float]] = {}

    def yearly(c: XClaim) -> tuple[float, float]:  # kept: asked for every pair a claim is in
        if id(c) not in bounds:
            bounds[id(c)] = _yearly_bounds(c, tables)
        return bounds[id(c)]

    # claims that do not align have no verdict: they are passed over
    aligned = [[c for c in g if c.align] for g in groups]
    for i, j in sorted(_candidate_pairs(groups)):
        judged = _Judged(index[i], index[j], tables, yearly)
        for a in aligned[i]:
            if a.key not in index[j]:
                continue
            cands, agree = judged.of(a)
            if not cands:
                continue
            ok = bool(agree)
            if agree:
                b = min(agree, key=lambda x: abs(x.value - a.value))
            else:
                # a claim of the other document that agrees with another of ours is
                # the counterpart of that one, not of a (comparable claims share a's
                # key and align, so they are ours under that key)
                taken = judged.agreeing_with_others(a)
                cands = [b for b in cands if id(b) not in taken]
                if not cands:
                    continue
                b = min(cands, key=lambda x: abs(math.log1p(x.value) - math.log1p(a.value)))
            if (a.path, a.id, b.path, b.id) in seen:
                continue
            seen.add((a.path, a.id, b.path, b.id))
            out.append(verdict(a, b, tables, ok=ok))
    return out


class _Judged:
    """For two documents, which claims of the second are comparable with each claim
    of the first, and which of those agree with it: worked out once per key, for
    all of the first document's claims under it (the verdict on one of them also
    asks about the others')."""

    def __init__(self, mine: dict[str, list[XClaim]], theirs: dict[str, list[XClaim]], tables: Tables, yearly):
        self.mine, self.theirs, self.tables, self.yearly = mine, theirs, tables, yearly
        self.by_key: dict[str, dict[int, tuple[list[XClaim], list[XClaim]]]] = {}

    def _table(self, key: str) -> dict[int, tuple[list[XClaim], list[XClaim]]]:
        table = self.by_key.get(key)
        if table is None:
            table = self.by_key[key] = {}
            for a in self.mine[key]:
                cands = [b for b in self.theirs[key] if comparable(a, b, self.tables)]
                table[id(a)] = cands, [b for b in cands if consistent(a, b, self.tables, self.yearly)]
        return table

    def of(self, a: XClaim) -> tuple[list[XClaim], list[XClaim]]:
        """(the comparable claims, in their document's order; those that agree with a)"""
        return self._table(a.key)[id(a)]

    def agreeing_with_others(self, a: XClaim) -> set[int]:
        """The ids of the claims that agree with one of ours other than a, under a's key."""
        table = self._table(a.key)
        return {id(b) for a2 in self.mine[a.key] if a2 is not a for b in table[id(a2)][1]}


def _candidate_pairs(groups: list[list[XClaim]]) -> set[tuple[int, int]]:
    """The pairs of documents (i < j) that hold at least one comparable pair of claims.

    A superset of what ``comparable`` accepts, found by blocking rather than by
    visiting all D² pairs of an archive: claims must share a key; claims with a
    time meet those with a compatible time; undated claims (``when`` None) only
    meet undated ones of the same story, i.e. of articles
    published within three days of each other (a sliding window over the dates),
    or, when a date is unknown, of articles naming the same specific place,
    person or body (an inverted index).
    """
    timed: dict[str, dict[str, set[int]]] = {}  # key -> time -> documents
    undated: dict[str, set[int]] = {}
    specific: dict[tuple[str, str], set[int]] = {}  # (key, entity) -> documents
    doc_day: list[int | None] = []
    for i, g in enumerate(groups):
        day = None
        if g and g[0].doc_date:
            parsed, _ = parse_iso(g[0].doc_date[:10])
            day = parsed.toordinal() if parsed else None
        doc_day.append(day)
        for c in g:
            if not c.align:
                continue
            if c.when is not None:
                timed.setdefault(c.key, {}).setdefault(c.when, set()).add(i)
                continue
            undated.setdefault(c.key, set()).add(i)
            for entity in c.specific:
                specific.setdefault((c.key, entity), set()).add(i)
    pairs: set[tuple[int, int]] = set()

    def between(xs, ys) -> None:
        pairs.update((a, b) if a < b else (b, a) for a in xs for b in ys if a != b)

    for by_time in timed.values():
        # compare the distinct times (dates, months, years), then pair the documents
        # of every two compatible ones
        for t, u in _compatible_times(list(by_time)):
            between(by_time[t], by_time[u])
    for docs in specific.values():
        # two dated articles are the same story by their dates alone (below)
        between([i for i in docs if doc_day[i] is None], docs)
    for docs in undated.values():
        by_day = sorted((doc_day[i], i) for i in docs if doc_day[i] is not None)
        lo = 0
        for hi, (day, i) in enumerate(by_day):
            while by_day[lo][0] < day - 3:
                lo += 1
            between([i], [j for _, j in by_day[lo:hi]])
    return pairs


def _compatible_times(times: list[str]) -> set[tuple[str, str]]:
    """Every pair of the (distinct) times that _times_compatible accepts, each time
    with itself included, found by sorting rather than by trying all pairs (a key
    may have hundreds of dates over an archive's years)."""
    pairs = {(t, t) for t in times}
    for open_ended in (False, True):  # "since X" (X/..) only meets "since Y"
        group = [t for t in times if t.endswith("/..") == open_ended]
        # no year on one side ("--07-08"): the month and day must be the same
        by_day: dict[str, list[str]] = {}  # of times without "/"
        by_tail: dict[str, list[str]] = {}  # of times with "/"
        by_tail_all: dict[str, list[str]] = {}
        for t in group:
            if "/" not in t:
                by_day.setdefault(t.lstrip("-")[-5:], []).append(t)
            else:
                by_tail.setdefault(t[-5:], []).append(t)
            by_tail_all.setdefault(t[-5:], []).append(t)
        for t in group:
            if t.startswith("--"):
                others = by_tail_all[t[-5:]] if "/" in t else by_day[t.lstrip("-")[-5:]] + by_tail.get(t[-5:], [])
                pairs.update((t, u) for u in others if u != t)
        # both with a year: the intervals overlap and last about as long; by start
        spans = []
        for t in group:
            if not t.startswith("--"):
                first, last = parse_iso(t)
                if first is not None:
                    spans.append((first, last or first, t))
        spans.sort(key=lambda s: s[0])
        for k, (first, last, t) in enumerate(spans):
            for first_u, last_u, u in spans[k + 1:]:
                if first_u > last:
                    break  # starts after t ends, as all that follow
                if abs((last - first).days - (last_u - first_u).days) <= 2:
                    pairs.add((t, u))
    return pairs


def align_within(claims: list[XClaim], tables: Tables) -> list[CrossCheck]:
    by_id = {c.id: c for c in claims}
    out: list[CrossCheck] = []
    done: set[tuple[str, str]] = set()
    for b in claims:
        if b.equiv_of and b.equiv_of in by_id:
            a = by_id[b.equiv_of]
            if a.key == b.key and tables.units[a.unit].dimension == tables.units[b.unit].dimension:
                out.append(stated_arithmetic(a, b, tables))
                done.add((a.id, b.id))
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if (a.id, b.id) in done or not comparable(a, b, tables, same_doc=True):
                continue
            # a later claim agreeing with an earlier one is enough; report each pair once
            out.append(verdict(a, b, tables, within=True))
    return out
