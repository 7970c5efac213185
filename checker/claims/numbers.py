"""Numbers as written in news text, in six languages: find, read, classify.

``scan_numbers(text, lang)`` returns every number expression of a text with its
value, its kind (quantity | ordinal | year | date | time | percent-fraction),
its approximation cue and its exact span. Regular expressions and tables only:
no model, so it runs at several MB/s.

The locale rules for a digit group with one separator and three digits after
it ("1.250", "1,343"):

* the separator the language uses for thousands (``,`` in English, ``.``
  elsewhere) reads as thousands;
* the language's decimal separator reads as a decimal point, unless the
  number counts things ("1.250 drones" in an English text cannot be one and a
  quarter drones) and no scale word follows ("1,250 million" is a decimal in
  French).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.claims import lexicon as L
from checker.scanning import word_alternation

SPACES = " \u00a0\u202f\u2009"
_SP = "[ \u00a0\u202f\u2009]"

# A digit number: grouped by spaces, dots, commas or apostrophes, or plain,
# with an optional decimal part and an optional glued suffix (2nd, 4bn, 10km).
DIGITS = re.compile(
    r"(?<![\w.,/'’])(?<![^\W\d_][\-−–])"
    r"(?:(?P<time>\d{1,2}(?:[:h]\d{2}(?!\d)|h(?!\w)))|"
    r"(?P<num>\d{1,3}(?:(?:" + _SP + r"|[.,'’])\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
    r"(?P<suf>(?:-(?=[а-яіїєґ]))?[^\W\d_]{1,4}\.?)?"
    r"(?![\w]))"
)
# DIGITS opens with a look-behind, so the regex engine tries it at every position
# of a text; a number starts a run of digits, which \d+ finds with a quick scan
_DIGIT_RUN = re.compile(r"\d+")
_NON_DIGIT = re.compile(r"\D")
_FOUR_DIGITS = re.compile(r"\d{4}")
_SLASH_DIGIT = re.compile(r"/\d")
_DE_ORDINAL_DOT = re.compile(r"\.\s+[^\W\d_]")
_OCLOCK = re.compile(r"\s*o['’]clock")
_SCALE_WORD = re.compile(_SP + r"*([^\W\d_]+\.?)")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)an?[" + SPACES + r"]+$", re.I)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[" + SPACES + r"]+$")
_SPACE_RUNS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|#\w+")
_TIME = re.compile(r"(?<!\d)\d{1,2}(?:[:h]\d{2}|\s?h\b|\s?(?:o['’]clock|heures?\s+du\s+matin)|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|uhr\b))", re.I)
_ORD_SUFFIX = {
    "en": {"st", "nd", "rd", "th"},
    "fr": {"e", "er", "re", "ère", "ème", "éme", "eme", "è", "nd", "nde", "es", "èmes", "ièmes"},
    "de": set(), "es": {"º", "ª", "o", "a", "er", "ro", "do", "to"},
    "ru": {"-й", "-я", "-е", "-го", "-му", "-м", "-х", "-ый", "-ой", "-ая", "-ое"},
    "uk": {"-й", "-я", "-е", "-го", "-му", "-м", "-х", "-ї", "-та", "-те", "-ті", "-ий", "-ого", "-ій"},
}
_ALL_ORD = set().union(*_ORD_SUFFIX.values())
_ORD_ANY_LANG = _ALL_ORD - {"e", "a", "o"}  # ordinal suffixes that are no word of their own
_CYR_ORD = re.compile(r"-(?:й|я|е|го|му|м|х|ї|та|те|ті|ий|ой|ая|ое|ого|ому|ій)\b")
_ES_ORD = re.compile(r"\.?[ºª°]|\.(?:er|ª|º)")
_DE_ARTICLES = {"der", "die", "das", "dem", "den", "des", "zum", "zur", "am", "im", "beim", "vom", "seiner",
                "ihrer", "seinem", "ihrem", "ihre", "seine", "jeder", "jede"}
_YEAR_CUES = {
    "en": ("in", "since", "by", "until", "of", "from", "year", "early", "late", "mid", "in early", "the year"),
    "fr": ("en", "depuis", "de", "d'ici", "avant", "après", "année", "l'année", "dès", "fin", "début"),
    "de": ("im", "seit", "bis", "jahr", "jahres", "von", "anfang", "ende", "mitte"),
    "es": ("en", "desde", "de", "hasta", "año", "del"),
    "ru": ("в", "с", "до", "году", "года", "год", "к"),
    "uk": ("в", "у", "з", "до", "році", "року", "рік"),
}
_YEAR_AFTER = re.compile(r"\s*(?:г\.|гг\.|год|года|году|рік|року|році|р\.|рр\.)", re.I)
# range connectors between two numbers
_RANGE_TIGHT = re.compile(r"\s?[-–—]\s?")
_RANGE_WORDS = {
    "en": ("to", "or"), "fr": ("à", "a", "ou"), "de": ("bis", "oder"), "es": ("a", "o"),
    "ru": ("до", "или", "-"), "uk": ("до", "або", "чи", "-"),
}
_RANGE_OPEN = {
    "en": {"between": "and", "from": "to"}, "fr": {"entre": "et", "de": "à"},
    "de": {"zwischen": "und", "von": "bis"}, "es": {"entre": "y", "de": "a"},
    "ru": {"от": "до"}, "uk": {"від": "до"},
}
_RANGE_CLOSE = {lang: set(pairs.values()) for lang, pairs in _RANGE_OPEN.items()}
# the longest text between the two numbers of a range, spaces around it aside
_RANGE_GAP = max(len(w) for words in (*_RANGE_WORDS.values(), *_RANGE_CLOSE.values()) for w in words)
_AFTER_CUES = {
    "en": {"or more": "at-least", "or so": "about", "and more": "at-least", "plus": "at-least"},
    "fr": {"ou plus": "at-least", "et plus": "at-least", "environ": "about"},
    "de": {"oder mehr": "at-least", "und mehr": "at-least"},
    "es": {"o más": "at-least", "y más": "at-least"},
    "ru": {"и более": "at-least", "с лишним": "at-least", "с небольшим": "at-least"},
    "uk": {"і більше": "at-least", "з гаком": "at-least"},
}


@lru_cache(maxsize=2 * len(L.LANGS))
def after_cues(lang: str, spaces: str = _SP + "*", flags: int = 0) -> tuple[re.Pattern, tuple[str, ...]]:
    """_AFTER_CUES of a language ("or more", "environ") as one pattern, after
    ``spaces``: one match call finds what trying them one by one in table order
    finds (none starts with a space), and the approximation of the cue found is
    ``kinds[m.lastindex - 1]``. Returns (pattern, kinds)."""
    cues = _AFTER_CUES[lang]
    alternatives = "|".join("(" + re.escape(c) + ")" for c in cues)
    return re.compile(spaces + "(?:" + alternatives + r")(?!\w)", flags), tuple(cues.values())


def _digit_numbers(text: str):
    """``DIGITS.finditer(text)``, trying the pattern only where a run of digits starts."""
    end = 0
    for run in _DIGIT_RUN.finditer(text):
        if run.start() < end:
            continue  # inside the last number (1,234)
        m = DIGITS.match(text, run.start())
        if m:
            yield m
            end = m.end()


@dataclass(frozen=True)
class Num:
    """One number expression of a text."""

    start: int  # the number (and its scale word), without the cue
    end: int
    value: float
    kind: str  # quantity | ordinal | year | date | time
    approx: str = "exact"  # exact | about | below | at-least | at-most
    cue_start: int = -1  # start of the approximation cue, or start
    high: float | None = None  # upper end of a range
    tol: float = 0.0  # rounding tolerance of the written form
    vague: bool = False  # "tens of thousands"
    scaled: bool = False  # a scale word (million) or suffix (bn) is part of it
    percent: bool = False  # a fraction word ("half") read as a share in percent
    glued_unit: str | None = None  # unit written as a suffix: 10km, 5%

    @property
    def span_start(self) -> int:
        return self.cue_start if self.cue_start >= 0 else self.start

    @property
    def report_approx(self) -> str:
        return "about" if self.approx == "below" else self.approx


# ------------------------------------------------------------------ digits
def read_digits(s: str, lang: str | None, count_like: bool = True,
                scaled: bool = False) -> tuple[float, int]:
    """Value of a digit string and its number of decimals, by the locale rules."""
    s = s.replace("’", "'")
    for ch in SPACES + "'":
        s = s.replace(ch, "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        s = s.replace(grp, "").replace(dec, ".")
    elif dots + commas >= 2:
        s = s.replace(".", "").replace(",", "")
    elif dots + commas == 1:
        sep = "." if dots else ","
        head, tail = s.split(sep)
        group_sep = "," if lang in ("en", None) else "."
        if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0" and not head.startswith("0"):
            thousands = sep == group_sep or (count_like and not scaled)
        else:
            thousands = False
        s = head + tail if thousands else head + "." + tail
    value = float(s)
    decimals = len(s.split(".")[1]) if "." in s else 0
    return value, decimals


# ------------------------------------------------------------------ number words
def _de_word(w: str) -> float | None:
    """Value of one German number word (fünfundzwanzig, zweihunderttausend)."""
    if not w:
        return None
    if w in L._DE_BASE:
        return L._DE_BASE[w]
    for scale, mult in (("tausend", 1000), ("hundert", 100)):
        i = w.rfind(scale)
        if i >= 0:
            left, right = w[:i], w[i + len(scale):]
            lv = 1 if left in ("", "ein") else _de_word(left)
            rv = 0 if right == "" else _de_word(right)
            if lv is None or rv is None or (mult == 100 and lv >= 10):
                return None
            return lv * mult + rv
    if "und" in w:
        left, _, right = w.partition("und")
        lv, rv = _de_word(left), _de_word(right)
        if lv is not None and rv is not None and lv < 10 and rv in (20, 30, 40, 50, 60, 70, 80, 90):
            return lv + rv
    return None


def _word_value(word: str, lang: str) -> tuple[str, float] | None:
    """('small'|'mult'|'scale', value) of one lower-case word, or None."""
    w = L._apos(word)
    if w in L.SCALES[lang] and w not in L.DIGIT_ONLY_SCALES:
        return "scale", L.SCALES[lang][w]
    if w in L.MULT100[lang]:
        return "mult", 100
    if lang == "de":
        v = _de_word(w)
        return ("small", v) if v is not None else None
    if w in L.SMALL[lang]:
        return "small", L.SMALL[lang][w]
    return None


def _combine(parts: list[tuple[str, float]], lang: str) -> float:
    total, current, last_scale = 0.0, 0.0, False
    prev_small = None
    for kind, v in parts:
        if kind == "small":
            if lang == "fr" and v == 20 and prev_small == 4:  # quatre-vingt(s)
                current += 76
            else:
                current += v
            prev_small, last_scale = v, False
        elif kind == "mult":
            current = max(current, 1) * v
            prev_small, last_scale = None, False
        else:  # scale
            if current == 0 and last_scale:
                total *= v
            else:
                total += max(current, 1) * v
            current, last_scale, prev_small = 0.0, True, None
    return total + current


def _split_word(word: str, lang: str) -> list[str] | None:
    """Hyphenated number words split into parts (vingt-et-un, twenty-five)."""
    w = word.lower()
    pieces = w.split("-") if lang in ("en", "fr", "es") else [w]
    out = []
    for p in pieces:
        if p in L.CONNECTORS.get(lang, ()):  # vingt-et-un
            continue
        if _word_value(p, lang) is None:
            return None
        out.append(p)
    return out or None


# ------------------------------------------------------------------ scanner
def _prev_words(text: str, pos: int, n: int = 3) -> list[str]:
    chunk = text[max(0, pos - 40):pos]
    return [w.lower() for w in _WORD.findall(chunk)[-n:]]


_CUE_RX: dict[str, re.Pattern] = {}


def _approx_cue(text: str, start: int, lang: str) -> tuple[str, int] | None:
    rx = _CUE_RX.get(lang)
    if rx is None:
        cues = sorted(L.APPROX[lang], key=len, reverse=True)
        alt = "|".join(re.escape(c) + ("" if c.endswith("'") else "[" + SPACES + "]+") for c in cues)
        rx = _CUE_RX[lang] = re.compile(r"(?<!\w)(?P<c>" + alt + r")$")
    before = text[max(0, start - 32):start]
    low = L._apos(before.lower())
    m = rx.search(low)
    if m:
        cue = m.group("c").rstrip(SPACES)
        return L.APPROX[lang][cue], start - (len(low) - m.start())
    tail = before.rstrip(SPACES)
    if tail.endswith(("~", "≈")):
        return "about", start - (len(before) - len(tail)) - 1
    return None


def _scale_after(text: str, pos: int, lang: str) -> tuple[float, int] | None:
    m = _SCALE_WORD.match(text[pos:pos + 24])
    if not m:
        return None
    w = m.group(1).lower()
    scales = L.SCALES[lang]
    cand = w if w in scales else w.rstrip(".")
    if cand in scales:
        # "m" alone only after a currency symbol; handled by the caller
        if cand in ("m", "k") and m.start(1) != 0:
            return None
        end = pos + m.start(1) + len(cand)
        if cand + "." == w and (cand + ".") in scales:
            end += 1
        return scales[cand], end
    return None


def _tolerance(value: float, decimals: int, scale: float, scaled: bool) -> float:
    if decimals:
        return 0.5 * 10 ** (-decimals) * scale
    if scaled:
        return min(0.5 * scale, 0.1 * value)
    iv = int(round(value))
    zeros = 0
    while iv and iv % 10 == 0:
        iv //= 10
        zeros += 1
    if zeros >= 2:
        return min(0.5 * 10 ** zeros, 0.05 * value)
    return 0.0


class _Spans:
    """Non-nested set of spans with a fast overlap test."""

    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.maxend = []
        m = -1
        for _, e in self.spans:
            m = max(m, e)
            self.maxend.append(m)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        while i >= 0:
            s, e = self.spans[i]
            if e > a and s < b:
                return True
            if self.maxend[i] <= a:
                return False
            i -= 1
        return False

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.spans.insert(i, (a, b))
        self.starts.insert(i, a)
        self.maxend = []
        m = -1
        for _, e in self.spans:
            m = max(m, e)
            self.maxend.append(m)


_ARTICLES = {"un", "une", "uno", "una", "a", "an", "ein", "eine", "einer", "einem", "einen", "eines", "one",
             "один", "одна", "одно", "одного", "одной", "одне"}
_CAND: dict[str, re.Pattern] = {}
_FRAC: dict[str, re.Pattern] = {}
_DE_TOKEN = re.compile(r"[a-zäöüß]+")
_DE_WORDS = set(L._DE_BASE) | set(L.SCALES["de"]) | set(L.VAGUE["de"]) | {"hundert", "tausend"}
_DE_PARTS = ("zig", "ßig", "ssig", "hundert", "tausend", "zehn")
# the German tokens (_DE_TOKEN) that may be number words, found in one pass instead
# of word by word: a word of _DE_WORDS, or a word holding a part
_DE_CAND = re.compile(
    r"(?<![a-zäöüß])(?:[a-zäöüß]*(?:" + "|".join(_DE_PARTS) + r")[a-zäöüß]*|"
    + "|".join(sorted((w for w in _DE_WORDS if _DE_TOKEN.fullmatch(w)), key=len, reverse=True))
    + r")(?![a-zäöüß])")


_SLASH = re.compile(r"(?<![\d/.,])([1-9])/([2-9]|10)(?![\d/])")
_FHEADS: dict[str, set] = {}


def _frac_heads(lang: str) -> set:
    if lang not in _FHEADS:
        _FHEADS[lang] = {L._apos(k.split()[-1].split("-")[-1])[:5] for k in L.FRACTIONS[lang]}
    return _FHEADS[lang]


def _cand_regex(lang: str) -> re.Pattern:
    """A number word, whole (no letter on either side)."""
    if lang not in _CAND:
        words = set(L.SMALL[lang]) | set(L.SCALES[lang]) | L.MULT100[lang] | set(L.VAGUE[lang])
        words = {L._apos(w) for w in words if w not in L.DIGIT_ONLY_SCALES and not w.endswith(".")}
        _CAND[lang] = re.compile(r"(?:" + word_alternation(words, before=r"[^\W\d_]") + r")(?![^\W\d_])")
    return _CAND[lang]


class _Scanner:
    def __init__(self, text: str, lang: str | None, count_hint=None, date_spans=(), low: str | None = None):
        self.text = text
        self.low = L.lower_same(text) if low is None else low
        self.lang = lang if lang in L.LANGS else "en"
        self.doc_lang = lang
        self.count_hint = count_hint  # callable(pos) -> bool: a count noun follows
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if ("http" in text or "www." in text
                                                                      or "@" in text or "#" in text) else []
        self.blocked = _Spans(urls + list(date_spans))

    def _blocked(self, a: int, b: int) -> bool:
        return self.blocked.overlaps(a, b)

    # -- primitives ------------------------------------------------------
    def digits_at(self, m) -> Num | None:
        text, lang = self.text, self.lang
        raw, suf = m.group("num"), m.group("suf") or ""
        start, end = m.start(), m.end()
        low_suf = suf.lower()
        # ordinals: 2nd, 35e, 3-й, 2.º
        if low_suf and (low_suf in _ORD_SUFFIX[lang] or low_suf in _ORD_ANY_LANG or
                        (low_suf.startswith("-") and low_suf in _ALL_ORD)):
            return Num(start, end, float(_NON_DIGIT.sub("", raw) or 0), "ordinal")
        if low_suf.endswith(".") and low_suf[:-1] in _ORD_SUFFIX[lang]:
            return Num(start, end - 1, float(_NON_DIGIT.sub("", raw) or 0), "ordinal")
        mm = _ES_ORD.match(text, m.end("num"))
        if mm:
            return Num(start, mm.end(), float(_NON_DIGIT.sub("", raw) or 0), "ordinal")
        glued_unit = None
        scale, scaled = 1.0, False
        if low_suf:
            s = low_suf.rstrip(".")
            if s in L.SCALES[lang] or s in ("bn", "mn", "m", "k", "mln", "mld", "mrd"):
                scale = L.SCALES[lang].get(s) or {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
                                                   "mln": 1e6, "mld": 1e9, "mrd": 1e9}[s]
                scaled = True
                end = m.end("num") + len(s)
            elif s in ("km", "h", "t", "ha", "mi", "kg"):
                glued_unit = {"h": "hour"}.get(s, s)
                if s == "h":
                    return Num(start, end, 0, "time")
            else:
                return None
        # a scale word after the number: 1,28 million, 4 milliards, 250 тыс.
        if not scaled:
            sc = _scale_after(text, end, lang)
            if sc:
                scale, end = sc
                scaled = True
                # "mil millones", "тысяч" after "млн"? keep one scale word, plus "de"-less stacking
                sc2 = _scale_after(text, end, lang)
                if sc2 and sc2[0] > scale:
                    scale, end = scale * sc2[0], sc2[1]
        # Whether a counted noun follows (count_hint looks) changes the reading of
        # "1.250" and tells "1943 soldiers" from a year; for other numbers it is not asked.
        plain = _FOUR_DIGITS.fullmatch(raw) is not None
        value, decimals = read_digits(raw, self.doc_lang, False, scaled)
        count_like = False
        if self.count_hint and ((plain and not scaled and 1800 <= value <= 2100) or
                                ("." in raw or "," in raw) and
                                (value, decimals) != read_digits(raw, self.doc_lang, True, scaled)):
            count_like = bool(self.count_hint(end))
            if count_like:
                value, decimals = read_digits(raw, self.doc_lang, True, scaled)
        kind = "quantity"
        if plain and not scaled and 1800 <= value <= 2100 and not count_like:
            kind = "year"
        elif plain and not scaled and 1000 <= value <= 2100:
            prev = _prev_words(text, start, 1)
            if (prev and prev[0] in _YEAR_CUES[lang]) or _YEAR_AFTER.match(text, end):
                kind = "year"
        total = value * scale
        return Num(start, end, total, kind, tol=_tolerance(total, decimals, scale, scaled),
                   scaled=scaled, glued_unit=glued_unit)

    def words(self) -> list[Num]:
        """Spelled-out numbers and vague quantities ("tens of thousands")."""
        text, lang = self.text, self.lang
        out: list[Num] = []
        toks = self._candidates()
        i, n = 0, len(toks)
        vague = L.VAGUE[lang]
        while i < n:
            s, e, w = toks[i]
            lw = L._apos(w.lower())
            if lw in vague and not (lang in ("ru", "uk") and self._after_number(s)):
                v, approx = vague[lw]
                end, j = e, i + 1
                if j < n and approx == "at-least" and self._gap_ok(e, toks[j][0], L.VAGUE_OF[lang]):
                    nxt = L._apos(toks[j][2].lower())
                    mult = L.SCALES[lang].get(nxt)
                    if mult is None and vague.get(nxt, (0, ""))[1] == "at-least":
                        mult = vague[nxt][0]
                    if mult and mult >= 1000:
                        v, end, j = v * mult, toks[j][1], j + 1
                if approx == "exact" and lw in ("dozen", "dutzend"):
                    prev = _prev_words(text, s, 1)
                    approx = "about" if prev and prev[0] in ("a", "ein", "one") else "exact"
                hi = None
                if approx == "at-least":
                    hi = 150.0 if lw in ("dozens", "douzaines", "dutzende", "dutzenden", "docenas") else v * 10
                out.append(Num(s, end, v, "quantity", approx, high=hi, vague=True, scaled=v >= 1000))
                i = j
                continue
            parts = _split_word(w, lang)
            if parts is None:
                i += 1
                continue
            values = [_word_value(p, lang) for p in parts]
            start, end, j = s, e, i + 1
            if lang == "en" and values[0][0] in ("mult", "scale"):
                m = _ARTICLE_BEFORE.search(text[max(0, s - 4):s])
                if m:  # "a hundred", "a million"
                    start, values = s - (len(text[max(0, s - 4):s]) - m.start()), [("small", 1)] + values
            while j < n and self._gap_ok(toks[j - 1][1], toks[j][0], L.CONNECTORS[lang]):
                pj = _split_word(toks[j][2], lang)
                if pj is None:
                    break
                values += [_word_value(p, lang) for p in pj]
                end = toks[j][1]
                j += 1
            if len(values) == 1 and values[0][1] == 1 and start == s and lw in _ARTICLES:
                i = j
                continue  # "un", "one", "ein": an article, not a count
            value = _combine(values, lang)
            scaled = any(k == "scale" for k, _ in values)
            last_scale = next((v for k, v in reversed(values) if k == "scale"), 1.0)
            out.append(Num(start, end, value, "quantity", tol=_tolerance(value, 0, last_scale, scaled),
                           scaled=scaled))
            i = j
        return out

    def _candidates(self) -> list[tuple[int, int, str]]:
        """Words that may belong to a spelled-out number (one regex pass)."""
        text, low, lang = self.text, self.low, self.lang
        if lang == "de":
            out = []
            for m in _DE_CAND.finditer(low):
                w = m.group()
                if w in _DE_WORDS or (any(x in w for x in _DE_PARTS) and _de_word(w) is not None):
                    out.append((m.start(), m.end(), text[m.start():m.end()]))
            return out
        return [(m.start(), m.end(), text[m.start():m.end()]) for m in _cand_regex(lang).finditer(low)]

    def _after_number(self, pos: int) -> bool:
        before = self.text[max(0, pos - 12):pos].rstrip(SPACES)
        if before and before[-1].isdigit():
            return True
        m = _WORD_BEFORE.search(self.text[max(0, pos - 30):pos])
        return bool(m and _word_value(m.group(1).lower(), self.lang))

    def _gap_ok(self, a: int, b: int, words=()) -> bool:
        gap = self.text[a:b]
        if 0 < len(gap) <= 2 and all(c in SPACES or c == "-" for c in gap):
            return True
        if words and len(gap) <= 6:
            g = L._apos(gap.lower()).strip(SPACES + "-")
            return g in words and (gap[-1] in SPACES or g.endswith("'"))
        return False

    def fractions(self) -> list[Num]:
        out = []
        table = L.FRACTIONS[self.lang]
        if not table:
            return out
        rx = _FRAC.get(self.lang)
        if rx is None:
            pat = "|".join(re.escape(k).replace("'", "['’]") for k in sorted(table, key=len, reverse=True))
            rx = _FRAC[self.lang] = re.compile(r"(?<!\w)(?:" + pat + r")(?!\w)")
        hits = []
        for head in _frac_heads(self.lang):  # str.find is far faster than the regex
            i = self.low.find(head)
            while i >= 0:
                hits.append(i)
                i = self.low.find(head, i + 1)
        if not hits:
            matches = iter(())
        else:
            matches = (m for h in sorted(hits) for m in rx.finditer(self.low, max(0, h - 20), h + 24))
        seen = set()
        for m in matches:
            if m.start() in seen:
                continue
            seen.add(m.start())
            key = L._apos(m.group().lower())
            key = _SPACE_RUNS.sub(" ", key)
            if key in table:
                out.append(Num(m.start(), m.end(), round(table[key], 4), "quantity", percent=True,
                               tol=0.5))
        for m in (_SLASH.finditer(self.text) if "/" in self.text else ()):
            a, b = int(m.group(1)), int(m.group(2))
            if a < b:
                out.append(Num(m.start(), m.end(), round(100 * a / b, 4), "quantity", percent=True,
                               tol=0.5))
        return out

    # -- assembling --------------------------------------------------------
    def scan(self) -> list[Num]:
        text, lang = self.text, self.lang
        nums: list[Num] = []
        times = []
        for m in _digit_numbers(text):
            if self._blocked(m.start(), m.end()):
                continue
            if _SLASH_DIGIT.match(text, m.end()) and "/" not in text[m.start() - 1:m.start()]:
                continue  # 2/3: a fraction, read below
            if m.group("time"):
                times.append(Num(m.start(), m.end(), 0, "time"))
                continue
            tm = _TIME.match(text, m.start())
            if tm:
                times.append(Num(tm.start(), tm.end(), 0, "time"))
                continue
            num = self.digits_at(m)
            if num is None:
                continue
            if num.kind == "quantity" and lang == "de" and text[num.end:num.end + 1] == "." and \
                    _DE_ORDINAL_DOT.match(text[num.end:num.end + 3]):
                prev = _prev_words(text, num.start, 1)
                if prev and prev[0] in _DE_ARTICLES:
                    num = replace(num, kind="ordinal", end=num.end + 1)
            nums.append(num)
        if times:
            tspans = _Spans([(t.start, t.end) for t in times])
            nums = [x for x in nums if not tspans.overlaps(x.start, x.end)] + times
        taken = [(x.start, x.end) for x in nums]
        words = self.words()
        extra = self.fractions() + words
        taken_s = _Spans(taken)
        covered: set[int] = set()
        for num in extra:
            if self._blocked(num.start, num.end):
                continue
            if taken_s.overlaps(num.start, num.end) or any(i in covered for i in range(num.start, num.end)):
                continue
            # a spelled number before "o'clock" is a time
            if _OCLOCK.match(text[num.end:num.end + 10]):
                num = replace(num, kind="time")
            nums.append(num)
            covered.update(range(num.start, num.end))
        nums.sort(key=lambda x: x.start)
        nums = self._ranges(nums)
        return [self._cues(x) if x.kind == "quantity" else x for x in nums]

    def _ranges(self, nums: list[Num]) -> list[Num]:
        text, lang = self.text, self.lang
        out: list[Num] = []
        i = 0
        while i < len(nums):
            a = nums[i]
            if a.kind == "quantity" and i + 1 < len(nums) and nums[i + 1].kind == "quantity" \
                    and not a.vague and not nums[i + 1].vague and not a.percent:
                b = nums[i + 1]
                gap = text[a.end:b.start]
                gl = gap.strip(SPACES)
                if len(gl) > _RANGE_GAP:
                    out.append(a)  # more than a connector between them: no range
                    i += 1
                    continue
                gl = gl.lower()
                ok = bool(_RANGE_TIGHT.fullmatch(gap)) or gl in _RANGE_WORDS[lang] and len(gap) <= len(gl) + 2
                opener = None
                if gl in _RANGE_CLOSE[lang]:
                    prev = _prev_words(text, a.start, 1)
                    if prev and prev[0] in _RANGE_OPEN[lang] and gl == _RANGE_OPEN[lang][prev[0]]:
                        ok, opener = True, prev[0]
                if gl in ("ou", "or", "oder", "o", "или", "або", "чи") and b.value > 100:
                    ok = False
                if gl in ("до",) and not opener:
                    ok = False
                if ok:
                    lo, hi = a.value, b.value
                    if b.scaled and not a.scaled and lo < 1000:
                        # "1 à 2 millions": the scale of the second applies to the first
                        for s in (1e12, 1e9, 1e6, 1e3):
                            if b.value >= s and lo * s <= b.value:
                                lo = lo * s
                                break
                    if lo < hi:
                        cue_start = a.start
                        if opener:
                            mo = re.search(r"(?<!\w)" + re.escape(opener) + r"\s+$",
                                           text[max(0, a.start - 30):a.start], re.I)
                            if mo:
                                cue_start = max(0, a.start - 30) + mo.start()
                        out.append(Num(a.start, b.end, lo, "quantity", "at-least", cue_start=cue_start,
                                       high=hi, tol=max(a.tol, b.tol), scaled=a.scaled or b.scaled,
                                       glued_unit=b.glued_unit))
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    def _cues(self, num: Num) -> Num:
        text, lang = self.text, self.lang
        if num.high is not None and num.approx == "at-least" and not num.vague:
            return num  # a range
        cue = _approx_cue(text, num.start, lang)
        if cue:
            kind, cstart = cue
            if num.vague:
                # "plus de dizaines de milliers": keep the vague reading, widen it
                return replace(num, cue_start=cstart)
            return replace(num, approx=kind, cue_start=cstart)
        cues, kinds = after_cues(lang)
        m = cues.match(text[num.end:num.end + 16].lower())
        if m:
            return replace(num, approx=kinds[m.lastindex - 1])
        if text[num.end:num.end + 1] == "+":
            return replace(num, approx="at-least")
        return num


def scan_numbers(text: str, lang: str | None, count_hint=None, date_spans=(), low: str | None = None) -> list[Num]:
    """Every number expression of ``text`` in reading order (see module doc).
    ``low``: ``lexicon.lower_same(text)``, when the caller has it."""
    return _Scanner(text, lang, count_hint, date_spans, low).scan()
