"""From a document's text to numeric claims: value, unit, what is counted, who, when.

The internal record ``XClaim`` keeps what the cross-checks need (concept,
bounds, rate, side, places, sentence); ``XClaim.to_core()`` gives the report's
``core.Claim``.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, fields
from functools import lru_cache

from checker.claims import lexicon as L
from checker.claims.dates import find_dates, has_case_odd
from checker.claims.numbers import SPACES, Num, after_cues, scan_numbers
from checker.claims.tables import Tables, load_tables
from checker.core import Claim, CrossSpan, Document
from checker.scanning import not_after, word_alternation

# A sentence ends at . ! ? … (then closing quotes, spaces, and no lower-case letter)
# or at line breaks. The pattern opens with a character class, not with the
# alternatives, so that re finds the candidates by a quick scan of the text.
_SENT_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])[\"»”’)\]]*[" + SPACES + r"]+(?=[\"«“(\[]?[^\W_a-zа-яіїєґà-ÿ])"
                       r"|(?<=\n)\n*)")
_DATE_DOT = re.compile(r"(?<![\d.,])(?:[1-9]|[12]\d|3[01])\.$")
_ABBR_DOT = re.compile(r"([\w.]+)\.$")
_ABBR = {"m", "mm", "mr", "mrs", "dr", "st", "gen", "col", "lt", "sgt", "no", "nr", "z.b", "bzw", "ca",
         "etc", "vs", "jr", "sr", "prof", "u.s", "т.е", "т.д", "им", "г", "гг", "ул", "mme", "mlle"}
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*|\d[\d.,  ]*")
_STOP = re.compile(r"[;:!?()\[\]«»“”\"]|[.,](?!\d)")
_LAST_STOP = re.compile(r"(?s:.*)(?:" + _STOP.pattern + ")")  # ends where the last _STOP of a text does
_FILLER = {
    "en": {"of", "the", "more", "new", "other", "people"}, "fr": {"de", "d'", "des", "du", "d’", "nouveaux", "autres"},
    "de": {"der", "die", "den", "von", "weitere", "weiteren"}, "es": {"de", "los", "las", "del", "nuevos", "otros"},
    "ru": {"из"}, "uk": {"з", "із"},
}
_PARTITIVE = {
    "en": ("of which", "of them", "including", "among them"), "fr": ("dont", "parmi lesquels", "parmi eux"),
    "de": ("davon", "darunter"), "es": ("de los cuales", "de las cuales", "entre ellos"),
    "ru": ("из них", "в том числе", "среди них"), "uk": ("з них", "у тому числі", "серед них"),
}
_EVERY_NIGHT = re.compile(r"(?:every|each)\s+night|chaque\s+nuit|toutes\s+les\s+nuits|jede\s+nacht|"
                          r"cada\s+noche|каждую\s+ночь|щоночі|кожної\s+ночі", re.I)
_LOCATIVE = {
    "en": ("in", "near", "around", "at", "outside", "of"), "fr": ("à", "près de", "autour de", "de", "en"),
    "de": ("in", "bei", "um", "nahe"), "es": ("en", "cerca de", "de"),
    "ru": ("в", "под", "у", "около"), "uk": ("в", "у", "під", "біля"),
}
_QUAL_LABEL = {("*", "intercepted"): "shot down", ("tanks", "intercepted"): "destroyed"}
_TIMES = re.compile(r"[" + SPACES + r"]+(?:fois|times|mal|veces|раз|рази|разів|раза)(?!\w)", re.I)
# a capitalised name, not after a letter, digit, apostrophe or hyphen
_CAP = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ]" + not_after(r"[\w'’-]") + r"[\w'’-]*[^\W\d_]")
_ELIDED_FIRST = "dlDLjJ"
_ELIDED = re.compile(r"[" + _ELIDED_FIRST + r"]['’]\w")  # d'explosifs, l'artillerie
_SPACE_RUN = re.compile(r"[" + SPACES + r"]+")
_OF_BEFORE_UNIT = re.compile(r"[" + SPACES + r"]+(?:de|d['’]|of|in|en)[" + SPACES + r"]*", re.I)
_SYMBOL_BEFORE = re.compile(r"(?:US\$|[$€£₴₽])[" + SPACES + r"]?$")
_SPACES_COMMA = SPACES + ","
_SYMBOLS = (("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₴", "UAH"), ("₽", "RUB"))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in words)


@dataclass(frozen=True)
class _LangRx:
    """A language's word lists as compiled patterns and tuples: built once, not per document."""

    modal: re.Pattern
    modal_lower: re.Pattern
    another: re.Pattern
    partitive: tuple[str, ...]
    equiv: tuple[str, ...]
    after: tuple[re.Pattern, tuple[str, ...]]  # "or more", "environ" after a space: numbers.after_cues
    rate: re.Pattern
    locative: re.Pattern


