"""Consistency inside one document: a name spelled two ways, a person whose
gender changes between the name and the pronoun."""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.numbers import finditer_in
from checker.resources import zipf_frequency

# Capitalised words; an explicit set of capitals (not a negated class) lets the
# regex engine skip ahead. Latin Extended-A mixes cases: checked in code.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ"
_CAPWORD = re.compile(rf"[{_UPPER}][^\W\d_]{{4,}}")
_OPENERS = set("\"'“‘«„‹([{—–-•▪·*#>|")
_ENDERS = set(".!?…:;")


def starts_sentence(text: str, offset: int) -> bool:
    """True when only quotes, brackets, bullets, emoji or spaces separate the
    word at ``offset`` from the start of a line or the end of a sentence."""
    i = offset - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n":
            return True
        if ch in _ENDERS:
            return True
        if ch.isspace() or ch in _OPENERS or unicodedata.category(ch)[0] in "SMC":
            i -= 1
            continue
        return False
    return True


@lru_cache(maxsize=100_000)  # names recur across an archive's articles
def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower())
                   if unicodedata.category(c) != "Mn")


_VOWELS = set("aeiouy")


@lru_cache(maxsize=100_000)
def _skeleton(word: str) -> str:
    folded = _fold(word)
    return "".join(c for c in folded if c not in _VOWELS)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            best = min(best, current[j])
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


# Endings that make a different word of the same stem, not a misspelling:
# Russie/Russes, Ukraine/Ukrainien, Zelensky/Zelenska, Brigade/Brigades.
INFLECTIONS = {
    "", "s", "es", "e", "ie", "ia", "a", "y", "i", "o", "n", "en", "an", "ans", "ian", "ians",
    "ien", "iens", "ienne", "iennes", "ais", "aise", "aises", "ois", "oise", "er", "ers", "ern",
    "in", "ina", "ine", "ov", "ova", "ev", "eva", "sky", "ska", "ski", "skyi", "aya", "iy", "yi",
    "ii", "ic", "ique", "iques", "isch", "ische", "ischen", "ne", "ns", "ens", "ese", "ite",
    "ites", "ist", "iste", "istes", "ism", "isme", "ue", "ues", "que", "ques", "on", "one",
    "ons", "ia's", "ienne", "ier", "iers", "ière", "ières", "nne", "nnes", "ese", "ish", "ch",
    # Slavic place names and their adjectives: Konstantinovka / Konstantinovsky
    "ka", "ke", "ky", "kyi", "kiy", "skiy", "skaya", "skoye", "ske", "sk", "ska", "sko", "ko",
}
# Case endings of the languages that decline names: their forms are compared by stem
# (the name less its ending), so "Покровск", "Покровска" and "Покровском" are one name.
_POLISH_ENDINGS = {"a", "u", "y", "i", "e", "em", "ie", "owi", "ego", "emu", "im", "ym", "ą",
                   "ę", "ów", "ach", "ami", "om", "iego"}
_CYRILLIC_ENDINGS = {
    "а", "я", "у", "ю", "е", "и", "ы", "і", "ї", "о", "ь", "й", "ом", "ем", "ём", "ой", "ей",
    "ою", "ею", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев", "ів", "ого", "его", "ому",
    "ему", "ым", "им", "ых", "их", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ью", "ові",
    "еві", "ої", "ій",
}
DECLINING = {"ru": _CYRILLIC_ENDINGS, "uk": _CYRILLIC_ENDINGS, "pl": _POLISH_ENDINGS}
INFLECTIONS |= _POLISH_ENDINGS | _CYRILLIC_ENDINGS
MIN_STEM = 4


def _stem(word: str, endings: set[str]) -> str:
    """The word less its longest case ending, keeping at least MIN_STEM letters."""
    low = word.lower()
    for size in range(min(len(word) - MIN_STEM, 4), 0, -1):
        if low[-size:] in endings:
            return word[:-size]
    return word


KNOWN_ZIPF = 2.0  # both spellings this frequent: two established words (Kazan/Kazakh)
COMMON_WORD_ZIPF = 4.5  # a capitalised word this common is an ordinary word at a sentence start
MIN_NAME_LENGTH = 5


