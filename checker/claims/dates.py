"""Dates and periods written in news text, resolved to ISO dates or intervals.

``find_dates(text, lang, doc_date)`` finds "this Thursday, July 10",
"the night of Tuesday, July 8 to Wednesday, July 9", "le 9 mai", "в ночь с 8 на
9 июля", "in June", "en 2024", "yesterday", "since February 2022"... and
resolves each against the article's date when known, else against the
nearest full date written in the text; a weekday fixes a missing year ("Tuesday,
July 8" is 2025 next to a mention of 2024). A date without a known year is
written ``--MM-DD``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.claims import lexicon as L
from checker.scanning import not_after, word_alternation

_SINCE = {
    "en": ("since", "since the start of", "since the beginning of"),
    "fr": ("depuis", "depuis le début de", "depuis le mois de"),
    "de": ("seit",), "es": ("desde",), "ru": ("с начала", "с", "начиная с"),
    "uk": ("з початку", "від початку", "з", "починаючи з"),
}
_LAST_YEAR = {
    "en": ("last year",), "fr": ("l'année dernière", "l'an dernier", "l'année passée"),
    "de": ("letztes jahr", "im vergangenen jahr", "vergangenes jahr", "im letzten jahr"),
    "es": ("el año pasado",), "ru": ("в прошлом году",), "uk": ("минулого року", "торік"),
}
_THIS_YEAR = {
    "en": ("this year",), "fr": ("cette année",), "de": ("dieses jahr", "in diesem jahr"),
    "es": ("este año",), "ru": ("в этом году",), "uk": ("цього року", "в цьому році", "у цьому році"),
}
_INTERVAL_JOIN = re.compile(r"\s*(?:to|au|à|a|-|–|—|zum|zu|auf|bis|al|на|по|до|and)\s+(?:the\s+|den\s+|le\s+|el\s+)?",
                            re.I)
_NIGHT_OF = re.compile(r"(?<!\w)(?:of|de|du|vom|del|on|во?|у|в)\s*$", re.I)
_NIGHT_TO = re.compile(r"(?:zum|на)\s*$", re.I)
_NIGHT_BEFORE = re.compile(r"(?:nacht\s+zum|ночь\s+на|ніч\s+на)\s*$", re.I)
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_SPACE_RUNS = re.compile(r"\s+")
_YEAR_SHAPE = re.compile(r"(?:1" + not_after(r"\d") + r"9|2" + not_after(r"\d") + r"0)\d\d(?!\d)")  # 19xx, 20xx
# Characters re.IGNORECASE equates with a letter of the date words although str.lower()
# does not (dotted and dotless i, long s, old Cyrillic forms); see find_dates.
_CASE_ODD_CHARS = "İıſ" + "".join(map(chr, range(0x1C80, 0x1C89)))
_CASE_ODD = re.compile("[" + _CASE_ODD_CHARS + "]")


def has_case_odd(text: str) -> bool:
    """``_CASE_ODD.search(text)``: a dozen substring tests are far quicker than
    the character class over the text (one wider than the text's characters is
    answered at once)."""
    return any(ch in text for ch in _CASE_ODD_CHARS)


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    iso: str  # 2025-07-08 | 2025-07 | 2025 | --07-08 | a/b | a/..
    since: bool = False


def _apos_escape(ch: str) -> str:
    return "['’]" if ch == "'" else re.escape(ch)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))


class _Patterns:
    def __init__(self, lang: str):
        mon = _alt(L.MONTHS[lang])
        wd = _alt(L.WEEKDAYS[lang])
        day = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
        yr = r"(?:,?\s+(?:de\s+|of\s+)?(?P<y>\d{4})(?:\s*(?:г\.|года|году|р\.|року|році))?)?"
        wdp = r"(?:(?P<wd>" + wd + r")\s*,?\s+(?:the\s+|le\s+|den\s+|el\s+)?)?"
        self.dmy = re.compile(r"(?<!\w)" + wdp + day + r"\s+(?:de\s+|of\s+)?(?P<m>" + mon + r")(?!\w)" + yr, re.I)
        self.mdy = re.compile(r"(?<!\w)" + wdp + r"(?P<m>" + mon + r")\.?\s+" + day + r"(?!\d)" + yr, re.I)
        self.my = re.compile(r"(?<!\w)(?P<m>" + mon + r")\s+(?:de\s+|of\s+|del\s+)?(?P<y>\d{4})(?!\d)", re.I)
        self.range_days = re.compile(
            r"(?<!\w)(?P<d1>\d{1,2})(?:er|\.)?" + r"\s*(?:au|to|-|–|на|auf\s+den|al|zum|bis|and)\s*" +
            r"(?P<d2>\d{1,2})(?:\.|er)?\s+(?:de\s+)?(?P<m>" + mon + r")(?!\w)" + yr, re.I)
        self.weekday = re.compile(r"(?<!\w)(?P<wd>" + wd + r")(?!\w)", re.I)
        self.month_only = re.compile(
            r"(?<!\w)(?:in|en|im|el\s+mes\s+de|en\s+el\s+mes\s+de|the\s+month\s+of|le\s+mois\s+de|"
            r"au\s+mois\s+de|в|у|of)\s+(?P<m>" + mon + r")(?!\w)", re.I)
        self.year = re.compile(
            r"(?<!\w)(?:in|en|im\s+jahr|im|en\s+el\s+año|в|у|during|durant|pendant)\s+(?P<y>(?:19|20)\d\d)(?!\d)"
            r"(?:\s*(?:г\.|году|року|році|р\.))?", re.I)
        self.iso = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
        self.numeric = re.compile(r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?!\d)")
        self.relative = re.compile(r"(?<!\w)(?P<r>" + _alt(L.RELATIVE_DAYS[lang]) + r")(?!\w)", re.I)
        self.last_year = re.compile(r"(?<!\w)(?P<r>" + _alt(_LAST_YEAR[lang]) + r")(?!\w)", re.I)
        self.this_year = re.compile(r"(?<!\w)(?P<r>" + _alt(_THIS_YEAR[lang]) + r")(?!\w)", re.I)
        self.last_night = re.compile(r"(?<!\w)(?P<r>" + _alt(L.LAST_NIGHT[lang]) + r")(?!\w)", re.I)
        # searched before each date: a trie, its look-behind after the first character
        self.since = re.compile(r"(?:" + word_alternation(_SINCE[lang], before=r"\w", escape=_apos_escape) +
                                r")\s+(?:\w+\s+){0,6}$", re.I)
        self.night = re.compile(L.NIGHT[lang], re.I)
        # the words each pattern may open with, as the lower-cased text writes them
        months, weekdays = tuple(L.MONTHS[lang]), tuple(L.WEEKDAYS[lang])

        def first_words(table) -> tuple[str, ...]:
            return tuple({L._apos(w.split()[0]) for w in table})
        self.opens = {"dmy": weekdays, "mdy": weekdays + months, "my": months, "weekday": weekdays,
                      "relative": first_words(L.RELATIVE_DAYS[lang]), "last_year": first_words(_LAST_YEAR[lang]),
                      "this_year": first_words(_THIS_YEAR[lang]), "last_night": first_words(L.LAST_NIGHT[lang])}


_PATTERNS: dict[str, _Patterns] = {}
_TRIGGERS: dict[str, re.Pattern] = {}


def _trigger_words(lang: str) -> set[str]:
    """Words near which a date may be written: months, weekdays and the first words
    of the relative expressions."""
    words = set(L.MONTHS[lang]) | set(L.WEEKDAYS[lang])
    for table in (L.RELATIVE_DAYS[lang], _LAST_YEAR[lang], _THIS_YEAR[lang], L.LAST_NIGHT[lang]):
        words |= {L._apos(w.split()[0]) for w in table}
    return words


def _trigger(lang: str) -> re.Pattern:
    """The trigger words, whole words (no letter on either side)."""
    if lang not in _TRIGGERS:
        _TRIGGERS[lang] = re.compile(r"(?:" + word_alternation(_trigger_words(lang), before=r"[^\W\d_]") +
                                     r")(?![^\W\d_])")
    return _TRIGGERS[lang]


@lru_cache(maxsize=len(L.LANGS))
def _trigger_kinds(lang: str) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Per trigger word, the kind of windows it opens (month, weekday or "rel": the
    first word of a relative expression) and the offsets just after the hyphens or
    apostrophes inside it, where a pattern may open too (avant-hier)."""
    months, weekdays = L.MONTHS[lang], L.WEEKDAYS[lang]
    return {w: ("month" if w in months else "weekday" if w in weekdays else "rel",
                tuple(k + 1 for k, ch in enumerate(w) if not ch.isalnum()))
            for w in _trigger_words(lang)}