@lru_cache(maxsize=len(L.LANGS))
def _lang_rx(lang: str) -> _LangRx:
    rates = sorted(L.RATES[lang], key=len, reverse=True)
    return _LangRx(
        modal=re.compile(r"(?<!\w)(?:" + _alternation(L.MODAL[lang]) + r")(?!\w)", re.I),
        # the same words in a lower-cased text, without re.I: a trie whose look-behind
        # follows its first character, so re skips to where one may start
        modal_lower=re.compile(r"(?:" + word_alternation(L.MODAL[lang], before=r"\w") + r")(?!\w)"),
        another=re.compile(r"(?<!\w)(?:" + _alternation(L.ANOTHER[lang]) + r")[" + SPACES + r"]+$", re.I),
        partitive=tuple(L._apos(x) for x in _PARTITIVE[lang]),
        equiv=tuple(L._apos(x) for x in L.EQUIV[lang]),
        after=after_cues(lang, "[" + SPACES + "]+", re.I),
        rate=re.compile(r"[" + SPACES + r"]*(?:[\w'’-]+[" + SPACES + r"]+){0,2}?(?P<r>" + _alternation(rates) + r")(?!\w)"),
        locative=re.compile(r"(?<!\w)(?:" + _alternation(_LOCATIVE[lang]) + r")[" + SPACES + r"]+$"),
    )