def _first_names_of_two_people(text: str, a: "_Name", b: "_Name") -> bool:
    """Each spelling is always followed by a surname, and never by the same one:
    "Katherina Reiche" and "Katharina Dröge" are two people, not one misspelled."""
    def surnames(name):
        found = set()
        for _, end in name.spans:
            m = _SURNAME_AFTER.match(text, end)
            if not m or not m.group(1)[0].isupper():
                return None
            found.add(m.group(1))
        return found

    after_a, after_b = surnames(a), surnames(b)
    return bool(after_a and after_b and not after_a & after_b)


_SURNAME_AFTER = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]+)")
# A capitalised word right before a surname: the person's first name.
_AFTER_FIRST_NAME = re.compile(r"(?<![\w.])[^\W\d_a-z][^\W\d_]+[ \u00a0]$")


@dataclass
class _Name:
    word: str
    spans: list[tuple[int, int]]
    inside: bool = False  # seen at least once not at a sentence start

    @property
    def count(self) -> int:
        return len(self.spans)


def _by_stem(names: list[_Name], endings: set[str]) -> tuple[dict[str, _Name], list[_Name]]:
    """Names merged by stem: one entry per name whatever its case, counting every form."""
    merged: dict[str, _Name] = {}
    for name in names:
        stem = _stem(name.word, endings)
        entry = merged.setdefault(stem, _Name(stem, []))
        entry.spans.extend(name.spans)
        entry.inside = entry.inside or name.inside
    for entry in merged.values():
        entry.spans.sort()
    return merged, list(merged.values())


