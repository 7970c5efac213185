"""Clock times that should be durations, and durations that should be times.

French "heures" and German "Stunden"/"Uhr" cover both a duration and a time
of day; machine translation picks the wrong one: "une attaque de près de dix
heures" becomes "an attack of almost ten o'clock".
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.numbers import finditer_in, literal_windows, windows
from checker.scanning import Deferred

_SP = r"[ \u00a0\u202f]+"
_Q = r"(?:[\"“”'‘’«»]" + r"[ \u00a0\u202f]?)?"  # an optional quote between the words

_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_EN_NUM = (r"(?P<num>\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|"
           r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
           r"seventeen|eighteen|nineteen)")
_OCLOCK = r"(?P<oclock>o[’'ʼ`´]?[ ]?clock)"
_APPROX = (r"(?:(?P<approx>almost|nearly|about|around|some|roughly|approximately|more than|"
           r"less than|over|under|at least|up to|barely|just over|just under|a good|fully|"
           r"close to|upwards of)" + _SP + _Q + ")?")

# Nouns of events that last: "an attack of (almost) ten o'clock".
_EVENT_NOUNS = (r"attacks?|raids?|assaults?|strikes?|bombardments?|shelling|fighting|fights?|"
                r"battles?|clashes|offensive|siege|operation|blackout|outage|power cut|curfew|"
                r"delay|wait|journey|trip|drive|flight|walk|march|meeting|session|debate|talks|"
                r"negotiations|discussions?|interrogation|hearing|speech|marathon|shift|"
                r"standoff|stand-off|search|rescue|evacuation|alert|alarm|barrage|wave|"
                r"bombing|firefight|exchange|ride|crossing|hike|queue|strike")
# Words that can follow a duration; any other word after "o'clock" is a noun
# it qualifies ("the ten o'clock news", "for the 8 o'clock train"): a time.
_FOLLOW_OK = {
    "of", "and", "or", "but", "before", "after", "when", "while", "until", "till", "to", "in",
    "on", "at", "the", "a", "an", "with", "without", "by", "from", "later", "ago", "earlier",
    "long", "away", "straight", "nonstop", "now", "that", "which", "as", "for", "so", "yet",
    "then", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "during",
    "into", "against", "over", "under", "through", "throughout", "since", "according", "said",
    "says", "earlier", "more", "only", "each", "every", "per", "without", "amid", "across",
}
# The patterns run only in windows around cheap anchors ("clock", "hour", "Uhr"):
# compiled when a text first has one (Deferred), not at import (~40 ms).
_SCHEDULE = Deferred(
    r"\b(?:scheduled|rescheduled|set|planned|booked|arranged|slated|due|called|fixed|postponed|"
    r"delayed|moved|reserved|appointment|meeting|timed|ready|waiting|waited|wait|alarm|"
    r"brought forward|pushed back|convened|summoned|announced|planned|organised|organized)"
    r"[\w ,]{0,20}$", re.I)
_STROKE = Deferred(r"\b(?:stroke|strike|chimes?|bells?|toll)\s+$", re.I)

_EN_BEFORE = Deferred(
    rf"\b(?P<cue>lasted|lasting|lasts|last|took|takes|taking|spent|spend|spending|during|for|"
    rf"within|in|every|after|(?P<event>{_EVENT_NOUNS}){_SP}(?:of|lasting)|of)"
    rf"{_SP}{_Q}{_APPROX}{_EN_NUM}{_SP}{_OCLOCK}", re.I)
_EN_AFTER = Deferred(
    rf"(?<![\w-]){_APPROX}{_EN_NUM}{_SP}{_OCLOCK}{_Q}{_SP}(?P<tail>later|earlier|ago|long|away|"
    rf"straight|nonstop|on end|in a row|of(?!{_SP}(?:the|a|an|this|that|that|each)\b)"
    rf"{_SP}[a-z][\w-]+)\b", re.I)
_EN_ANY = Deferred(rf"(?<![\w-]){_APPROX}{_EN_NUM}{_SP}{_OCLOCK}", re.I)
_NEXT_WORD = Deferred(r"[\"“”'‘’»]?[ \u00a0\u202f]*([^\W\d_][\w-]*)")

# "at 10 hours" for a time of day, "at 10h30": French "à 10 heures", "à 10h30".
_EN_AT_HOURS = Deferred(
    rf"\b(?P<at>at|by|until|till|since|from){_SP}(?P<num>\d{{1,2}}|one|two|three|four|five|six|"
    rf"seven|eight|nine|ten|eleven|twelve){_SP}(?P<h>hours?)\b(?!{_SP}(?:of|after|post|into|"
    rf"later|per|a day|each|old|from|before|ahead|behind|long|earlier|ago|in advance|"
    rf"notice|intervals?)\b)(?![-’'])", re.I)
_EN_H_FORMAT = Deferred(
    r"\b(?P<at>at|by|until|till|since|from|around)[ \u00a0\u202f]+(?P<h>\d{1,2})[ \u00a0\u202f]?h"
    r"(?:[ \u00a0\u202f]?(?P<m>[0-5]\d))?\b", re.I)

# French: English clock notation left in the text.
_FR_AMPM = Deferred(
    r"(?<![\w.,])(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?[ \u00a0\u202f]?(?P<ap>a\.m\.|p\.m\.|AM|PM|am|pm)"
    r"(?![\w])")
# English "4:30" kept in French, where a time is written "4 h 30": only with
# what makes it a time of day, a word after it ("15:22 heure de Moscou") or
# before it (_FR_TIME_BEFORE: "à 4:30").
_FR_COLON_TIME = Deferred(
    r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])"
    r"(?P<after>[ \u00a0\u202f]+(?:du matin|de l'après-midi|de l’après-midi|du soir|heure(?:s)? "
    r"(?:de|locale|de Paris|de Moscou|de Kyiv|de Kiev|française|GMT)|\(?GMT|\(?UTC|HNE|HAE))?")
_AMPM_ANCHOR = re.compile(r"\d[ \u00a0\u202f]?(?:[ap]\.m\.|[AaPp][Mm]\b)")  # of _FR_AMPM
_DIGIT_COLON_DIGITS = re.compile(r"\d:[0-5]\d")  # the cheap anchor of _FR_COLON_TIME
_FR_TIME_BEFORE = re.compile(r"\b(?:à|vers|dès|jusqu'à|jusqu’à|depuis|entre|et)[ \u00a0]+$")
# German "14.30 Uhr" rendered word for word: "14.30 heures".
_FR_DOTTED_HOURS = Deferred(r"(?<![\w.,])(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)[ \u00a0\u202f]+heures\b")
_FR_OCLOCK = Deferred(rf"(?<![\w-])(?P<h>\d{{1,2}}){_SP}o[’'ʼ]?[ ]?clock\b", re.I)

# German: "Uhr" (time of day) where "Stunden" (duration) is meant.
_DE_NUM = (r"(?P<num>(?i:\d{1,3}|eine|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|"
           r"zwölf|vierundzwanzig|achtundvierzig|zweiundsiebzig))")
_DE_APPROX = r"(?:(?P<approx>(?i:fast|knapp|etwa|rund|über|mehr als|beinahe|gut|ungefähr))" + _SP + ")?"
_DE_PATTERNS = [
    Deferred(rf"\b(?:dauerte|dauerten|dauert|dauern|andauernde[nmr]?|während|innerhalb(?:{_SP}von)?)"
             rf"{_SP}{_DE_APPROX}{_DE_NUM}{_SP}(?P<oclock>Uhr)\b"),
    Deferred(rf"(?<![\w-]){_DE_APPROX}{_DE_NUM}{_SP}(?P<oclock>Uhr){_SP}(?:lang|später|zuvor|früher)\b"),
    Deferred(rf"\b(?:[Aa]ngriffs?|Angriffe|[Kk]ampf|Kämpfe|Beschuss|Bombardement|Sitzung|"
             rf"Verhandlungen){_SP}von{_SP}(?P<approx>fast|knapp|etwa|rund|über|mehr als|"
             rf"beinahe|gut|ungefähr){_SP}{_DE_NUM}{_SP}(?P<oclock>Uhr)\b"),
]


# Cheap anchors: the costly patterns run only in windows around them.
_DIGIT_H = re.compile(r"\dh")


def _value(num: str) -> int | None:
    num = num.lower().replace(" ", "-")
    if num.isdigit():
        return int(num)
    parts = num.split("-")
    total = 0
    for part in parts:
        if part not in _EN_NUMBERS:
            return None
        total += _EN_NUMBERS[part]
    return total


class ClockForDuration(Detector):
    """A clock time ("o'clock") where the text means a duration (hours), or the reverse.

    ## What it flags
    In English: "N o'clock" after a duration cue — "lasted", "took", "for",
    "during", "within", "every", "an attack of (almost) ten o'clock" — or
    before one ("two o'clock later", "ten o'clock of fighting"), and
    "o'clock" with more than twelve hours ("48 o'clock"). The reverse, a
    duration word for a time of day: "at 10 hours" and the French "at 10h30".
    In French, English clock notation left in the text ("à 10 a.m.",
    "2:15 pm", "à 4:30", "15:22 heure de Moscou", "3 o'clock") and the
    German one ("14.30 heures"); in German, "Uhr" used as a duration ("zwei Uhr lang",
    "dauerte fast zehn Uhr").
    It stays silent on real times: "at ten o'clock in the morning", "the ten
    o'clock news", "by 3 o'clock", "scheduled for two o'clock", "at the stroke
    of ten o'clock".

    ## Why it matters
    French "heures" and German "Stunden/Uhr" are both a duration and a time of
    day; machine translation picks the wrong one, and the text then states a
    wrong fact: an attack "of almost ten o'clock" lasted nearly ten hours, it
    did not happen at ten.

    ## Example
    Another 400 drones were launched in an attack of almost ten o'clock.
    The meeting lasted 3 o'clock. The summit opens at 10 hours.

    ## Fix
    Write the duration in hours ("nearly ten hours", "lasted three hours"),
    and the time of day with "o'clock", "a.m./p.m." or "10:30" in English;
    "10 h" or "22 h 30" in French; "zehn Stunden" in German.
    """

    id = "MT-clock-duration"
    category = "mistranslation"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        lang_at = ctx.facts(doc).language_at
        found: dict[tuple[int, int], Finding] = {}

        def add(start, end, message, suggestion, severity=None, confidence=0.85):
            if any(s <= start < e or start <= s < end for s, e in found):
                return
            found[(start, end)] = self.finding(doc, start, end, message, suggestion=suggestion,
                                               severity=severity, confidence=confidence)

        clock_windows = literal_windows(text, ("clock", "Clock", "CLOCK"), 160, 90)
        if clock_windows:
            self._english_oclock(doc, lang_at, add, clock_windows)
        hour_windows = literal_windows(text, ("hour", "Hour"), 30, 60)
        hour_windows = sorted(hour_windows + windows(text, _DIGIT_H, 30, 10))
        if hour_windows:
            for m in finditer_in(_EN_AT_HOURS, text, hour_windows):
                if lang_at(m.start()) != "en":
                    continue
                num = m.group("num")
                unit = "o'clock"
                add(m.start("num"), m.end("h"),
                    f"'{m.group('at')} {num} {m.group('h')}' gives a time of day as a duration "
                    f"(French 'à {num} heures'): write the clock time",
                    f"{num} {unit}")
            for m in finditer_in(_EN_H_FORMAT, text, hour_windows):
                if lang_at(m.start()) != "en":
                    continue
                h, mins = m.group("h"), m.group("m") or "00"
                add(m.start("h"), m.end(), f"'{m.group(0)[len(m.group('at')) + 1:]}' is the French "
                    f"way to write a time; English writes {h}:{mins}",
                    f"{h}:{mins}", severity=Severity.WARNING)
        for m in finditer_in(_FR_AMPM, text, windows(text, _AMPM_ANCHOR, 8, 2)):
            if lang_at(m.start()) != "fr":
                continue
            h = int(m.group("h"))
            pm = m.group("ap").lower().startswith("p")
            if h > 12:
                continue
            h24 = (h % 12) + (12 if pm else 0)
            fix = f"{h24}\u00a0h" + (f"\u00a0{m.group('m')}" if m.group("m") else "")
            add(m.start(), m.end(), f"'{m.group(0)}' is the English way to write a time; "
                f"French writes {fix.replace(chr(160), ' ')}", fix, severity=Severity.WARNING)
        for m in finditer_in(_FR_COLON_TIME, text, windows(text, _DIGIT_COLON_DIGITS, 2, 40)):
            if lang_at(m.start()) != "fr":
                continue
            if not m.group("after") and not _FR_TIME_BEFORE.search(text, max(0, m.start() - 12),
                                                                   m.start()):
                continue  # "le score de 3:21", "le ratio 12:30": not shown to be a time
            fix = f"{m.group('h')}\u00a0h\u00a0{m.group('m')}"  # "4 h 30 du matin": the rest stays
            end = m.end("m")
            add(m.start(), end, f"'{text[m.start():end]}' is the English way to write a time; "
                f"French writes {fix.replace(chr(160), ' ')}", fix, severity=Severity.WARNING)
        for m in finditer_in(_FR_DOTTED_HOURS, text, literal_windows(text, ("heures",), 8, 0)):
            if lang_at(m.start()) != "fr":
                continue
            fix = f"{m.group('h')}\u00a0h\u00a0{m.group('m')}"
            add(m.start(), m.end(), f"'{m.group(0)}' is the German way to write a time "
                f"('14.30 Uhr'); French writes {fix.replace(chr(160), ' ')}", fix,
                severity=Severity.WARNING)
        for m in finditer_in(_FR_OCLOCK, text, clock_windows):
            if lang_at(m.start()) == "fr":
                add(m.start(), m.end(), "'o'clock' left in English in a French text",
                    f"{m.group('h')}\u00a0h", severity=Severity.WARNING)
        uhr_windows = literal_windows(text, ("Uhr",), 90, 30)
        if uhr_windows:
            for pattern in _DE_PATTERNS:
                for m in finditer_in(pattern, text, uhr_windows):
                    if lang_at(m.start()) != "de":
                        continue
                    start = m.start("approx") if m.group("approx") else m.start("num")
                    prefix = text[start:m.start("oclock")]
                    unit = "Stunde" if m.group("num").lower() in ("eine", "einer", "1") else "Stunden"
                    add(start, m.end("oclock"),
                        f"'Uhr' is a time of day; a duration of {m.group('num')} hours is "
                        f"'{m.group('num')} {unit}'", prefix + unit)
        yield from sorted(found.values(), key=lambda f: f.start)

    def _english_oclock(self, doc: Document, lang_at, add, spans) -> None:
        text = doc.text

        def report(m, why: str, confidence: float = 0.85):
            start = m.start("approx") if m.group("approx") else m.start("num")
            value = _value(m.group("num"))
            prefix = text[start:m.start("oclock")]
            hours = "hour" if value == 1 else "hours"
            suggestion = prefix + hours
            add(start, m.end("oclock"),
                f"'{text[m.start('num'):m.end('oclock')]}' is a time of day, but {why}: "
                f"the duration is {m.group('num')} {hours} (French 'heures' mistranslated)",
                suggestion, confidence=confidence)

        def follows_noun(m) -> bool:
            nxt = _NEXT_WORD.match(text, m.end("oclock"))
            if not nxt or text[m.end("oclock"):nxt.start(1)].strip(" \u00a0\u202f\"“”'‘’»") :
                return False
            word = nxt.group(1)
            return word[0].islower() and word.lower() not in _FOLLOW_OK

        for m in finditer_in(_EN_BEFORE, text, spans):
            if lang_at(m.start()) != "en" or follows_noun(m):
                continue
            cue = m.group("cue").lower()
            before = text[max(0, m.start() - 40):m.start()]
            if cue == "of":
                if not m.group("approx") or _STROKE.search(before + "of "):
                    continue
            elif cue == "for":
                if _SCHEDULE.search(before):
                    continue
            elif cue == "after":
                tail = text[m.end("oclock"):m.end("oclock") + 30]
                if not re.match(rf"{_SP}of{_SP}(?!the\b|a\b)[a-z]", tail):
                    continue
            elif cue in ("in", "within") and not m.group("approx") and \
                    not _SP_OR_PUNCT_AFTER.match(text, m.end("oclock")):
                continue
            elif m.group("event") and not m.group("approx") and cue.endswith("of") and \
                    _STROKE.search(before + m.group("event") + " "):
                continue
            report(m, f"after '{m.group('cue')}' it must be a length of time")
        for m in finditer_in(_EN_AFTER, text, spans):
            if lang_at(m.start()) != "en":
                continue
            report(m, f"'{m.group('tail')}' makes it a length of time")
        for m in finditer_in(_EN_ANY, text, spans):
            if lang_at(m.start()) != "en":
                continue
            value = _value(m.group("num"))
            if value is not None and (value > 12 or value == 0):
                report(m, "a clock has no such hour", confidence=0.8)


_SP_OR_PUNCT_AFTER = Deferred(r"[\"“”'‘’»]?(?:[ \u00a0\u202f]*[,.;:!?)]|[ \u00a0\u202f]+(?:of|and|"
                              r"before|after|to|later|away|in|on|without)\b|$)")
