"""Numbers and units: units that do not fit what they measure, and numbers
written in another language's format.

Also home of two small helpers the other structural detectors share: the
language at an offset (a paragraph in another language keeps its own
conventions) and the spans of URLs (whose digits and punctuation are not
prose).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.scanning import Deferred

# --------------------------------------------------------------------------
# Shared helpers


class LanguageAt:
    """The language of the paragraph at an offset, in O(log n) per lookup.

    A paragraph that lingua confidently put in another language than the
    document keeps that language; everything else takes the document's.
    """

    def __init__(self, doc: Document):
        self._starts = [s.start for s in doc.segments]
        self._segments = doc.segments
        self._default = doc.language

    def __call__(self, offset: int) -> str | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            seg = self._segments[i]
            if seg.start <= offset < seg.end and seg.language:
                return seg.language
        return self._default


# Patterns here start with a literal or a character class, never with a
# look-behind or \b, so that the regex engine can skip ahead to candidates.
_URL = re.compile(r"https?://[^\s<>\"«»“”]+|www\.[^\s<>\"«»“”]+|#\w+|@[\w-]+\.[\w.-]+")
_EMAIL_USER = re.compile(r"[\w.+-]+$")


class Exclusions:
    """Spans (URLs, e-mail addresses, hashtags) where prose rules do not apply."""

    def __init__(self, text: str, pattern: re.Pattern = _URL):
        spans = []
        for m in pattern.finditer(text):
            start = m.start()
            if text[start] == "@":  # an e-mail address: take the user part too
                user = _EMAIL_USER.search(text, max(0, start - 64), start)
                if not user:
                    continue
                start = user.start()
            spans.append((start, m.end()))
        self._starts = [s for s, _ in spans]
        self._spans = spans

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]


def windows(text: str, anchor: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans of text around each match of a cheap ``anchor`` pattern.

    Detectors run their costly patterns only inside these windows, so a long
    document costs a fast scan plus a little work per candidate.
    """
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def literal_windows(text: str, literals: tuple[str, ...], before: int,
                    after: int) -> list[tuple[int, int]]:
    """Like :func:`windows`, for plain strings: ``str.find`` is much faster than
    a regex whose first character is a common letter."""
    raw: list[tuple[int, int]] = []
    for literal in literals:
        i = text.find(literal)
        while i >= 0:
            raw.append((max(0, i - before), min(len(text), i + len(literal) + after)))
            i = text.find(literal, i + 1)
    raw.sort()
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def finditer_in(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]):
    """``pattern.finditer`` over each window (look-behinds still see before it)."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


# --------------------------------------------------------------------------
# NU-unit-mismatch

_SP = r"[ \u00a0\u202f\u2009]"
_NUM = r"\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_APPROX_EN = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|over|more than|less than|up to|at least)" + _SP + r")?"
_APPROX_FR = r"(?:(?:environ|près de|quelque|plus de|moins de|presque|au moins|jusqu'à|jusqu’à)" + _SP + r")?"

# Area units and the length unit the writer meant.
_AREA_UNITS = {
    r"km2|km²": "km", r"sq\.? ?km": "km", r"square kilomet(?:re|er)s?": "kilometres",
    r"square miles?": "miles", r"m2|m²": "m", r"square met(?:re|er)s?": "metres",
    r"kilomètres carrés|km carrés": "kilomètres", r"mètres carrés": "mètres",
    r"Quadratkilometer(?:n)?": "Kilometer",
}
_AREA = "|".join(f"(?:{u})" for u in _AREA_UNITS)
_AREA_FIX = [(Deferred(rf"^(?:{u})$", re.I), fix) for u, fix in _AREA_UNITS.items()]

# Things that have a length (or a distance), not an area.
_LENGTH_NOUN_EN = (r"front[ -]?lines?|front|lines? of contact|contact lines?|border|borders|frontier|"
                   r"road|roads|highway|motorway|railway|rail line|pipeline|river|coastline|"
                   r"trench(?:es| line)?|corridor|route|convoy|fence|wall|runway|canal|"
                   r"distance|length|range|perimeter|journey|drive|march")
_LENGTH_NOUN_FR = (r"ligne de front|lignes de front|ligne de contact|front|frontière|frontières|"
                   r"route|routes|autoroute|voie ferrée|voie de chemin de fer|oléoduc|gazoduc|"
                   r"fleuve|rivière|côte|littoral|tranchée|tranchées|corridor|convoi|"
                   r"clôture|mur|piste|canal|distance|longueur|portée|périmètre|trajet|marche")
_LENGTH_NOUN_DE = r"Frontlinie|Front|Grenze|Straße|Strecke|Entfernung|Länge|Reichweite|Pipeline"

# Run only in windows around a unit or a noun (_UNIT_SUBSTRINGS, _NOUN_SUBSTRINGS),
# which most articles lack: compiled when a text first has one (Deferred), not
# at import (~40 ms).
_UNIT_PATTERNS = [
    # "1,000 km2 front line", "a 1,000 km2-long border", "1 000 km² of front line"
    ("en", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA}))(?:[ -](?:long|wide))?{_SP}"
                    rf"(?:of{_SP}(?:the{_SP})?)?(?P<what>{_LENGTH_NOUN_EN})\b", re.I)),
    # "a front line of 1,000 km2", "a range of some 300 square kilometres"
    ("en", Deferred(rf"\b(?P<what>{_LENGTH_NOUN_EN}){_SP}(?:of|stretching|running|extending|"
                    rf"spanning|measuring|that stretches|which stretches|stretches|runs|extends|"
                    rf"spans|measures){_SP}(?:(?:over|for|along|across){_SP})?{_APPROX_EN}"
                    rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA}))(?![\w²])", re.I)),
    # "300 km2 long", "30 km2 away", "30 km2 from Kyiv", "40 km2 south of"
    ("en", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA}))(?:{_SP}|-)(?P<what>long|away|from|"
                    rf"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                    rf"{_SP}of)\b", re.I)),
    # "1 000 km² de ligne de front", "une ligne de front de 1 000 km²"
    ("fr", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA})){_SP}(?:de{_SP}|d[’']){_SP}?"
                    rf"(?P<what>{_LENGTH_NOUN_FR})\b", re.I)),
    ("fr", Deferred(rf"\b(?P<what>{_LENGTH_NOUN_FR}){_SP}(?:(?:longue|qui s'étend|qui s’étend|"
                    rf"s'étend|s’étend|s'étendant|s’étendant|mesurant){_SP}(?:sur{_SP})?|de{_SP}|sur{_SP})"
                    rf"{_APPROX_FR}(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA}))(?![\w²])", re.I)),
    # "à 30 km² de Kiev", "30 km² de long"
    ("fr", Deferred(rf"(?:\bà{_SP}{_APPROX_FR})(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA})){_SP}"
                    rf"(?P<what>au (?:nord|sud)|à l'(?:est|ouest)|à l’(?:est|ouest)|de{_SP}(?!superficie|"
                    rf"territoire|terres?|terrain|forêts?|champs?|surface)[A-ZÀ-Ý]\w+|du centre)", re.I)),
    ("fr", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA})){_SP}(?P<what>de long|de longueur)\b",
                    re.I)),
    ("de", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_AREA}))(?:{_SP}|-)(?P<what>langen?|lange|"
                    rf"{_LENGTH_NOUN_DE})\b")),
]

# A speed where a distance is meant, and a length where an area or a speed is.
_SPEED = r"km/h|kmh|mph|km/heure"
_SPEED_PATTERNS = [
    ("en", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_SPEED}))(?:{_SP}|-)(?P<what>away|from|long|"
                    rf"(?:north|south|east|west){_SP}of|{_LENGTH_NOUN_EN})\b", re.I), "km"),
    ("fr", Deferred(rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>{_SPEED})){_SP}(?P<what>de long|au (?:nord|sud)|"
                    rf"à l['’](?:est|ouest)|de la (?:ville|frontière|capitale|ligne de front))\b", re.I),
     "km"),
]
_LENGTH_FOR = [
    ("en", Deferred(rf"\b(?P<what>(?:an? |the )?area|surface|territory){_SP}of{_SP}{_APPROX_EN}"
                    rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>km|kilomet(?:re|er)s|miles))(?![\w²/])", re.I),
     "area"),
    ("en", Deferred(rf"\b(?P<what>(?:top )?speed){_SP}of{_SP}{_APPROX_EN}"
                    rf"(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>km|kilomet(?:re|er)s|miles))(?![\w²/])", re.I),
     "speed"),
    ("fr", Deferred(rf"\b(?P<what>superficie|surface|aire){_SP}(?:de|d'environ|d’environ){_SP}"
                    rf"{_APPROX_FR}(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>km|kilomètres))(?![\w²/])", re.I),
     "area"),
    ("fr", Deferred(rf"\b(?P<what>vitesse(?: de pointe)?){_SP}(?:de|d'environ|d’environ){_SP}"
                    rf"{_APPROX_FR}(?P<q>(?P<n>{_NUM}){_SP}?(?P<u>km|kilomètres))(?![\w²/])", re.I),
     "speed"),
]


_UNIT_SUBSTRINGS = ("m2", "m²", "carrés", "quare", "q km", "q. km", "Quadrat", "km/h", "kmh", "mph")
_NOUN_SUBSTRINGS = ("rea of", "urface of", "erritory of", "peed of", "uperficie d", "urface d",
                    "aire d", "itesse d")


def _length_unit(unit: str) -> str | None:
    for pattern, fix in _AREA_FIX:
        if pattern.match(unit):
            return fix
    return None


class UnitMismatch(Detector):
    """A unit that cannot measure the thing it is attached to.

    ## What it flags
    An area unit (km², km2, square kilometres, kilomètres carrés) given for
    something that has a length or a distance (a front line, a border, a road,
    a range, "30 km² from Kyiv"); a speed (km/h) given for a distance; a length
    (km) given for an area or a speed ("an area of 300 km", "a speed of 90 km").

    ## Why it matters
    Machine translation and hurried rewriting swap units that sit side by side
    in the source ("1 000 km de front" next to "1 000 km² de territoire").
    The number is then a wrong fact: a front line 1,000 km² "long" means
    nothing, and a reader cannot tell which figure was meant.

    ## Example
    The 1,000 km2 front line is changing little.
    La ligne de front de 1 000 km² bouge peu.

    ## Fix
    Use the unit that fits: "the 1,000 km front line"; check the figure in
    the source when there is one.
    """

    id = "NU-unit-mismatch"
    category = "unit-or-number"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        if not any(map(str.isdigit, text)):  # map: no Python frame per character
            return
        unit_windows = literal_windows(text, _UNIT_SUBSTRINGS, 160, 160)
        noun_windows = literal_windows(text, _NOUN_SUBSTRINGS, 30, 80)
        if not unit_windows and not noun_windows:
            return
        lang_at = ctx.facts(doc).language_at
        seen: set[tuple[int, int]] = set()

        def emit(match, message, suggestion):
            start, end = match.span("q")
            if (start, end) in seen:
                return None
            seen.add((start, end))
            return self.finding(doc, start, end, message, suggestion=suggestion, confidence=0.85)

        for lang, pattern in _UNIT_PATTERNS:
            for m in finditer_in(pattern, text, unit_windows):
                if lang_at(m.start()) != lang:
                    continue
                unit, what = m.group("u"), m.group("what")
                fix = _length_unit(unit)
                suggestion = f"{m.group('n')} {fix}" if fix else None
                f = emit(m, f"'{unit}' measures an area, but '{what.strip()}' is a length or a "
                            f"distance: the unit is wrong", suggestion)
                if f:
                    yield f
        for lang, pattern, fix in _SPEED_PATTERNS:
            for m in finditer_in(pattern, text, unit_windows):
                if lang_at(m.start()) != lang:
                    continue
                f = emit(m, f"'{m.group('u')}' is a speed, but '{m.group('what').strip()}' needs a "
                            f"distance", f"{m.group('n')} {fix}")
                if f:
                    yield f
        for lang, pattern, kind in _LENGTH_FOR:
            for m in finditer_in(pattern, text, noun_windows):
                if lang_at(m.start()) != lang:
                    continue
                unit = m.group("u")
                if kind == "area":
                    square = {"km": "km²", "miles": "square miles"}.get(
                        unit.lower(), "square " + unit if lang == "en" else unit + " carrés")
                    message = f"'{unit}' is a length, but an {m.group('what').strip()} is " \
                              f"measured in square units"
                else:
                    square = {"km": "km/h", "miles": "mph"}.get(unit.lower(), unit + "/h")
                    message = f"'{unit}' is a distance, but a {m.group('what').strip()} is " \
                              f"measured in {square}"
                f = emit(m, message, f"{m.group('n')} {square}")
                if f:
                    yield f


# --------------------------------------------------------------------------
# NU-number-format

# Words after a number that make a dot-grouped "1.250" a count (thousands),
# not a decimal: a plural noun. Units and multipliers keep it a decimal.
_MULTIPLIERS = {"million", "millions", "billion", "billions", "trillion", "bn", "mn", "m",
                "percent", "per", "pc", "times", "points", "point", "pts", "milliard",
                "milliards", "mille", "mio", "mrd", "millionen", "milliarden", "prozent"}
_UNIT_WORDS = {"km", "kg", "m", "cm", "mm", "g", "l", "t", "ha", "mi", "ft", "lb", "lbs", "oz",
               "mph", "kph", "kw", "mw", "gw", "kwh", "mwh", "twh", "hz", "mhz", "ghz", "°c",
               "°f", "h", "min", "s", "ms", "bar", "v", "a", "w", "db", "kt", "mt", "gt",
               "inch", "inches", "metres", "meters", "kilometres", "kilometers", "miles",
               "litres", "liters", "tonnes", "tons", "grams", "kilograms", "hectares",
               "acres", "seconds", "minutes", "hours", "degrees", "volts", "watts",
               "kilomètres", "mètres", "kilogrammes", "grammes", "heures", "secondes",
               "degrés", "litres", "hectares", "centimètres"}
# Each pattern is tried (``match``) at the start of a number token.
_NUMBER_TOKEN = re.compile(r"\d[\d.,]*")
_NOT_BEFORE_NUMBER = set(".,/:")
_DOT_GROUPS = re.compile(r"(?P<n>\d{1,3}(?:\.\d{3})+)(?![\d]|[.,]\d)"
                         r"(?P<after>[ \u00a0\u202f]?[^\W\d_][\w’'-]*)?")
_COMMA_GROUPS = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+)(?![\d]|[.,]\d)"
                           r"(?P<after>[ \u00a0\u202f]?[^\W\d_][\w’'-]*)?")
_COMMA_DECIMAL = re.compile(r"(?P<n>\d+,\d{1,2})(?![\d]|[.,]\d)"
                            r"(?P<after>[ \u00a0\u202f]?(?:%|[^\W\d_][\w’'-]*))")
_DOT_DECIMAL = re.compile(r"(?P<n>\d+\.\d{1,2})(?![\d]|[.,]\d)"
                          r"(?P<after>[ \u00a0\u202f]?(?:%|[^\W\d_][\w’'-]*))")
_PERCENT_SPACED = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)(?P<sp>[ \u00a0\u202f\u2009])%")
_PERCENT_GLUED = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)%")
_CUR = r"[$€£]"
_CURRENCY_AFTER = re.compile(rf"(?P<n>\d[\d,.]*\d|\d)(?P<sp>[ \u00a0\u202f]?)(?P<c>{_CUR})(?![\w$€£])")
_CURRENCY_BEFORE = re.compile(rf"(?P<c>{_CUR})(?P<sp>[ \u00a0\u202f]?)"
                              rf"(?P<n>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d[\d,.]*\d|\d)(?P<mult>[ \u00a0\u202f](?:million|billion|"
                              rf"milliards?|millions?|bn|m)\b)?")
_VERSION_BEFORE = re.compile(r"(?:version|v\.?|release|art\.|article|n°|no\.|§|chapter|"
                             r"chapitre|section|rfc|iso)\s*$", re.I)
_FR_DECIMAL_AFTER = {"million", "millions", "milliard", "milliards", "%", "pour", "fois",
                     "point", "points"} | _UNIT_WORDS
_CURRENCY_WORDS = {"euro", "euros", "dollar", "dollars", "rouble", "roubles", "ruble", "rubles",
                   "franc", "francs", "pound", "pounds", "hryvnia", "hryvnias", "hryvnas", "yen",
                   "yuan", "cents", "zlotys", "kronor", "kroner"}
_EN_DECIMAL_AFTER = {"million", "billion", "trillion", "%", "percent", "per", "times", "bn",
                     "points", "point", "pc", "mio", "mrd", "mln"} | _UNIT_WORDS | _CURRENCY_WORDS
# A comma followed by anything but three digits cannot group thousands: "0,2516", "1,5".
_COMMA_DECIMAL_ALWAYS = re.compile(r"(?P<n>0,\d+|\d+,\d{4,})(?![\d]|[.,]\d)")
_SPACE_GROUPS = re.compile(r"(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?![\d]|[.,]\d)"
                           r"(?P<after>[ \u00a0\u202f]?[^\W\d_][\w’'-]*)?")
_APOSTROPHE_GROUPS = re.compile(r"(?P<n>\d{1,3}(?:['’]\d{3})+)(?![\d'’])")


def _after_word(match) -> str:
    after = (match.group("after") or "").strip().lower()
    return after


def _is_count_word(word: str) -> bool:
    """A plural word that is not a unit or a multiplier: "soldiers", "obus"."""
    if not word or word in _MULTIPLIERS or word in _UNIT_WORDS:
        return False
    return len(word) > 2 and word[-1] in "sx"


class NumberFormat(Detector):
    """A number, percentage or amount written in another language's format.

    ## What it flags
    In English text: thousands grouped with dots ("1.250 soldiers",
    "100.000 troops"), with spaces ("6 000 000 rubles") or with the Swiss
    apostrophe ("1'250'000"), decimals with a comma ("4,3%", "1,28 million",
    and any comma that cannot group thousands: "0,2516 euro"), a
    space before "%" ("46 %"), a currency sign after the amount ("5 $",
    "5 €") or spaced from it ("$ 5").
    In French text: thousands grouped with commas ("1,250 soldats",
    "30,000 sanctions"), decimals with a point ("3.5 millions", "4.3 %"),
    "%" glued to the number ("46%"), the currency sign before the amount
    ("$5", "€ 5").
    The dot-grouped thousands common in the French and German press
    ("1.250 kilomètres carrés", "100.000 soldats") are accepted in French and
    German text. Years, times (10.30), versions and URLs are left alone.

    ## Why it matters
    A number in the source language's format is a typical trace of machine
    translation, and it can change the value: to an English reader
    "1.250 soldiers" reads as one and a quarter soldiers, and "1,250" in a
    French text reads as 1.25.

    ## Example
    More than 1.250 soldiers were captured; growth reached 4,3 % last year.
    Plus de 1,250 soldats ont été capturés, soit une hausse de 3.5 millions.

    ## Fix
    Write the number in the text's convention: English "1,250", "4.3%",
    "$5"; French "1 250" (with a no-break space), "3,5 millions", "46 %",
    "5 $" or "5 dollars".
    """

    id = "NU-number-format"
    category = "number-format"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        lang_at = ctx.facts(doc).language_at
        skip: Exclusions | None = None
        findings: list[Finding] = []

        def add(start, end, message, suggestion, severity=None, confidence=0.85):
            findings.append(self.finding(doc, start, end, message, suggestion=suggestion,
                                         severity=severity, confidence=confidence))

        for token in _NUMBER_TOKEN.finditer(text):
            start = token.start()
            if start:
                before = text[start - 1]
                if before in _NOT_BEFORE_NUMBER or before.isalnum() or before == "_":
                    continue
                if before == "-" and start >= 2 and text[start - 2].isalpha():
                    continue  # a model's designation: "Soyouz-2.1a", "Su-25"
            lang = lang_at(start)
            if lang not in ("en", "fr"):
                continue
            if skip is None:
                skip = ctx.facts(doc).exclusions
            if start in skip or _VERSION_BEFORE.search(text, max(0, start - 12), start):
                continue
            if lang == "en":
                self._english(text, start, add)
            else:
                self._french(text, start, add)
        for m in _CURRENCY_BEFORE.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "$€£_"):
                continue  # "US$5", "HK$ 3": a prefixed dollar is written its own way
            lang = lang_at(start)
            if lang not in ("en", "fr"):
                continue
            if skip is None:
                skip = ctx.facts(doc).exclusions
            if start in skip:
                continue
            if lang == "en":
                if m.group("sp") and m.group("c") in "$€£":
                    add(start, m.end("n"), "English writes the currency sign against the amount",
                        f"{m.group('c')}{m.group('n')}", severity=Severity.INFO)
                continue
            amount = m.group("n").strip()
            mult = (m.group("mult") or "").strip()
            end = m.end("mult") if mult else m.end("n")
            sign = m.group("c")
            word = {"$": "dollars", "€": "euros", "£": "livres"}.get(sign[-1])
            suggestion = (f"{amount} {mult} de {word}" if word else None) if mult \
                else f"{amount}\u00a0{sign}"
            add(start, end, "French puts the currency after the amount", suggestion)
        yield from sorted(findings, key=lambda f: (f.start, f.end))

    @staticmethod
    def _english(text: str, pos: int, add) -> None:
        m = _SPACE_GROUPS.match(text, pos)
        if m and not (pos >= 2 and text[pos - 1] in " \u00a0\u202f" and text[pos - 2].isdigit()):
            n, word = m.group("n"), _after_word(m)
            hard_space = any(c in n for c in "\u00a0\u202f")
            if hard_space or n.count(" ") >= 2 or _is_count_word(word) or word in _CURRENCY_WORDS:
                add(m.start("n"), m.end("n"),
                    f"'{n}' groups thousands with spaces, the French, German and Russian way; "
                    f"English groups them with commas",
                    re.sub(r"[ \u00a0\u202f]", ",", n))
                return
        m = _APOSTROPHE_GROUPS.match(text, pos)
        if m and not (pos >= 2 and text[pos - 1] in "'’" and text[pos - 2].isdigit()):
            n = m.group("n")
            add(m.start("n"), m.end("n"),
                f"'{n}' groups thousands with apostrophes, the Swiss way; English groups them "
                f"with commas", re.sub(r"['’]", ",", n))
            return
        m = _COMMA_DECIMAL_ALWAYS.match(text, pos)
        if m:
            n = m.group("n")
            add(m.start("n"), m.end("n"),
                f"'{n}' uses a decimal comma; English writes a decimal point",
                n.replace(",", "."))
            return
        m = _DOT_GROUPS.match(text, pos)
        if m:
            n, word = m.group("n"), _after_word(m)
            if n.count(".") >= 2 or n.endswith(".000") or _is_count_word(word):
                add(m.start("n"), m.end("n"),
                    f"'{n}' uses a dot to group thousands, the French and German way; "
                    f"in English it reads as a decimal", n.replace(".", ","))
                return
        m = _PERCENT_SPACED.match(text, pos)
        if m:
            n = m.group("n")
            if re.fullmatch(r"\d+,\d{1,2}", n):
                add(m.start(), m.end(), f"'{n} %' is written the French way; English writes a "
                    f"decimal point and no space before '%'", f"{n.replace(',', '.')}%")
            else:
                add(m.start(), m.end(), "English writes the percent sign right after the number",
                    f"{n}%", severity=Severity.INFO)
            return
        m = _COMMA_DECIMAL.match(text, pos)
        if m:
            n, word = m.group("n"), _after_word(m)
            if word in _EN_DECIMAL_AFTER or word.startswith("%") or text[pos - 1:pos] in "$€£" and pos:
                add(m.start("n"), m.end("n"),
                    f"'{n}' uses a decimal comma; English writes a decimal point",
                    n.replace(",", "."))
                return
        m = _CURRENCY_AFTER.match(text, pos)
        if m and not text[m.end():m.end() + 1].isdigit():
            add(m.start(), m.end(), "English puts the currency sign before the amount",
                f"{m.group('c')}{m.group('n')}")

    @staticmethod
    def _french(text: str, pos: int, add) -> None:
        m = _COMMA_GROUPS.match(text, pos)
        if m:
            n, word = m.group("n"), _after_word(m)
            # "2,200 milliards": French would not write 2.2 with trailing zeros
            multiplied = word in ("milliards", "millions") and n.count(",") == 1 and n.endswith("00")
            if n.count(",") >= 2 or n.endswith(",000") or _is_count_word(word) or multiplied:
                add(m.start("n"), m.end("n"),
                    f"'{n}' groups thousands with a comma, the English way; in French a comma "
                    f"marks decimals, so this reads as {n.replace(',', ' virgule ', 1)}",
                    n.replace(",", "\u202f"))
                return
        m = _PERCENT_GLUED.match(text, pos)
        if m:
            n = m.group("n")
            if re.fullmatch(r"\d+\.\d{1,2}", n):
                add(m.start(), m.end(), f"'{n}%' is written the English way; French writes a "
                    f"decimal comma and a (narrow) no-break space before '%'",
                    f"{n.replace('.', ',')}\u202f%")
            else:
                add(m.start(), m.end(),
                    "French puts a (narrow) no-break space between the number and '%'",
                    f"{n}\u202f%", severity=Severity.INFO)
            return
        m = _DOT_DECIMAL.match(text, pos)
        if m:
            n, word = m.group("n"), _after_word(m)
            if word == "heures" and re.fullmatch(r"(?:[01]?\d|2[0-3])\.[0-5]\d", n):
                return  # "14.30 heures": a time of day (MT-clock-duration's case)
            if word in _FR_DECIMAL_AFTER or word.startswith("%"):
                add(m.start("n"), m.end("n"),
                    f"'{n}' uses a decimal point; French writes a decimal comma",
                    n.replace(".", ","))