class NameVariant(Detector):
    """The same name spelled two ways in one document.

    ## What it flags
    A capitalised name of five letters or more that the same text also writes
    with one or two letters different ("Maroshnykov" / "Myroshnykov",
    "Bagatyr" / "Bogatyr", "Zelensky" / "Zelenskyj"). The spelling used fewer
    times is flagged, at each of its occurrences, with the other as the
    suggestion; when both are used equally often, the first one met is
    flagged, and the message names the other, unless only one of them is
    written after a first name: an article introduces a person in full
    ("Elvira Nabiullina"), so that spelling is kept.
    Two first names each followed by its own surname are two people
    ("Katherina Reiche", "Katharina Dröge"), and two entities the gazetteer
    knows apart are two names ("Bundestag", "Bundesrat").
    Inflections and derived words are not variants ("Russie" / "Russes",
    "Ukraine" / "Ukrainien", "Zelensky" / "Zelenska"), nor are two names
    that are both established words (Kazan / Kazakh, Austria / Australia).
    In Russian, Ukrainian and Polish, which decline names, the forms of one
    name count together by stem ("Покровск", "Покровска", "Покровске"), and
    the suggestion keeps the case of the flagged form.

    ## Why it matters
    Machine translation transliterates a name afresh each time it meets it,
    and from different source languages; editors copy-edit one place and not
    the other. Readers then wonder whether two people or places are meant,
    and search engines split the story.

    ## Example
    L'analyste ukrainien Maroshnykov admet que la direction se dégrade (...)
    L'analyste ukrainien Myroshnykov intervient également sur ce point.

    ## Fix
    Use one spelling throughout, the one of the house style or the gazetteer
    (for Ukrainian names, the national transliteration: "Myroshnykov").
    """

    id = "CS-name-variant"
    category = "entity-variant"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        text = doc.text
        language = doc.language or "en"
        names: dict[str, _Name] = {}
        for m in _CAPWORD.finditer(text):
            word = m.group()
            start = m.start()
            if start and text[start - 1].isalpha() or not word[0].isupper() \
                    or not word[1:].islower():
                continue
            entry = names.get(word)
            if entry is None:
                entry = names[word] = _Name(word, [])
            entry.spans.append(m.span())
            if not entry.inside and not starts_sentence(text, m.start()):
                entry.inside = True
        candidates = [n for n in names.values() if self._is_name(n, language)]
        endings = DECLINING.get(language)
        if endings:
            names, candidates = _by_stem(candidates, endings)
        by_letter: dict[tuple[str, int], list[_Name]] = defaultdict(list)
        by_skeleton: dict[str, list[_Name]] = defaultdict(list)
        for name in candidates:
            by_letter[(_fold(name.word[0]), len(name.word))].append(name)
            by_skeleton[_skeleton(name.word)].append(name)
        pairs: set[tuple[str, str]] = set()
        for (letter, length), group in by_letter.items():
            for other_length in range(length, length + 3):
                others = by_letter.get((letter, other_length), ())
                for a in group:
                    for b in others:
                        if a.word < b.word or other_length != length:
                            if a.word != b.word:
                                pairs.add(tuple(sorted((a.word, b.word))))
        for group in by_skeleton.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    pairs.add(tuple(sorted((a.word, b.word))))

        variants: list[tuple[_Name, _Name]] = []  # (flagged, kept)
        for a_word, b_word in sorted(pairs):
            a, b = names[a_word], names[b_word]
            if not self._variants(a.word, b.word, language):
                continue
            if self._two_entities(a.word, b.word, ctx) or _first_names_of_two_people(text, a, b):
                continue
            if a.count != b.count:
                minority, majority = (a, b) if a.count < b.count else (b, a)
            else:  # a tie: see the docstring
                minority, majority = self._tie(text, a, b)
            variants.append((minority, majority))
        flagged: set[str] = set()
        kept = {maj.word for _, maj in variants}
        for minority, majority in sorted(variants, key=lambda v: (-v[1].count, v[0].spans[0][0])):
            if minority.word in flagged or minority.word in kept and minority.count >= majority.count:
                continue
            flagged.add(minority.word)
            times = "once" if majority.count == 1 else f"{majority.count} times"
            for start, end in minority.spans:
                # a declined form keeps its case: Покравске -> Покровске
                ending = text[start + len(minority.word):end] if endings else ""
                usual = majority.word + ("…" if endings else "")
                yield self.finding(
                    doc, start, end,
                    f"'{text[start:end]}' is spelled '{usual}' elsewhere in this text "
                    f"({times}): the same name should be spelled one way",
                    suggestion=majority.word + ending,
                    confidence=0.8 if majority.count > minority.count else 0.6)

    @staticmethod
    def _two_entities(a: str, b: str, ctx: CheckContext) -> bool:
        """Both are accepted spellings of different entities in the gazetteer
        ("Bundestag" / "Bundesrat"): two names, not one name spelled two ways."""
        from checker.detectors.source_spelling import load_gazetteer

        gazetteer = load_gazetteer(ctx)
        ids_a, ids_b = gazetteer.entities_spelled(a), gazetteer.entities_spelled(b)
        return bool(ids_a and ids_b and not ids_a & ids_b)

    @staticmethod
    def _tie(text: str, a: _Name, b: _Name) -> tuple[_Name, _Name]:
        """(flagged, kept) for two spellings used equally often: the one that
        follows a first name is kept, as an article introduces a person in full
        ("Elvira Nabiullina ... Nabiulina"); otherwise the first one met is flagged."""
        a_full, b_full = (any(_AFTER_FIRST_NAME.search(text, max(0, start - 30), start)
                              for start, _ in name.spans) for name in (a, b))
        if a_full != b_full:
            return (b, a) if a_full else (a, b)
        return (a, b) if a.spans[0][0] < b.spans[0][0] else (b, a)

    @staticmethod
    def _is_name(name: _Name, language: str) -> bool:
        lower = name.word.lower()
        freq = zipf_frequency(lower, language)
        if freq >= COMMON_WORD_ZIPF:
            return False  # "Cette", "Selon": ordinary words, capitalised at a sentence start
        return name.inside or freq < 3.0

    @staticmethod
    def _variants(a: str, b: str, language: str) -> bool:
        shortest = min(len(a), len(b))
        limit = 1 if shortest < 7 else 2
        distance = edit_distance(a.lower(), b.lower(), limit)
        if distance > limit:
            return False
        if _fold(a[0]) != _fold(b[0]) and _skeleton(a) != _skeleton(b):
            return False
        prefix = 0
        for ca, cb in zip(a.lower(), b.lower()):
            if ca != cb:
                break
            prefix += 1
        if a.lower()[prefix:] in INFLECTIONS and b.lower()[prefix:] in INFLECTIONS:
            return False
        if _fold(a) == _fold(b) and a.lower()[prefix:].rstrip("s") == b.lower()[prefix:].rstrip("s"):
            return True  # "Mykolaïv" / "Mykolaiv": only an accent differs
        known = [max(zipf_frequency(w.lower(), language), zipf_frequency(w.lower(), "en"))
                 for w in (a, b)]
        return min(known) < KNOWN_ZIPF


# --------------------------------------------------------------------------
# CS-pronoun-gender

