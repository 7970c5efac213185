"""The ``substitution`` kind: wrong renderings of a source expression, and the fix.

A lexicon file holds the calques and false friends that machine translation
from one language into another produces. One file per language pair::

    kind: substitution
    pair: fr-en                 # source language - target (published) language
    rule: MT-calque             # optional, the rule id of its findings
    macros:                     # optional, {NAME} shorthands for the patterns
      TROOPS: "(?:troops|soldiers|forces|army)"
    entries:
      - id: ceasefire-high-fire
        source: cessez-le-feu
        match: "(?P<d>{DET} )?high fire"
        fix: "\\g<d>ceasefire"
        message: "'high fire' is a literal rendering of 'cessez-le-feu': a ceasefire"
        severity: error           # error: wrong meaning; warning: unidiomatic; info: check
        category: mistranslation  # mistranslation | calque
        confidence: 0.95          # optional, default 0.9
        example: "The Kremlin rejects the idea of a high fire."
        clean: "A high fire risk was declared in the forests."   # optional; str or list

Pattern syntax (``match``)
--------------------------
A Python regular expression, matched case-insensitively, that must start and
end on a word boundary (one is added at both ends). On top of ``re``:

- ``'`` matches both apostrophes (' and ’), ``"`` any straight or curly double
  quote, and a space matches one run of spaces (also non-breaking ones);
- ``{NAME}``: a macro, from the file's ``macros`` or the built-ins of the
  target language (``DET``, ``POSS``, ``BE``, ``HAVE``; ``ART`` in French);
- inflection slots, which the fix can mirror:
  ``{v:camp}`` an English verb (camp, camps, camped, camping; irregular verbs
  known, or spell them ``{v:buy/buys/bought/buying}``); ``{n:blow}`` an English
  noun (blow, blows); ``{er:réalis}`` a French -er verb (réaliser, réalise,
  réalisé, réalisait, ...); ``{a/b/c}`` any explicit list of forms.

Fix templates (``fix``)
-----------------------
The replacement of the whole match, or null when only a rewrite helps.
``\\g<name>`` inserts a named group of the match; the n-th slot of the fix
takes the same form as the n-th slot of the match, so ``{v:save} time`` →
``{v:buy} time`` turns "saving time" into "buying time". When the match starts
with a capital, so does the fix.

Every entry is checked on load: its fields, its pattern, and that it fires on
its ``example`` and stays silent on its ``clean`` sentences. A problem raises
:class:`checker.rules.RuleDataError` naming the file and the entry. A file's
text that passed is recorded (:mod:`checker.rules.validated`): later runs read
its entries back and compile an entry's pattern when a text first holds its
keys, instead of all of them at start.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from checker.core import CATEGORIES, Severity
from checker.rules import RuleDataError, RuleFile
from checker.scanning import all_present, compiled, required_literals, word_alternation

KIND = "substitution"
DEFAULT_RULE = "MT-calque"
ALLOWED_CATEGORIES = ("calque", "mistranslation")
REQUIRED = ("id", "source", "match", "message", "severity", "category", "example")
OPTIONAL = ("fix", "confidence", "clean", "note")
_LANG = re.compile(r"^[a-z]{2}$")

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "ru": "Russian", "uk": "Ukrainian",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish",
}

BUILTIN_MACROS = {
    "en": {
        "DET": r"(?:the|a|an|this|that|these|those)",
        "POSS": r"(?:his|her|its|their|our|my|your)",
        "BE": r"(?:is|are|was|were|be|been|being|am|'s|'re)",
        "HAVE": r"(?:has|have|had|having)",
    },
    "fr": {
        "DET": r"(?:le|la|les|l'|un|une|des|du|de la|de l'|ce|cet|cette|ces)",
        "ART": r"(?:le|la|les|l'|un|une|des|du)",
        "POSS": r"(?:son|sa|ses|leur|leurs|notre|nos|votre|vos|mon|ma|mes)",
    },
    "de": {},
}

# English irregular verbs: base, 3rd person, past, -ing (past participle = past
# unless given as a fifth form).
IRREGULAR = {
    "buy": "buy/buys/bought/buying", "shoot": "shoot/shoots/shot/shooting",
    "stand": "stand/stands/stood/standing", "get": "get/gets/got/getting",
    "take": "take/takes/took/taking/taken", "make": "make/makes/made/making",
    "hold": "hold/holds/held/holding", "keep": "keep/keeps/kept/keeping",
    "win": "win/wins/won/winning", "bring": "bring/brings/brought/bringing",
    "give": "give/gives/gave/giving/given", "go": "go/goes/went/going/gone",
    "come": "come/comes/came/coming", "see": "see/sees/saw/seeing/seen",
    "say": "say/says/said/saying", "tell": "tell/tells/told/telling",
    "find": "find/finds/found/finding", "think": "think/thinks/thought/thinking",
    "lead": "lead/leads/led/leading", "run": "run/runs/ran/running/run",
    "set": "set/sets/set/setting", "put": "put/puts/put/putting",
    "fight": "fight/fights/fought/fighting", "seek": "seek/seeks/sought/seeking",
    "lose": "lose/loses/lost/losing", "drive": "drive/drives/drove/driving/driven",
    "strike": "strike/strikes/struck/striking", "draw": "draw/draws/drew/drawing/drawn",
    "know": "know/knows/knew/knowing/known", "meet": "meet/meets/met/meeting",
    "pay": "pay/pays/paid/paying", "sell": "sell/sells/sold/selling",
    "send": "send/sends/sent/sending", "spend": "spend/spends/spent/spending",
    "build": "build/builds/built/building", "leave": "leave/leaves/left/leaving",
    "feel": "feel/feels/felt/feeling", "become": "become/becomes/became/becoming/become",
    "begin": "begin/begins/began/beginning/begun", "break": "break/breaks/broke/breaking/broken",
    "choose": "choose/chooses/chose/choosing/chosen", "fall": "fall/falls/fell/falling/fallen",
    "hit": "hit/hits/hit/hitting", "let": "let/lets/let/letting", "cut": "cut/cuts/cut/cutting",
    "rise": "rise/rises/rose/rising/risen", "speak": "speak/speaks/spoke/speaking/spoken",
    "write": "write/writes/wrote/writing/written", "have": "have/has/had/having",
    "do": "do/does/did/doing/done", "be": "be/is/was/being/been",
    "withdraw": "withdraw/withdraws/withdrew/withdrawing/withdrawn",
    "undertake": "undertake/undertakes/undertook/undertaking/undertaken",
    "shed": "shed/sheds/shed/shedding", "hang": "hang/hangs/hung/hanging",
    "lay": "lay/lays/laid/laying", "mean": "mean/means/meant/meaning",
    "overtake": "overtake/overtakes/overtook/overtaking/overtaken",
}

_FR_ER_ENDINGS = ("er", "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ais",
                  "ant", "ons", "ez", "era", "eront", "erait", "eraient", "a", "èrent")
_VOWELS = set("aeiou")


def english_verb_forms(base: str) -> list[str]:
    """base, 3rd person singular, past, -ing, past participle."""
    if base in IRREGULAR:
        forms = IRREGULAR[base].split("/")
        return forms + [forms[2]] if len(forms) == 4 else forms
    if base.endswith("e"):
        ing, past = base[:-1] + "ing", base + "d"
    elif base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        ing, past = base + "ing", base[:-1] + "ied"
    elif (len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"} and base[-2] in _VOWELS
          and base[-3] not in _VOWELS and len(base) <= 4):
        ing, past = base + base[-1] + "ing", base + base[-1] + "ed"  # stop, stopping
    else:
        ing, past = base + "ing", base + "ed"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return [base, third, past, ing, past]


def english_noun_forms(noun: str) -> list[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return [noun, noun + "es"]
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in _VOWELS:
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


def slot_forms(spec: str) -> list[str]:
    """The forms of an inflection slot ``{kind:word}`` or ``{a/b/c}``."""
    if ":" in spec:
        kind, word = spec.split(":", 1)
        if "/" in word:
            forms = word.split("/")
            return forms + [forms[2]] if kind == "v" and len(forms) == 4 else forms
        if kind == "v":
            return english_verb_forms(word)
        if kind == "n":
            return english_noun_forms(word)
        if kind == "er":
            return [word + e for e in _FR_ER_ENDINGS]
        raise ValueError(f"unknown slot kind {kind!r} in {{{spec}}} (use v, n, er)")
    return spec.split("/")


_BRACE = re.compile(r"\{([^{}\d,][^{}]*)\}")
_SPACE_RUN = re.compile(r" {2,}")
_GROUP_REF = re.compile(r"\\g<([^\W\d]\w*)>")


@lru_cache(maxsize=4096)
def _template_parts(template: str) -> tuple[str, ...] | None:
    """A fix template split into literal text and group names, alternately, or
    None when it holds an escape other than ``\\g<name>``."""
    parts = tuple(_GROUP_REF.split(template))
    return None if any("\\" in literal for literal in parts[::2]) else parts


def _expand_fix(match: re.Match, template: str) -> str:
    """``match.expand(template)``, without re parsing the template at each call."""
    parts = _template_parts(template)
    if parts is None:
        return match.expand(template)
    return "".join(part if i % 2 == 0 else match.group(part) or ""
                   for i, part in enumerate(parts))


@dataclass(frozen=True)
class Substitution:
    """One validated lexicon entry; its pattern is compiled on first need."""

    id: str  # "<pair>/<entry id>", unique over all files
    rule: str
    source_language: str
    target_language: str
    source: str
    regex: str  # the pattern's source, compiled case-insensitively
    fix: str | None
    slot_forms: tuple[tuple[str, ...], ...]  # forms of the match's slots, in order
    message: str
    severity: Severity
    category: str
    confidence: float
    examples: tuple[str, ...]
    cleans: tuple[str, ...]
    keys: tuple[str, ...] | None  # literal strings one of which the text must contain
    # the literals every match contains (scanning.required_literals of regex)
    requires: tuple[tuple[str, ...], ...]
    path: str

    @property
    def pattern(self) -> re.Pattern:
        """The compiled ``regex``, on first need. Compiling all of the lexicon's
        took most of start-up, and a document meets the keys of a few dozen."""
        return compiled(self.regex, re.IGNORECASE)

    def suggestion(self, match: re.Match) -> str | None:
        """The fix for this match, in the form and case of the matched text."""
        if self.fix is None:
            return None
        index = iter(range(len(self.slot_forms)))
        chosen: list[int] = []
        for k, forms in enumerate(self.slot_forms):
            got = (match.group(f"_s{k}") or "").lower()
            chosen.append(next((i for i, f in enumerate(forms) if f.lower() == got), 0))

        def fill(m: re.Match) -> str:
            k = next(index, None)
            forms = slot_forms(m.group(1))
            i = chosen[k] if k is not None and k < len(chosen) else 0
            return forms[min(i, len(forms) - 1)]

        template = _BRACE.sub(fill, self.fix) if "{" in self.fix else self.fix
        text = _expand_fix(match, template)
        text = _SPACE_RUN.sub(" ", text).strip()
        original = match.group(0)
        if original[:1].isupper() and not original.isupper() and text[:1].islower():
            text = text[0].upper() + text[1:]
        return text


@dataclass(frozen=True)
class Lexicon:
    """Every substitution entry, grouped by the language of the text it checks."""

    entries: tuple[Substitution, ...]
    by_target: dict[str, tuple[Substitution, ...]] = field(default_factory=dict)
    # language -> _KeyIndex, built on first use (frozen: the dict itself is filled in)
    key_indexes: dict[str, _KeyIndex] = field(default_factory=dict, compare=False, repr=False)

    def pairs(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.entries:
            pair = f"{e.source_language}-{e.target_language}"
            counts[pair] = counts.get(pair, 0) + 1
        return counts

    def find(self, text: str, language: str, start: int = 0,
             end: int | None = None) -> Iterator[tuple[Substitution, re.Match]]:
        """Every (entry, match) in ``text[start:end]`` for a text in ``language``."""
        end = len(text) if end is None else end
        entries = self.by_target.get(language, ())
        if not entries:
            return
        index = _key_index(self, language)
        lowered = normalise(text[start:end])
        windows = index.windows(lowered, start, end)
        for keyless in index.keyless:
            if all_present(index.requires[keyless], lowered):
                windows[keyless] = [(start, end)]
        # A window is skipped when it lacks a literal the entry requires; that
        # needs the lowered text to keep the offsets ('İ' lower-cases to two
        # characters).
        aligned = len(lowered) == end - start
        for i in sorted(windows):  # the entries' own order: findings come out stable
            entry = entries[i]
            for w_start, w_end in windows[i]:
                if aligned and not all_present(index.requires[i], lowered, w_start - start,
                                               w_end - start):
                    continue
                for m in entry.pattern.finditer(text, w_start, w_end):
                    if m.end() > m.start() and (m.end() < w_end or w_end == end):
                        yield entry, m


# A match lies within this many characters of its prefilter key: the regex
# runs on these windows only, not on the whole text (ten times faster on a
# news article; Python's re cannot skip ahead on a case-insensitive pattern).
WINDOW = 160


class _KeyIndex:
    """Where the prefilter keys of one language's entries occur, in one scan.

    One regex holds every key as a trie (a branch per first letter, so each
    position costs a few character tests, not one test per entry), inside a
    look-ahead so that overlapping keys are all seen. At a position it reports
    the longest key; the keys that are prefixes of that one occur there too.
    An entry that misses one of its required literals in the text gets no
    window at all, however often its keys occur ("the ").
    """

    def __init__(self, entries: tuple[Substitution, ...]) -> None:
        owners: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            for key in dict.fromkeys(entry.keys or ()):
                owners.setdefault(key, []).append(index)
        self.owners = owners
        self.requires = [entry.requires for entry in entries]
        self.keyless = [index for index, entry in enumerate(entries) if entry.keys is None]
        self.prefixes = {key: [k for k in owners if key.startswith(k)] for key in owners}
        # longest key found at a position -> (length of a key there, entry owning it)
        self.targets = {key: [(len(k), index) for k in self.prefixes[key] for index in owners[k]]
                        for key in owners}
        self.pattern = re.compile(f"(?=({word_alternation(owners)}))") if owners else None

    def windows(self, lowered: str, offset: int, end: int) -> dict[int, list[tuple[int, int]]]:
        """Entry index -> merged [start, end) ranges around its keys' occurrences."""
        spans: dict[int, list[tuple[int, int]]] = {}
        if self.pattern is None:
            return spans
        live: dict[int, bool] = {}  # entry index -> are its required literals in the text?
        for m in self.pattern.finditer(lowered):
            pos = offset + m.start()
            for size, index in self.targets[m.group(1)]:
                ok = live.get(index)
                if ok is None:
                    ok = live[index] = all_present(self.requires[index], lowered)
                if ok:
                    spans.setdefault(index, []).append(
                        (max(offset, pos - WINDOW), min(end, pos + size + WINDOW)))
        return {index: _merged(found) for index, found in spans.items()}