def _windows(spans: list[tuple[int, int]], size: int) -> list[list[int]]:
    """Where patterns are tried around the trigger spans of one kind (in text order):
    from 50 characters before one to 30 after, merged when under 40 apart."""
    windows: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - 50), min(size, end + 30)
        if windows and lo <= windows[-1][1] + 40:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return windows


def _trigger_hits(low: str, lang: str):
    """Where date patterns are tried in a lower-cased text: the windows of each kind
    (month, weekday, rel, digit) around its trigger words and year-like numbers
    (19xx, 20xx); where each trigger word starts; the places inside one after a
    hyphen or apostrophe (avant-hier); and the years 1950-2049 written."""
    hits: dict[str, list[tuple[int, int]]] = {"month": [], "weekday": [], "rel": [], "digit": []}
    by_word: dict[str, list[int]] = {}
    inner: list[int] = []
    kinds = _trigger_kinds(lang)
    for m in _trigger(lang).finditer(low):
        w, start = m.group(), m.start()
        by_word.setdefault(w, []).append(start)
        kind, inner_offsets = kinds[w]
        if inner_offsets:
            inner.extend(start + k for k in inner_offsets)
        hits[kind].append(m.span())
    years = []
    for m in _YEAR_SHAPE.finditer(low):
        if "1950" <= m.group() <= "2049":
            years.append(int(m.group()))
        hits["digit"].append(m.span())
    wins = {kind: _windows(spans, len(low)) for kind, spans in hits.items()}
    return wins, by_word, inner, years