@dataclass(frozen=True)
class XClaim:
    id: str
    path: str
    lang: str
    start: int
    end: int
    text: str
    value: float
    high: float | None
    approx: str  # exact | about | below | at-least | at-most
    tol: float
    unit: str  # key of the unit table ("count", "km", "%", "USD")
    concept: str
    qualifier: str | None
    when: str | None
    entities: tuple[str, ...]
    places: frozenset[str]
    side: frozenset[str]
    rate: str | None
    modal: bool
    another: bool
    vague: bool
    sentence: tuple[int, int]
    equiv_of: str | None = None  # id of the claim this one restates ("soit")
    part_of: str | None = None
    align: bool = True
    doc_date: str | None = None
    specific: frozenset[str] = frozenset()  # entities other than countries

    @property
    def label(self) -> str:
        """What is counted, in words: "drones", "drones shot down", "tanks destroyed"."""
        if not self.qualifier:
            return self.concept.replace("-", " ")
        q = _QUAL_LABEL.get((self.concept, self.qualifier)) or _QUAL_LABEL.get(("*", self.qualifier), self.qualifier)
        return f"{self.concept} {q}"

    def __post_init__(self) -> None:
        # ``key``, what is counted as one string, is asked for each pair of claims the
        # cross stage weighs: set once, not a field (not serialised, not compared)
        # and not a functools.cached_property, which takes a lock on each first read
        object.__setattr__(self, "key", self.concept + (f"/{self.qualifier}" if self.qualifier else ""))

    _span = None  # not a field: an instance's own CrossSpan once a verdict asks (below)

    @property
    def span(self) -> CrossSpan:
        """Where the claim stands, as verdicts name it: made at the first one and kept
        (a claim is in many; not serialised)."""
        if self._span is None:
            object.__setattr__(self, "_span", CrossSpan(self.path, self.start, self.end, self.text))
        return self._span

    def bounds(self, tables: Tables) -> tuple[float, float]:
        """The interval of values compatible with how the number was written, in base units."""
        v, t = self.value, self.tol
        if self.approx == "exact":
            lo, hi = v - t, v + t
        elif self.approx == "about":
            lo, hi = v * 0.85 - t, v * 1.15 + t
        elif self.approx == "below":
            lo, hi = v * 0.85 - t, v + t
        elif self.approx == "at-least":
            lo, hi = v - t, (self.high + t) if self.high is not None else math.inf
        else:
            lo, hi = 0.0, v + t
        f = tables.units[self.unit].factor
        return lo * f, hi * f

    def to_json(self) -> dict:
        """A JSON-safe record (for the result cache): the fields in their order, sets
        as sorted lists and tuples as lists. (Written and read for every claim of a
        run: the field names are listed once, and only the containers converted.)"""
        record = {name: getattr(self, name) for name in _FIELD_NAMES}
        for name, value in record.items():
            if isinstance(value, (frozenset, tuple)):
                record[name] = _plain(value)
        return record

    @classmethod
    def from_json(cls, data: dict) -> "XClaim":
        values = {name: data[name] for name in _FIELD_NAMES if name in data}
        for name in _TYPED:
            if name in values:
                values[name] = _typed(name, values[name])
        return cls(**values)

    def to_core(self, tables: Tables) -> Claim:
        concept = tables.concepts[self.concept]
        unit = concept.unit if self.unit == "count" else self.unit
        quantity = self.concept + (self.label[len(self.concept):] if self.qualifier else "")
        return Claim(id=self.id, start=self.start, end=self.end, text=self.text, value=self.value,
                     unit=unit, quantity=quantity, approx="about" if self.approx == "below" else self.approx,
                     when=self.when, entities=self.entities)


_FIELD_NAMES = tuple(f.name for f in fields(XClaim))
_SETS = ("places", "side", "specific")
_TUPLES = ("entities", "sentence")
_TYPED = _SETS + _TUPLES  # the fields from_json turns back from lists


def _plain(value):
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _typed(name: str, value):
    if name in _SETS:
        return frozenset(value)
    if name in _TUPLES:
        return tuple(value)
    return value


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (own splitter: documents may come unsplit)."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        mark = text[m.start()]
        if mark == "\n":
            end = m.start()
        else:
            end = m.start() + 1
            if mark == "." and _DATE_DOT.search(text, max(0, end - 4), end):
                continue  # "am 9. Juni": a German date, not a sentence end
            prev = _ABBR_DOT.search(text, max(0, end - 12), end)
            if prev and prev.group(1).lower() in _ABBR:
                continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    try:
        from wordfreq import zipf_frequency
        return zipf_frequency(word, lang)
    except Exception:  # pragma: no cover - wordfreq missing a language
        return 0.0