_TITLES = {
    "Mr": "male", "M": "male", "Monsieur": "male", "Herr": "male", "Sir": "male", "Lord": "male",
    "Mrs": "female", "Ms": "female", "Miss": "female", "Mme": "female", "Mlle": "female",
    "Madame": "female", "Frau": "female", "Dame": "female", "Lady": "female",
}
_TITLE = re.compile(r"(?P<t>Mrs|Mr|Ms|Miss|Mme|Mlle|Madame|Monsieur|M|Herr|Frau|Sir|Dame|"
                    r"Lady|Lord)(?:\.|(?<!M)(?=[ \u00a0]))[ \u00a0]+(?P<sur>[^\W\d_a-zß][\w'’-]*)")
_NAME_PAIR = re.compile(
    rf"(?P<first>[{_UPPER}][^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)?)[ \u00a0]+"
    r"(?:(?:de|van|von|der|da|di|del|bin|ben|al|el|le|la|du|dos|das)[ \u00a0]+)?"
    rf"(?=(?P<sur>[{_UPPER}][\w'’-]*))")
_CAP = re.compile(rf"[{_UPPER}][^\W\d_]+")

_EN_VERBS = (r"says|said|adds|added|explains|explained|notes|noted|told|tells|continues|"
             r"continued|insists|insisted|argues|argued|warns|warned|stresses|stressed|recalls|"
             r"recalled|concludes|concluded|believes|believed|thinks|thought|writes|wrote|asks|"
             r"asked|replies|replied|admits|admitted|acknowledges|acknowledged|points out|"
             r"pointed out|estimates|estimated|observes|observed|assures|assured|declares|"
             r"declared|affirms|affirmed|emphasizes|emphasized|emphasises|emphasised|judges|"
             r"judged|comments|commented|remarks|remarked|went on|goes on")
# A speech attribution right after a closing quote or a comma: '...," he says'.
_QUOTE_OR_COMMA = r"[”\"»’“,][ \u00a0,”\"»’“]*"
_EN_ATTRIBUTION = re.compile(
    rf"{_QUOTE_OR_COMMA}(?P<span>(?P<p>[Hh]e|[Ss]he)[ \u00a0]+(?:{_EN_VERBS})\b"
    rf"|(?:{_EN_VERBS})[ \u00a0]+(?P<p2>he|she)\b)")
_DE_ATTRIBUTION = re.compile(
    rf"{_QUOTE_OR_COMMA}(?P<span>(?:sagt|sagte|erklärt|erklärte|betont|betonte|fügt|fügte|meint|"
    r"meinte|schreibt|schrieb|warnt|warnte|so)[ \u00a0]+(?P<p>er|sie)\b)")
_FR_VERBS = frozenset(
    "dit ajoute explique affirme souligne estime précise poursuit conclut déclare assure "
    "indique rappelle insiste juge note observe analyse raconte confie reconnaît admet prévient "
    "résume martèle lance répond écrit avertit tranche ajoutait expliquait estimait affirmait "
    "déclarait disait soulignait précisait insistait commente regrette détaille interroge "
    "demande nuance relève constate glisse fait".split())
_FR_ATTRIBUTION = re.compile(
    r"-(?:t-)?(?P<p>il|elle)\b|(?P<selon>[Ss]elon|[Dd]['’]après)[ \u00a0]+(?P<p3>lui|elle)\b")
_FR_VERB_BEFORE = re.compile(r"[^\W\d_]+$")
_FR_PARTICIPLE = re.compile(r"[ \u00a0]+[^\W\d_]+(?:é|i|t|s)\b")

_PRONOUNS = {
    "en": {"he": ("male", "she"), "she": ("female", "he")},
    "fr": {"il": ("male", "elle"), "elle": ("female", "il"), "lui": ("male", "elle")},
    "de": {"er": ("male", "sie"), "sie": ("female", "er")},
}
_GENDER_WORD = {"male": "a man", "female": "a woman"}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    key: str  # the surname
    gender: str | None  # None: a person whose gender the text does not mark
    text: str


# English "he"/"she" for a thing: French, German and Russian nouns have a gender,
# and machine translation carries it over ("l'économie ... elle" -> "she").
_THING_NOUNS = (r"economy|commission|company|government|bank|river|dam|dyke|dike|levee|city|"
                r"town|agency|ministry|court|regulator|market|industry|glacier|storm|system|"
                r"station|plant|factory|law|reform|tariff|authority|office|institute|"
                r"organi[sz]ation|union|board|council|committee|budget|currency|inflation|"
                r"region|province|republic|federation|alliance|coalition|network|firm|"
                r"corporation|operator|railway|airline|parliament|assembly|senate|party|"
                r"offensive|strategy|policy|decision|measure|proposal|bill|report|study|"
                r"survey|mission|rocket|missile|satellite|engine|wave|crisis|war|treaty")