def _match_from(rx: re.Pattern, text: str, starts: list[int], lo: int, hi: int):
    """``rx.finditer(text, lo, hi)`` when rx can only match at one of ``starts`` (sorted)."""
    end = lo
    for p in starts:
        if p < end:
            continue
        m = rx.match(text, p, hi)
        if m:
            yield m
            end = m.end()


def _pat(lang: str) -> _Patterns:
    if lang not in _PATTERNS:
        _PATTERNS[lang] = _Patterns(lang)
    return _PATTERNS[lang]


def _iso(y: int | None, m: int, d: int | None = None) -> str:
    ys = f"{y:04d}" if y else "-"
    if d is None:
        return f"{ys}-{m:02d}" if y else f"--{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(m: int, d: int, weekday: int | None, ref_year: int | None) -> int | None:
    if weekday is not None:
        base = ref_year or 2025
        cands = [y for y in range(base - 6, base + 3) if (x := _valid(y, m, d)) and x.weekday() == weekday]
        if cands:
            return min(cands, key=lambda y: (abs(y - base), -y))
    return ref_year


@lru_cache(maxsize=65536)  # the cross stage asks for the same few dates again and again
def parse_iso(iso: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day an ISO date/interval covers (None where open or unknown)."""
    if not iso:
        return None, None
    if "/" in iso:
        a, b = iso.split("/", 1)
        return parse_iso(a)[0], (None if b == ".." else parse_iso(b)[1])
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            x = dt.date.fromisoformat(iso)
            return x, x
        if re.fullmatch(r"\d{4}-\d{2}", iso):
            y, m = map(int, iso.split("-"))
            first = dt.date(y, m, 1)
            last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            return first, last
        if re.fullmatch(r"\d{4}", iso):
            return dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31)
    except ValueError:
        return None, None
    return None, None


def find_dates(text: str, lang: str | None, doc_date: str | None = None, low: str | None = None) -> list[DateExpr]:
    """The dates of ``text`` in reading order (see module doc). ``low``:
    ``lexicon.lower_same(text)``, when the caller has it."""
    lang = lang if lang in L.LANGS else "en"
    p = _pat(lang)
    months, weekdays = L.MONTHS[lang], L.WEEKDAYS[lang]
    anchor_doc = None
    if doc_date:
        try:
            anchor_doc = dt.date.fromisoformat(doc_date[:10])
        except ValueError:
            anchor_doc = None

    if low is None:
        low = L.lower_same(text)
    wins, by_word, inner, years = _trigger_hits(low, lang)
    ref_year = anchor_doc.year if anchor_doc else (max(years) if years else None)
    # A pattern opening with a trigger word can only match where the trigger scan
    # found one (or inside one), if the lower-cased text spells it as the
    # case-insensitive pattern reads it, i.e. holds no _CASE_ODD character.
    words_found = not has_case_odd(text)
    runs: dict[tuple[int, int], list[int]] = {}  # per window, for the patterns that share it

    def digit_runs(lo: int, hi: int) -> list[int]:
        if (lo, hi) not in runs:
            runs[lo, hi] = [m.start() for m in _DIGIT_RUN.finditer(text, lo, hi)]
        return runs[lo, hi]

    def run(rx, window: str, opens: tuple[str, ...] = (), digits: bool = False):
        """rx over the windows of one kind of trigger, tried only where it may open:
        at a trigger word starting with one of ``opens`` (a weekday, the first word of
        "last year"...) or at a run of digits, rather than at every position ("the",
        "in", "la" make the relative-day windows most of a text)."""
        if not wins[window]:
            return
        if not (opens or digits) or (opens and not words_found):
            for lo, hi in wins[window]:
                yield from rx.finditer(text, lo, hi)
            return
        words = sorted([p for w, ps in by_word.items() if w.startswith(opens) for p in ps] + inner) if opens else []
        for lo, hi in wins[window]:
            starts = words[bisect.bisect_left(words, lo):bisect.bisect_left(words, hi)]
            if digits:  # a number opens where a run of digits does (none follows a digit)
                starts = sorted(starts + digit_runs(lo, hi))
            yield from _match_from(rx, text, starts, lo, hi)

    raw: list[tuple[int, int, str, object]] = []  # start, end, type, payload
    # Spans already taken: disjoint, kept sorted, so an overlap check is two
    # bisections rather than a scan (a 20 MB article has ~100k dates).
    taken_starts: list[int] = []
    taken_ends: list[int] = []

    def free(a, b):
        i = bisect.bisect_left(taken_starts, b)  # spans starting before b
        return i == 0 or taken_ends[i - 1] <= a

    def add(a, b, typ, payload):
        if free(a, b):
            raw.append((a, b, typ, payload))
            i = bisect.bisect_left(taken_starts, a)
            taken_starts.insert(i, a)
            taken_ends.insert(i, b)

    def mk(m, d):
        mo = months[L._apos(m.group("m").lower()).rstrip(".")]
        y = int(m.group("y")) if m.group("y") else None
        wd = m.group("wd")
        wdi = weekdays[L._apos(wd.lower())] if wd else None
        if y is None:
            y = _year_for(mo, d, wdi, ref_year)
        return y, mo, d

    for m in run(p.iso, "digit", digits=True):
        add(m.start(), m.end(), "day", (int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    for m in run(p.numeric, "digit", digits=True):
        if 1 <= int(m.group("m")) <= 12:
            add(m.start(), m.end(), "day", (int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    for m in run(p.range_days, "month", digits=True):
        mo = months[L._apos(m.group("m").lower())]
        y = int(m.group("y")) if m.group("y") else ref_year
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if 1 <= d1 < d2 <= 31:
            add(m.start(), m.end(), "interval", ((y, mo, d1), (y, mo, d2)))
    for rx, digits in ((p.dmy, True), (p.mdy, False)):  # [weekday,] day month; [weekday,] month day
        for m in run(rx, "month", p.opens["dmy" if digits else "mdy"], digits):
            d = int(m.group("d"))
            if not 1 <= d <= 31:
                continue
            mword = m.group("m")
            if lang == "en" and mword.lower() in ("may", "mar", "jan", "dec", "oct", "nov", "sep", "aug", "jun", "jul", "apr", "feb", "sept") \
                    and mword[0].islower():
                continue
            add(m.start(), m.end(), "day", mk(m, d))
    for m in run(p.my, "month", p.opens["my"]):
        if lang == "en" and m.group("m")[0].islower():
            continue
        add(m.start(), m.end(), "month", (int(m.group("y")), months[L._apos(m.group("m").lower())]))
    for m in run(p.month_only, "month"):
        if lang == "en" and m.group("m")[0].islower():
            continue
        add(m.start("m"), m.end("m"), "month", (ref_year, months[L._apos(m.group("m").lower())]))
    for m in run(p.year, "digit"):
        add(m.start("y"), m.end(), "year", int(m.group("y")))
    for m in run(p.last_year, "rel", p.opens["last_year"]):
        add(m.start(), m.end(), "year", (anchor_doc.year - 1) if anchor_doc else None)
    for m in run(p.this_year, "rel", p.opens["this_year"]):
        add(m.start(), m.end(), "year", anchor_doc.year if anchor_doc else ref_year)
    for m in run(p.last_night, "rel", p.opens["last_night"]):
        nxt = text[m.end():m.end() + 16]
        if _DIGIT.search(nxt) or p.weekday.search(nxt):
            continue  # "in der Nacht zum 15. März": the date says which night
        add(m.start(), m.end(), "lastnight", None)
    for m in run(p.relative, "rel", p.opens["relative"]):
        add(m.start(), m.end(), "relative", L.RELATIVE_DAYS[lang][L._apos(_SPACE_RUNS.sub(" ", m.group("r").lower()))])
    for m in run(p.weekday, "weekday", p.opens["weekday"]):
        w = m.group("wd")
        if lang == "en" and w[0].islower():
            continue
        add(m.start(), m.end(), "weekday", weekdays[L._apos(w.lower())])
    raw.sort()

    # resolve in reading order; relative expressions use the last full date seen
    out: list[DateExpr] = []
    anchor, anchor_pos = anchor_doc, 0
    resolved: list[tuple[int, int, dt.date | None, str | None]] = []
    for a, b, typ, payload in raw:
        iso = None
        day = None
        if typ == "day":
            y, mo, d = payload
            day = _valid(y, mo, d) if y else None
            iso = day.isoformat() if day else (_iso(None, mo, d) if _valid(2024, mo, d) else None)
        elif typ == "interval":
            (y1, m1, d1), (y2, m2, d2) = payload
            x1 = _valid(y1, m1, d1) if y1 else None
            x2 = _valid(y2, m2, d2) if y2 else None
            iso = f"{x1.isoformat()}/{x2.isoformat()}" if x1 and x2 else f"{_iso(None, m1, d1)}/{_iso(None, m2, d2)}"
            day = x2
        elif typ == "month":
            y, mo = payload
            iso = _iso(y, mo)
        elif typ == "year":
            iso = f"{payload:04d}" if payload else None
        elif typ in ("relative", "lastnight", "weekday"):
            base = anchor
            if base is not None and base is not anchor_doc and a - anchor_pos > 700:
                base = anchor_doc  # a date written long before is no anchor
            if base is not None:
                if typ == "relative":
                    day = base + dt.timedelta(days=payload)
                elif typ == "lastnight":
                    iso = f"{(base - dt.timedelta(days=1)).isoformat()}/{base.isoformat()}"
                else:
                    if anchor_doc is not None and base == anchor_doc:
                        delta = -((base.weekday() - payload) % 7)
                    else:
                        delta = min(range(-3, 4), key=lambda k: (abs(k), -k) if (base.weekday() + k) % 7 == payload else (99, 0))
                        if (base.weekday() + delta) % 7 != payload:
                            delta = None
                    day = base + dt.timedelta(days=delta) if delta is not None else None
                if day is not None and iso is None:
                    iso = day.isoformat()
        if day is not None and typ in ("day", "interval"):
            anchor, anchor_pos = day, b
        if iso:
            resolved.append((a, b, day, iso))
    # join "X to Y" into intervals; "night of X" alone is X/X+1
    i = 0
    while i < len(resolved):
        a, b, day, iso = resolved[i]
        if i + 1 < len(resolved):
            a2, b2, day2, iso2 = resolved[i + 1]
            if _INTERVAL_JOIN.fullmatch(text, b, a2) and "/" not in iso and "/" not in iso2:
                out.append(DateExpr(a, b2, f"{iso}/{iso2}"))
                i += 2
                continue
        if day is not None and "/" not in iso and p.night.search(text[max(0, a - 25):a]) and \
                _NIGHT_OF.search(text[max(0, a - 25):a]):
            if lang in ("de", "ru", "uk") and _NIGHT_TO.search(text[max(0, a - 8):a]):
                iso = f"{(day - dt.timedelta(days=1)).isoformat()}/{day.isoformat()}"
            else:
                iso = f"{day.isoformat()}/{(day + dt.timedelta(days=1)).isoformat()}"
        elif day is not None and "/" not in iso and lang in ("de", "ru", "uk") and \
                _NIGHT_BEFORE.search(text[max(0, a - 14):a]):
            iso = f"{(day - dt.timedelta(days=1)).isoformat()}/{day.isoformat()}"
        since = bool(p.since.search(text[max(0, a - 60):a]))
        if since and "/" not in iso:
            iso = f"{iso}/.."
        out.append(DateExpr(a, b, iso, since))
        i += 1
    return out