class Extractor:
    # the most words any helper asks for on one side of a number
    _WORDS_KEPT = 6

    def __init__(self, doc: Document, tables: Tables | None = None):
        self.doc = doc
        self.t = tables or load_tables()
        self.text = doc.text
        self.lang = doc.language if doc.language in L.LANGS else "en"
        self.name = doc.path.replace("\\", "/").rsplit("/", 1)[-1]
        self.rx = _lang_rx(self.lang)
        # The number scanner and the unit, concept and qualifier look-ups ask about
        # the same words several times: each position's answer is kept per document.
        self._concepts: dict[int, tuple[tuple[str, int], ...]] = {}
        self._word_concepts: dict[int, tuple[tuple[str, int], ...]] = {}  # after d', l'
        self._after: dict[tuple[int, int | None], list] = {}
        self._before: dict[tuple[int, int], list] = {}

    # -- helpers ---------------------------------------------------------
    def _concepts_from(self, pos: int) -> tuple[tuple[str, int], ...]:
        """The concept terms starting at pos, best first (``Matcher.candidates``)."""
        hits = self._concepts.get(pos)
        if hits is None:
            hits = self._concepts[pos] = self.t.concept_matchers[self.lang].candidates(self.text, pos)
        return hits

    def _concepts_of_word(self, word: re.Match) -> tuple[tuple[str, int], ...]:
        """``_concepts_from`` a word (a match of _WORD, letters first), answered from the
        word alone when no term can start with it, as with most words."""
        if not self.t.concept_matchers[self.lang].may_start(word.group()):
            return ()
        return self._concepts_from(word.start())

    def _concept_at(self, word: re.Match, unit: str, roles=("noun", "casualty")):
        """The best concept term of a word (a match of _WORD, letters first) that counts
        in ``unit`` and plays one of ``roles``."""
        pos = word.start()
        hits = self._word_concepts.get(pos)
        if hits is None:
            # d'explosifs, l'artillerie (the first letter tested first: most words are not)
            if self.text[pos:pos + 1] in _ELIDED_FIRST and _ELIDED.match(self.text, pos, pos + 3):
                hits = self._concepts_from(pos + 2)
            else:
                hits = self._concepts_of_word(word)
            self._word_concepts[pos] = hits
        if hits:
            allowed = self.t.concepts_for(unit, roles)
            for key, end in hits:
                if key in allowed:
                    return key, end
        return None

    def count_hint(self, pos: int) -> bool:
        for w in self._words_after(pos, 3):
            if self._concept_at(w, "count"):
                return True
            if w.group().lower() not in _FILLER[self.lang]:
                return False
        return False

    def _words_after(self, pos: int, n: int, limit: int | None = None):
        """Up to n words from pos, before any stop (punctuation) or number."""
        if n > self._WORDS_KEPT:
            return self._scan_after(pos, n, limit)
        words = self._after.get((pos, limit))
        if words is None:
            words = self._after[pos, limit] = self._scan_after(pos, self._WORDS_KEPT, limit)
        return words[:n]

    def _scan_after(self, pos: int, n: int, limit: int | None):
        out = []
        end = min(len(self.text), limit if limit is not None else pos + 120)
        stop = _STOP.search(self.text, pos, end)
        end = stop.start() if stop else end
        for m in _WORD.finditer(self.text, pos, end):
            if m.group()[0].isdigit():
                break
            out.append(m)
            if len(out) >= n:
                break
        return out

    def _words_before(self, pos: int, n: int, limit: int = 0):
        """Up to n words before pos, nearest first, after any stop or number."""
        if n > self._WORDS_KEPT:
            return self._scan_before(pos, n, limit)
        words = self._before.get((pos, limit))
        if words is None:
            words = self._before[pos, limit] = self._scan_before(pos, self._WORDS_KEPT, limit)
        return words[:n]

    def _scan_before(self, pos: int, n: int, limit: int):
        start = max(limit, pos - 80)
        last = _LAST_STOP.match(self.text[start:pos])
        if last:
            start += last.end()
        words = list(_WORD.finditer(self.text, start, pos))
        out = []
        for m in reversed(words):
            if m.group()[0].isdigit():
                break
            out.append(m)
            if len(out) >= n:
                break
        return out

    def _unit_after(self, num: Num) -> tuple[str, int]:
        text = self.text
        if num.percent:
            return "%", num.end
        if num.glued_unit:
            return num.glued_unit, num.end
        um = self.t.unit_matchers[self.lang]
        pos = num.end
        hit = um.match(text, pos)  # glued: 5%, 30-day
        if hit and (text[pos:pos + 1] in "%-" or not text[pos:pos + 1].isalnum()):
            return hit
        m = _SPACE_RUN.match(text[pos:pos + 4])
        if m:
            hit = um.match(text, pos + m.end())
            if hit:
                return hit
            if num.scaled or num.vague:
                m2 = _OF_BEFORE_UNIT.match(text[pos:pos + 8])
                if m2:
                    hit = um.match(text, pos + m2.end())
                    if hit and self.t.units[hit[0]].default == "money":
                        return hit
        # currency symbol before: $4bn, € 2 million, US$
        before = text[max(0, num.start - 4):num.start].rstrip(SPACES)
        for sym, unit in _SYMBOLS:
            if before.endswith(sym):
                return unit, num.end
        return "count", num.end

    def _find_concept(self, num: Num, unit: str, after: int, sent: tuple[int, int]):
        """(concept, end of the noun if adjacent after the number)"""
        if unit == "count":
            # a casualty predicate near: "232 people died", "killing 5", "1,343 were injured";
            # the nearest one wins ("killed 14 people and injured 46")
            best = None
            for k, w in enumerate(self._words_after(after, 6, sent[1])):
                hit = self._concept_at(w, unit, ("casualty",))
                if hit:
                    best = (k, hit[0], hit[1])
                    break
            for k, w in enumerate(self._words_before(num.span_start, 2, sent[0])):
                hit = self._concept_at(w, unit, ("casualty",))
                if hit and (best is None or k < best[0]):
                    # "killed 5 people": the span still takes the counted noun
                    for w2 in self._words_after(after, 2, sent[1]):
                        noun = self._concepts_of_word(w2)
                        if noun:
                            return hit[0], noun[0][1]
                    return hit[0], None
                if hit:
                    break
            if best:
                return best[1], best[2]
        for w in self._words_after(after, 4, sent[1]):
            hit = self._concept_at(w, unit, ("noun",))
            if hit:
                return hit[0], hit[1]
        for w in self._words_before(num.span_start, 4, sent[0]):
            hit = self._concept_at(w, unit, ("noun",))
            if hit:
                return hit[0], None
        default = self.t.units[unit].default
        return (default, -1) if default else (None, None)

    def _qualifier(self, start: int, end: int, sent: tuple[int, int]) -> str | None:
        qm = self.t.qualifier_matchers[self.lang]
        for w in self._words_after(end, 5, sent[1]) + self._words_before(start, 4, sent[0]):
            hit = qm.match(self.text, w.start()) if qm.may_start(w.group()) else None
            if hit:
                return hit[0]
        return None

    def _rate(self, end: int, sent_end: int) -> str | None:
        tail = self.text[end:min(sent_end, end + 30)].lower()
        tail = L._apos(tail)
        m = self.rx.rate.match(tail)
        if m and not _NOT_A_RATE.match(tail, m.end()):
            return L.RATES[self.lang][m.group("r")]
        if _EVERY_NIGHT.match(tail.strip()):
            return "day"
        return None

    def _entities(self, a: int, b: int) -> tuple[list[str], set[str], dict[str, tuple[int, int]]]:
        """Canonical entities of text[a:b], the place-like ones, and where each is."""
        text = self.text
        found: dict[str, tuple[int, int]] = {}
        places: set[str] = set()
        for name, s, e in self.t.entity_matchers["*"].finditer(text, a, b):
            if e < len(text) and (text[e].isalnum()):
                continue
            found.setdefault(name, (s, e))
            if self.t.entities[name].kind in ("city", "region"):
                places.add(name)
        for name, s, e in self.t.adjective_matchers[self.lang].finditer(text, a, b):
            found.setdefault(name, (s, e))
        # unknown capitalised names after a locative preposition are places too
        loc_rx = self.rx.locative
        for m in _CAP.finditer(text, a, b):
            if not loc_rx.search(text[max(a, m.start() - 14):m.start()].lower()):
                continue  # most capitalised words: no locative before them
            w = m.group()
            if any(s <= m.start() < e for s, e in found.values()):
                continue
            if w.isupper() or _zipf(w.lower(), self.lang) >= 3.0:
                continue
            found.setdefault(w, (m.start(), m.end()))
            places.add(w)
        return list(found), places, found

    def _side(self, start: int, end: int, sent: tuple[int, int]) -> set[str]:
        out = set()
        a, b = max(sent[0], start - 20), min(sent[1], end + 16)
        for name, s, e in self.t.adjective_matchers[self.lang].finditer(self.text, a, b):
            lo, hi = (e, start) if e <= start else (end, s) if s >= end else (s, s)
            if not _STOP.search(self.text[lo:hi]):
                out.add(name)
        return out

    # -- main --------------------------------------------------------------
    def run(self) -> list[XClaim]:
        text, lang, rx = self.text, self.lang, self.rx
        low = L.lower_same(text)  # read by both scanners
        dates = find_dates(text, lang, self.doc.date, low)
        sentences = split_sentences(text)
        nums = scan_numbers(text, self.doc.language, self.count_hint,
                            [(d.start, d.end) for d in dates], low)
        claims: list[XClaim] = []
        sent_idx = 0
        date_starts = [d.start for d in dates]

        def when(k):
            """The time sentence k speaks of: its own first date, else the last one
            earlier in its paragraph that is not a "since" (sentences hold no line break)."""
            a, b = sentences[k]
            i = bisect.bisect_left(date_starts, a)
            if i < len(dates) and dates[i].start < b:
                return dates[i].iso
            paragraph = text.rfind("\n", 0, a) + 1
            while i > 0 and dates[i - 1].start >= paragraph:
                i -= 1
                if not dates[i].since:
                    return dates[i].iso
            return None

        # per sentence, asked by each of its claims
        ents_cache: dict[int, tuple] = {}
        modal_cache: dict[int, bool] = {}

        def ents(k):
            if k not in ents_cache:
                ents_cache[k] = self._entities(*sentences[k])
            return ents_cache[k]

        # re.IGNORECASE is slow on alternatives; the lower-cased text reads as it does
        # unless it holds a character the two read apart (see dates._CASE_ODD)
        lowered = text.lower() if not has_case_odd(text) else None

        def modal(k):
            if k not in modal_cache:
                if lowered is not None:
                    modal_cache[k] = bool(rx.modal_lower.search(lowered, *sentences[k]))
                else:
                    modal_cache[k] = bool(rx.modal.search(text, *sentences[k]))
            return modal_cache[k]

        partitive, equiv = rx.partitive, rx.equiv
        for num in nums:
            if num.kind != "quantity":
                continue
            while sent_idx + 1 < len(sentences) and sentences[sent_idx][1] <= num.start:
                sent_idx += 1
            sent = sentences[sent_idx] if sentences else (0, len(text))
            if _TIMES.match(text, num.end):
                continue  # "deux à trois fois plus": a multiplier, not a count
            unit, unit_end = self._unit_after(num)
            after = max(unit_end, num.end)
            concept, noun_end = self._find_concept(num, unit, after, sent)
            inherited_from, relation = None, None
            before = L._apos(text[max(sent[0], num.span_start - 24):num.span_start].lower()).rstrip(_SPACES_COMMA)
            prev = claims[-1] if claims and claims[-1].sentence == sent else None
            if prev is not None and (concept is None or unit == "count" and concept == prev.concept):
                if before.endswith(equiv):
                    relation = "equiv"
                elif before.endswith(partitive):
                    relation = "part"
                if relation and concept is None:
                    concept, unit, inherited_from = prev.concept, prev.unit, prev
                elif relation:
                    inherited_from = prev
            elif prev is not None and before.endswith(equiv) and \
                    self.t.units[unit].dimension == self.t.units[prev.unit].dimension:
                relation, inherited_from = "equiv", prev
            if concept is None:
                continue
            by_default = noun_end == -1
            end = max(after, noun_end or 0)
            start = num.span_start
            if num.cue_start < 0 or num.cue_start == num.start:
                sym = _SYMBOL_BEFORE.search(text[max(0, start - 4):start])
                if sym:
                    start -= len(sym.group())
            approx = num.approx
            if approx == "exact":
                cues, kinds = rx.after
                cue = cues.match(text, end, end + 20)
                if cue:
                    approx = kinds[cue.lastindex - 1]
            c = self.t.concepts[concept]
            qualifier = self._qualifier(start, end, sent) if c.qualify else None
            if qualifier is None and c.qualify and prev is not None and prev.qualifier \
                    and _COORDINATED.fullmatch(text, prev.end, num.span_start):
                # "shot down 164 drones and 5 of the missiles": the verb governs both
                qualifier = prev.qualifier
            entities, own_places, _ = ents(sent_idx)
            if not entities and sent_idx > 0 and text.find("\n", sentences[sent_idx - 1][0], sent[0]) < 0:
                entities = ents(sent_idx - 1)[0]  # none named here: those of the sentence before, if one paragraph
            # the side: a demonym next to the counted noun ("soldats russes", "Russian troops")
            side = self._side(start, end, sent)
            rate = self._rate(end, sent[1])
            # "2,300 drones since the start of June": a running total, not the count of
            # one event; two totals may run from different days, so it is not compared
            cumulative = any(d.since for d in dates[bisect.bisect_left(date_starts, sent[0]):
                                                    bisect.bisect_left(date_starts, num.start)]) \
                or bool(_CUMULATIVE.search(low, sent[0], num.start))
            claim = XClaim(
                id=f"{self.name}#c{len(claims) + 1}", path=self.doc.path, lang=lang, start=start, end=end,
                text=text[start:end], value=num.value, high=num.high, approx=approx, tol=num.tol,
                unit=unit, concept=concept, qualifier=qualifier,
                when=when(sent_idx), entities=tuple(entities),
                places=frozenset(own_places), side=frozenset(side), rate=rate,
                modal=modal(sent_idx),
                another=bool(rx.another.search(text[max(0, start - 30):start])),
                vague=num.vague, sentence=sent,
                equiv_of=inherited_from.id if relation == "equiv" and inherited_from else None,
                part_of=inherited_from.id if relation == "part" and inherited_from else None,
                doc_date=self.doc.date,
                specific=frozenset(e for e in entities
                                   if e not in self.t.entities or self.t.entities[e].kind != "country"),
                align=not cumulative and ((c.align and not by_default and relation != "part")
                                          or (relation == "part" and qualifier is not None)),
            )
            claims.append(claim)
        return claims