def _key_index(lexicon: Lexicon, language: str) -> _KeyIndex:
    cache = lexicon.key_indexes
    if language not in cache:
        cache[language] = _KeyIndex(lexicon.by_target.get(language, ()))
    return cache[language]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        if s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# --- compiling a pattern -------------------------------------------------

def normalise(text: str) -> str:
    """The lower-cased text the prefilter keys are looked up in (same length).
    It folds the characters of scanning.FOLDED, so required literals hold in it."""
    text = text.lower()
    for a, b in _NORMALISE_PAIRS:  # str.replace is several times faster than translate
        if a in text:
            text = text.replace(a, b)
    return text


_NORMALISE_PAIRS = (("\u00a0", " "), ("\u202f", " "), ("’", "'"), ("“", '"'), ("”", '"'),
                    ("«", '"'), ("»", '"'))


def _expand(pattern: str, macros: dict[str, str], slots: list[tuple[str, ...]],
            plain: bool = False) -> str:
    """Macros and slots to regex; quotes, apostrophes and spaces made tolerant.

    ``plain`` keeps them as single characters instead: that version is only
    read for the literal keys of the prefilter, which looks them up in
    :func:`normalise`-d text.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c == "{":
            close = pattern.find("}", i)
            inner = pattern[i + 1:close] if close > 0 else ""
            if close > 0 and re.fullmatch(r"\d+(,\d*)?|,\d+", inner):
                out.append(pattern[i:close + 1])  # a quantifier {2} {1,3}
            elif close > 0 and re.fullmatch(r"[A-Z][A-Z_]*", inner):
                if inner not in macros:
                    raise ValueError(f"unknown macro {{{inner}}}")
                out.append(_expand(macros[inner], macros, [], plain))
            elif close > 0:
                forms = slot_forms(inner)
                name = f"_s{len(slots)}"
                slots.append(tuple(forms))
                alts = sorted(set(forms), key=len, reverse=True)
                out.append(f"(?P<{name}>" + "|".join(re.escape(f) for f in alts) + ")")
            else:
                raise ValueError("unclosed '{'")
            i = close + 1
            continue
        elif c in "'’":
            out.append("'" if plain else "['’]")
        elif c in "\"“”":
            out.append('"' if plain else "[\"“”«»]")
        elif c == " ":
            out.append(" " if plain else r"(?:[ \u00a0\u202f]+)")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal strings one of which every match contains, or None.

    Read from the parsed regex: the longest run of literal characters at the
    top level, or one run per alternative of a top-level alternation. Lets
    :meth:`Lexicon.find` skip an entry with a substring test.
    """
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore
    from re import _constants as c  # type: ignore[attr-defined]

    def runs(items) -> tuple[str, ...] | None:
        best, cur = "", ""
        alternatives: tuple[str, ...] | None = None
        for op, av in items:
            if op is c.LITERAL:
                cur += chr(av)
                continue
            if len(cur) > len(best):
                best = cur
            cur = ""
            if op is c.SUBPATTERN:
                inner = runs(av[3])
                if inner and (alternatives is None or min(map(len, inner)) > min(map(len, alternatives))):
                    alternatives = inner
            elif op is c.BRANCH:
                alts = [runs(branch) for branch in av[1]]
                if all(alts):
                    merged = tuple(x for a in alts for x in a)
                    if alternatives is None or min(map(len, merged)) > min(map(len, alternatives)):
                        alternatives = merged
            elif op is c.IN:
                pass
        if len(cur) > len(best):
            best = cur
        if len(best) >= 3 and (alternatives is None or len(best) >= min(map(len, alternatives))):
            return (best.lower(),)
        if alternatives and min(map(len, alternatives)) >= 3:
            return tuple(a.lower() for a in alternatives)
        return (best.lower(),) if len(best) >= 3 else None

    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    return runs(list(parsed))