_THING_SUBJECT = re.compile(
    rf"(?<![\w-])(?:The|the|This|this|Its|its)[ \u00a0]+(?:[\w-]+[ \u00a0]+){{0,2}}?"
    rf"(?P<thing>{_THING_NOUNS}|(?-i:[A-Z]{{2,6}}))(?![\w-])", re.I)
_THING_PRONOUN = re.compile(r"(?P<p>\b(?:[Ss]he|[Hh]e))[ \u00a0]+(?P<next>[\w'’]+)")
_HUMAN = re.compile(
    r"\b(?:he|she|him|her|his|hers|himself|herself|they|Mr|Mrs|Ms|Dr|Madame|Monsieur|"
    r"minister|president|spokes(?:man|woman|person)|woman|man|women|men|mother|father|wife|"
    r"husband|daughter|son|girl|boy|mayor|chancellor|director|head|chief|leader|official|"
    r"governor|prefect|judge|lawyer|prosecutor|chair(?:man|woman|person)?|CEO|secretary|"
    r"ambassador|analyst|expert|economist|researcher|scientist|professor|author|witness|"
    r"victim|resident|driver|journalist|reporter|editor|actress|actor|singer|player|coach|"
    r"queen|king|princess|prince|pope|nun|priest|administrator|commissioner|farmer|doctor|"
    r"nurse|teacher|student|worker|manager|founder|owner|rider|winner|candidate|MP|deputy|"
    r"senator|general|commander|soldier|pilot|captain|officer|colleague|friend|neighbour|"
    r"neighbor|child|people|person|population|residents|families|family)\b", re.I)
_SPEECH_AFTER = re.compile(rf"(?:{_EN_VERBS})\b")


def _lead(text: str, start: int) -> int:
    """Spaces and quotes at a sentence's start, which the subject follows."""
    i = start
    while i < len(text) and (text[i].isspace() or text[i] in "\"“”«»'‘’(-—"):
        i += 1
    return i - start


# A name written in full ("Anna Smith"), not a capitalised sentence opener ("The CRE").
_TWO_CAPITALS = re.compile(r"(?<![\w.])(?!(?:The|This|That|These|Those|In|On|At|An?|But|And|Its|"
                           r"For|From|With|After|Before|When|While|As|By|Of|To|Since|Then)\b)"
                           r"[A-Z][a-zà-ÿ'’-]+[ \u00a0]+[A-Z][a-zà-ÿ'’-]+")