# A running total: "since the start of June", "seit Monatsbeginn", "depuis le début de l'année".
_CUMULATIVE = re.compile(
    r"\b(?:since the (?:start|beginning|outbreak) of|so far this|year to date|in total since|"
    r"since the (?:war|invasion) (?:began|started)|since the full-scale invasion|"
    r"depuis le début|depuis janvier|au total depuis|jusqu'ici cette|"
    r"seit (?:beginn|anfang|monatsbeginn|jahresbeginn|kriegsbeginn|januar)|"
    r"desde (?:el )?(?:inicio|comienzo|principio)|en lo que va de|"
    r"с начала|от начала|з початку|від початку)")
# "l'an prochain", "im Jahr 2024": a time, not "per year".
_NOT_A_RATE = re.compile(r"\s*(?:prochain|dernier|passé|précédent|suivant|\d{4})\b")
# What joins two counts one verb governs: "164 drones and 5 missiles", "164 дрони та 5 ракет".
_COORDINATED = re.compile(r"[ \u00a0,]*(?:and|as well as|et|ainsi que|und|sowie|y|e|і|й|та|и|а также)"
                          r"[ \u00a0]+", re.I)


def extract(doc: Document, tables: Tables | None = None) -> list[XClaim]:
    return Extractor(doc, tables).run()