# --- parsing the files ---------------------------------------------------

def _as_list(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError


def parse_entry(raw: dict, index: int, path: Path, pair: tuple[str, str], rule: str,
                macros: dict[str, str]) -> Substitution:
    name = raw.get("id", index)

    def fail(problem: str):
        raise RuleDataError(path, problem, name)

    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            fail(f"missing field '{key}'")
    unknown = set(raw) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        fail(f"unknown field(s) {sorted(unknown)}; allowed: {REQUIRED + OPTIONAL}")
    for key in ("id", "source", "match", "message", "example"):
        if not isinstance(raw[key], str):
            fail(f"'{key}' must be a string")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", raw["id"]):
        fail("'id' must be lower-case letters, digits and hyphens")
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        fail(f"unknown severity {raw['severity']!r}; use error, warning or info")
    category = raw["category"]
    if category not in ALLOWED_CATEGORIES:
        fail(f"unknown category {category!r}; use one of {ALLOWED_CATEGORIES}")
    assert category in CATEGORIES
    confidence = raw.get("confidence", 0.9)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        fail(f"'confidence' must be a number in (0, 1], not {confidence!r}")
    fix = raw.get("fix")
    if fix is not None and not isinstance(fix, str):
        fail("'fix' must be a string or null")
    try:
        examples = _as_list(raw["example"])
        cleans = _as_list(raw.get("clean"))
    except TypeError:
        fail("'example' and 'clean' must be strings or lists of strings")

    slots: list[tuple[str, ...]] = []
    try:
        body = _expand(raw["match"], macros, slots)
        regex = rf"(?<![\w-])(?:{body})(?![\w])"
        pattern = compiled(regex, re.IGNORECASE)
    except (re.error, ValueError) as exc:
        fail(f"bad pattern {raw['match']!r}: {exc}")
    if fix is not None:
        fix_slots = _BRACE.findall(fix)
        try:
            for spec in fix_slots:
                slot_forms(spec)
        except ValueError as exc:
            fail(f"bad fix {fix!r}: {exc}")
        if len(fix_slots) > len(slots):
            fail(f"the fix has {len(fix_slots)} inflection slot(s) but the match only {len(slots)}")
        names = set(re.findall(r"\\g<(\w+)>", fix))
        missing = names - set(pattern.groupindex)
        if missing:
            fail(f"the fix refers to group(s) {sorted(missing)} that the match does not define")
    keys = _required_literals(_expand(raw["match"], macros, [], plain=True))
    entry = Substitution(
        id=f"{pair[0]}-{pair[1]}/{raw['id']}", rule=rule, source_language=pair[0],
        target_language=pair[1], source=raw["source"], regex=regex, fix=fix,
        slot_forms=tuple(slots), message=raw["message"].strip(), severity=severity,
        category=category, confidence=float(confidence), examples=examples, cleans=cleans,
        keys=keys, requires=required_literals(regex), path=str(path))
    for example in examples:
        m = pattern.search(example)
        if not m:
            fail(f"the pattern does not match its own example {example!r}")
        if keys is not None and not any(k in normalise(example) for k in keys):
            fail(f"internal: prefilter keys {keys} miss the example")  # pragma: no cover
        try:
            entry.suggestion(m)
        except (re.error, IndexError) as exc:
            fail(f"the fix {fix!r} cannot be applied: {exc}")
    for clean in cleans:
        m = pattern.search(clean)
        if m:
            fail(f"the pattern matches its clean example {clean!r} at {m.group(0)!r}")
    return entry


def parse_file(rule_file: RuleFile) -> list[Substitution]:
    """The file's entries, validated; their patterns compiled on first need when
    this text passed validation in an earlier run (checker.rules.validated)."""
    from checker.rules import validated

    return validated.entries_of(rule_file, KIND, _validated_entries, _entry_record,
                                _entry_from_record)


def _entry_record(entry: Substitution) -> dict:
    """A validated entry as JSON data, its pattern by its source."""
    return {**dataclasses.asdict(entry), "severity": entry.severity.value}


def _entry_from_record(record: dict) -> Substitution:
    def tuples(items):
        return tuple(map(tuple, items))

    keys = record["keys"]
    return Substitution(**{
        **record, "severity": Severity(record["severity"]),
        "slot_forms": tuples(record["slot_forms"]), "requires": tuples(record["requires"]),
        "examples": tuple(record["examples"]), "cleans": tuple(record["cleans"]),
        "keys": None if keys is None else tuple(keys)})


def _validated_entries(rule_file: RuleFile) -> list[Substitution]:
    path, header = rule_file.path, rule_file.header
    pair = header.get("pair")
    if not isinstance(pair, str) or not re.fullmatch(r"[a-z]{2}-[a-z]{2}", pair):
        raise RuleDataError(path, f"'pair' must be 'source-target' ISO codes like fr-en, not {pair!r}")
    source, target = pair.split("-")
    if source == target:
        raise RuleDataError(path, f"'pair' {pair!r} names the same language twice")
    rule = header.get("rule", DEFAULT_RULE)
    if not isinstance(rule, str) or not rule:
        raise RuleDataError(path, "'rule' must be a rule id")
    macros = dict(BUILTIN_MACROS.get(target, {}))
    extra = header.get("macros") or {}
    if not isinstance(extra, dict) or not all(
            isinstance(k, str) and re.fullmatch(r"[A-Z][A-Z_]*", k) and isinstance(v, str)
            for k, v in extra.items()):
        raise RuleDataError(path, "'macros' must map UPPER_CASE names to pattern strings")
    macros.update(extra)
    return [parse_entry(raw, i, path, (source, target), rule, macros)
            for i, raw in enumerate(rule_file.entries, 1)]


def parse(files: list[RuleFile]) -> Lexicon:
    """The ``RuleBook.parsed`` parser of the substitution kind."""
    entries: list[Substitution] = []
    seen: dict[str, str] = {}
    for rule_file in files:
        for entry in parse_file(rule_file):
            if entry.id in seen:
                raise RuleDataError(rule_file.path, f"duplicate id (also in {seen[entry.id]})",
                                    entry.id.split("/", 1)[1])
            seen[entry.id] = str(rule_file.path)
            entries.append(entry)
    by_target: dict[str, list[Substitution]] = {}
    for entry in entries:
        by_target.setdefault(entry.target_language, []).append(entry)
    return Lexicon(tuple(entries), {k: tuple(v) for k, v in by_target.items()})