class PronounGender(Detector):
    """A pronoun whose gender contradicts the person it refers to.

    ## What it flags
    A pronoun in a speech attribution — English "he says", "said she";
    French "explique-t-il", "a-t-elle déclaré", "selon lui"; German "sagte
    er" — whose gender is not that of the only person named in the one or
    two sentences before, when that person's first name (from the
    ``names`` rule data: Carole, Jérôme, Olena...) or title (Mr, Mme, Frau)
    marks a gender. The words inside the quote being attributed are not
    searched for names. The rule stays silent when two people, or a person
    of unknown gender, are named in the window, and it does not judge
    pronouns outside speech attributions ("she" may be a country), but for
    one case: in English, "he" or "she" right after a sentence or clause
    whose subject is a thing ("The Russian economy is still overheated, she
    works at the limit"; "The Commission ... She also evokes") when no person
    is mentioned in it or in the sentence before: machine translation kept
    the noun's gender from French, German or Russian.

    ## Why it matters
    French "il/elle" and German "er/sie" agree with grammatical gender, and
    machine translation into English often defaults to "he": the quote is
    then attributed to the wrong person, or the expert changes sex between
    two sentences — a factual error about a named source.

    ## Example
    "The Russians want to redouble their efforts," explains Carole Grimaud,
    a specialist in Russia. "Russia has always had the same objectives," he
    says.

    ## Fix
    Make the pronoun agree with the person: "she says"; or repeat the name
    when several people were quoted. For a thing, write "it".
    """

    id = "CS-pronoun-gender"
    category = "pronoun-gender"
    severity = Severity.WARNING
    languages = frozenset({"en", "fr", "de"})

    def prepare(self, ctx: CheckContext) -> None:
        from checker.rules import names

        if ctx.rulebook is None:
            self._names = None
            return
        self._names = ctx.rulebook.parsed(names.KIND, names.parse)

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if not hasattr(self, "_names"):
            self.prepare(ctx)
        if not self._names:
            return
        text = doc.text
        lang_at = ctx.facts(doc).language_at
        if doc.language == "en" or any(s.language == "en" for s in doc.segments):
            yield from self._for_things(doc, ctx)
        # (language, span start, span end, pronoun start, pronoun end)
        attributions: list[tuple[str, int, int, int, int]] = []
        for lang, pattern in (("en", _EN_ATTRIBUTION), ("fr", _FR_ATTRIBUTION),
                              ("de", _DE_ATTRIBUTION)):
            if lang != doc.language and not any(s.language == lang for s in doc.segments):
                continue
            for m in pattern.finditer(text):
                key = next(k for k in ("p", "p2", "p3") if k in m.groupdict() and m.group(k))
                if lang == "fr":
                    span = self._french_span(text, m, key)
                    if span is None:
                        continue
                else:
                    span = m.span("span")
                if lang_at(span[0]) != lang:
                    continue
                attributions.append((lang, span[0], span[1], m.start(key), m.end(key)))
        if not attributions:
            return
        sentence_starts = ctx.facts(doc).sentence_starts
        spans: list[tuple[int, int]] = []
        for _, span_start, _, _, _ in sorted(attributions, key=lambda a: a[1]):
            start = self._window_start(doc, sentence_starts, span_start)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], span_start))
            else:
                spans.append((start, span_start))
        mentions = self._mentions(doc, spans)
        starts = [m.start for m in mentions]
        for lang, span_start, span_end, p_start, p_end in sorted(attributions, key=lambda a: a[1]):
            pronoun = text[p_start:p_end]
            gender, other = _PRONOUNS[lang][pronoun.lower()]
            window_start = self._window_start(doc, sentence_starts, span_start)
            quote = self._quote_before(text, span_start, window_start)
            lo, hi = bisect_left(starts, window_start), bisect_left(starts, span_start)
            people = [p for p in mentions[lo:hi]
                      if not (quote and quote[0] <= p.start < quote[1])]
            keys = {p.key for p in people}
            if len(keys) != 1:
                continue
            person = people[-1]
            if person.gender is None or any(p.gender != person.gender for p in people):
                continue
            if person.gender == gender:
                continue
            span_text = pronoun
            fixed = other if span_text.islower() else other.capitalize()
            whole = text[span_start:span_end]
            rel = p_start - span_start
            suggestion = whole[:rel] + fixed + whole[rel + len(span_text):]
            yield self.finding(
                doc, span_start, span_end,
                f"'{span_text}' refers back to {person.text}, {_GENDER_WORD[person.gender]} "
                f"by the first name or title: the pronoun should be '{fixed}'",
                suggestion=suggestion, confidence=0.75)

    def _for_things(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        """'he'/'she' for the thing that is the subject just before (see the docstring)."""
        text = doc.text
        facts = ctx.facts(doc)
        starts = facts.sentence_starts
        for m in _THING_PRONOUN.finditer(text):
            if facts.language_at(m.start()) != "en" or _SPEECH_AFTER.match(m.group("next")):
                continue
            i = bisect_right(starts, m.start()) - 1
            sentence = starts[i] if i >= 0 else 0
            if m.start() == sentence:  # "She ..." opens the sentence: the subject is the one before
                if i < 1:
                    continue
                subject_from, subject_to = starts[i - 1], sentence
                context_from = starts[i - 2] if i >= 2 else starts[i - 1]
            else:  # ", she works": the subject opens this sentence
                if text[max(sentence, m.start() - 2):m.start()].strip() != ",":
                    continue
                subject_from, subject_to = sentence, m.start()
                context_from = starts[i - 1] if i >= 1 else sentence
            subject = _THING_SUBJECT.match(text, subject_from, subject_to) \
                or _THING_SUBJECT.match(text, subject_from + _lead(text, subject_from), subject_to)
            if not subject:
                continue
            paragraph = text.rfind("\n\n", 0, subject_from)
            context = text[max(context_from, paragraph + 2 if paragraph >= 0 else 0):m.start()]
            if _HUMAN.search(context) or _TWO_CAPITALS.search(context) \
                    or any(q in context for q in "\"“”«»"):
                continue
            pronoun = m.group("p")
            fixed = "It" if pronoun[0].isupper() else "it"
            yield self.finding(
                doc, m.start("p"), m.end("p"),
                f"'{pronoun}' refers back to '{text[subject.start():subject.end()]}', a thing: "
                f"English says 'it' (the source language gives the noun a gender)",
                suggestion=fixed, severity=Severity.INFO, confidence=0.5)

    @staticmethod
    def _french_span(text: str, m: re.Match, key: str) -> tuple[int, int] | None:
        """The attribution around a French pronoun match, or None if it is not one."""
        if key == "p3":  # "selon elle"
            return m.start("selon"), m.end(key)
        verb = _FR_VERB_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if not verb:
            return None
        if verb.group() == "a" and text[m.start():m.start() + 3] == "-t-":
            participle = _FR_PARTICIPLE.match(text, m.end())
            return (verb.start(), participle.end()) if participle else None
        if verb.group().lower() not in _FR_VERBS:
            return None
        return verb.start(), m.end(key)

    @staticmethod
    def _window_start(doc: Document, sentence_starts: list[int], offset: int) -> int:
        """Start of the sentence two before the one holding ``offset``."""
        i = bisect_left(sentence_starts, offset + 1) - 1
        i = max(0, i - 2)
        if not sentence_starts:
            return max(0, offset - 400)
        start = sentence_starts[i]
        return max(start, offset - 1200)

    @staticmethod
    def _quote_before(text: str, offset: int, floor: int) -> tuple[int, int] | None:
        """The span of the quotation that ends right before ``offset``, if any."""
        before = text[floor:offset].rstrip(" \u00a0,")
        if not before or before[-1] not in "”\"»’“":
            return None
        close = floor + len(before) - 1
        closer = before[-1]
        opener = {"”": "“", "»": "«", "’": "‘", "\"": "\"", "“": "„"}[closer]
        open_at = text.rfind(opener, floor, close)
        if open_at < 0:
            return (floor, close + 1)  # the quote opened before the window: all of it is quote
        return (open_at, close + 1)

    def _mentions(self, doc: Document, spans: list[tuple[int, int]]) -> list[_Mention]:
        """People named in the text: full names and titles anywhere (they teach
        which surname is whose), lone surnames only inside ``spans``."""
        text = doc.text
        language = doc.language or "en"
        found: dict[int, _Mention] = {}
        surnames: dict[str, str | None] = {}
        covered: set[int] = set()
        for m in _TITLE.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._"):
                continue
            gender = _TITLES[m.group("t")]
            sur = m.group("sur")
            found[m.start()] = _Mention(m.start(), m.end("sur"), sur, gender, m.group(0))
            covered.add(m.start("sur"))
            surnames[sur] = gender if surnames.get(sur, gender) == gender else None
        for m in _NAME_PAIR.finditer(text):
            first, sur = m.group("first"), m.group("sur")
            if m.start() in covered or m.start() in found or not first[0].isupper() \
                    or not sur[0].isupper():
                continue
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-_"):
                continue
            gender = self._names.gender(first) or self._names.gender(first.split("-")[0])
            if gender:
                found[m.start()] = _Mention(m.start(), m.start("sur") + len(sur), sur, gender,
                                            text[m.start():m.start("sur") + len(sur)])
                covered.add(m.start("sur"))
                surnames[sur] = gender if surnames.get(sur, gender) == gender else None
            elif first not in _TITLES and not starts_sentence(text, m.start()) and \
                    zipf_frequency(first.lower(), language) < 4.0 and \
                    zipf_frequency(sur.lower(), language) < 4.0 and \
                    not self._names.gender(sur):
                # Two capitalised words, neither a common word: perhaps a person we
                # cannot gender ("Keir Starmer", "Kim Yong"); it makes the window ambiguous.
                found[m.start()] = _Mention(m.start(), m.start("sur") + len(sur), sur, None,
                                            text[m.start():m.start("sur") + len(sur)])
                covered.add(m.start("sur"))
                surnames.setdefault(sur, None)
        for m in finditer_in(_CAP, text, spans):
            word = m.group()
            if m.start() and text[m.start() - 1].isalpha():
                continue
            if m.start() in covered or m.start() in found or word not in surnames:
                continue
            found[m.start()] = _Mention(m.start(), m.end(), word, surnames[word], word)
        return [found[k] for k in sorted(found)]
