"""The concept and entity tables: loaded from data/*.yaml, validated, compiled.

A mistake in a table fails on load with an error naming the file, the entry
and the problem (``TableError``), never later with a KeyError mid-run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checker.claims.lexicon import LANGS
from checker.scanning import not_after

DATA = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
_LANG_KEYS = set(LANGS) | {"all"}


class TableError(ValueError):
    """A data file of the claims package is malformed."""


@dataclass(frozen=True)
class Unit:
    name: str
    dimension: str
    factor: float
    default: str | None


@dataclass(frozen=True)
class Concept:
    name: str
    unit: str
    units: tuple[str, ...]
    role: str  # noun | casualty
    align: bool
    qualify: bool


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    forms: dict[str, tuple[str, ...]]

    def languages_of(self, form: str) -> set[str]:
        langs = {lang for lang, forms in self.forms.items() if form in forms}
        return set(LANGS) if "all" in langs else langs


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


class Matcher:
    """Terms matched at a position, longest first, by word lookup (no big regex).

    A term is lower-case words separated by spaces; a ``*`` ending a word
    matches any ending (Slavic and German inflection); hyphens and symbols
    (``%``, ``²``, ``$``) are words of their own, so "30-day" matches "-day"
    and "km²" is "km" + "²".
    """

    TOK = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|[^\s\w]|\d+")

    def __init__(self, pairs: list[tuple[str, str]], ignore_case: bool = True):
        self.index: dict[str, list[tuple[tuple[tuple[str, bool], ...], str]]] = {}
        self.prefix_index: dict[str, list[tuple[tuple[tuple[str, bool], ...], str]]] = {}
        for term, key in pairs:
            words = []
            for w in term.lower().replace("’", "'").split():
                star = w.endswith("*")
                toks = self.TOK.findall(w.rstrip("*"))
                for i, t in enumerate(toks):
                    words.append((t, star and i == len(toks) - 1))
            if not words:
                continue
            entry = (tuple(words), key)
            first, star = words[0]
            (self.prefix_index.setdefault(first[:2], []) if star else self.index.setdefault(first, [])).append(entry)
        for table in (self.index, self.prefix_index):
            for v in table.values():
                v.sort(key=lambda e: (-len(e[0]), -sum(len(w) for w, _ in e[0])))
        self._first_words: dict[str, tuple | None] = {}

    def _terms_from(self, word: str) -> tuple | None:
        """The terms that may start with this word (as written), kept per distinct word:
        None when none does (most words of a text); else (keys, entries), where keys,
        best first, are given when every such term is this one word, so the answer
        depends on the word alone, and entries are to be checked on the words after."""
        try:
            return self._first_words[word]
        except KeyError:
            pass
        w0 = _norm(word)
        entries = self.index.get(w0, []) + [e for e in self.prefix_index.get(w0[:2], ())
                                             if w0.startswith(e[0][0][0])]
        if not entries:
            info = None
        elif all(len(words) == 1 for words, _ in entries):
            info = tuple(key for _, key in entries), entries  # each matches: w0 itself, or a prefix of it
        else:
            info = None, entries
        if len(self._first_words) >= 200_000:  # a vocabulary: bounded on a huge archive
            self._first_words.clear()
        self._first_words[word] = info
        return info

    def may_start(self, word: str) -> bool:
        """Whether a term may start at a word of letters joined by apostrophes or
        hyphens (as the claims extractor reads words): TOK reads it up to its first
        hyphen, so when no term starts with that, ``candidates`` there is empty."""
        return self._terms_from(word.split("-", 1)[0]) is not None

    def candidates(self, text: str, pos: int) -> tuple[tuple[str, int], ...]:
        """Every term starting exactly at pos, as (key, end), best first: the
        longest, then the table's order. ``match`` takes the first one accepted;
        a caller asking about one position with several ``accept`` can keep this."""
        first = self.TOK.match(text, pos)
        if first is None:
            return ()
        info = self._terms_from(first.group())
        if info is None:
            return ()
        keys, cands = info
        window = min(len(text), pos + 80)  # terms are read within 80 characters, 5 words
        if first.end() > window:  # a "word" longer than that: as the window cuts it
            toks = [(_norm(m.group()), m.end()) for m in self.TOK.finditer(text, pos, window)]
            w0 = _norm(first.group())
            pref = [e for e in self.prefix_index.get(w0[:2], ()) if w0.startswith(e[0][0][0])]
            cands = self.index.get(toks[0][0], []) + pref
        elif keys is not None:
            return tuple((key, first.end()) for key in keys)
        else:
            # the words after the first are read only as far as the longest candidate needs
            toks = [(_norm(first.group()), first.end())]
            wanted = min(5, max(len(words) for words, _ in cands))
            for m in self.TOK.finditer(text, first.end(), window):
                toks.append((_norm(m.group()), m.end()))
                if len(toks) >= wanted:
                    break
        found = []
        for words, key in cands:
            n = len(words)
            if n <= len(toks) and all(toks[i][0] == w or (star and toks[i][0].startswith(w))
                                      for i, (w, star) in enumerate(words)):
                found.append((n, key, toks[n - 1][1]))
        found.sort(key=lambda f: -f[0])  # stable: among equally long terms, the table's order
        return tuple((key, end) for _, key, end in found)

    def match(self, text: str, pos: int, accept=None):
        """(key, end) of the longest term starting exactly at pos (whose key
        ``accept`` allows), or None."""
        for key, end in self.candidates(text, pos):
            if accept is None or accept(key):
                return key, end
        return None


class WordIndex:
    """Fast lookup of names (case-sensitive, multi-word) or lower-case terms with
    ``*`` prefixes, by scanning the words of a text once."""

    _TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")

    def __init__(self, pairs: list[tuple[str, str]], ignore_case: bool):
        self.ignore_case = ignore_case
        self.exact: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        for term, key in pairs:
            t = term.lower() if ignore_case else term
            t = t.replace("’", "'")
            words = tuple(t.split())
            if len(words) == 1 and t.endswith("*"):
                self.prefixes.setdefault(t[:2], []).append((t.rstrip("*"), key))
            else:
                words = tuple(w.rstrip("*") for w in words)
                self.exact.setdefault(words[0], []).append((words, key))
        for v in self.exact.values():
            v.sort(key=lambda p: -len(p[0]))
        # Lower-case terms are few (demonyms): a text holding none of them is passed
        # over at once instead of word by word. (ς: str.lower() writes a final sigma
        # by context, so a word lower-cased alone may differ from it in a longer text.)
        heads = {w.replace("ς", "σ") for w in self.exact} | \
            {p.replace("ς", "σ") for entries in self.prefixes.values() for p, _ in entries}
        # a text holding a head that contains another holds that one too: the
        # shortest suffice ("russe" for "russes", "américain" for "américaines")
        self._heads = sorted(h for h in heads if not any(o != h and o in h for o in heads))

    def _find_names(self, text: str, start: int, end: int):
        """Case-sensitive names: only words starting with a capital can begin one."""
        pos = start
        for m in self._CAPITAL.finditer(text, start, end):
            if m.start() < pos:
                continue
            w = m.group().replace("’", "'")
            if w.endswith("'s"):
                w = w[:-2]
            for words, key in self.exact.get(w, ()):
                n, e = len(words), m.end()
                if n > 1:
                    p, ok = m.end(), True
                    for nxt in words[1:]:
                        t = self._TOKEN.search(text, p, end)
                        if t is None or text[p:t.start()].strip() or t.group().replace("’", "'") != nxt:
                            ok = False
                            break
                        p = t.end()
                    if not ok:
                        continue
                    e = p
                yield key, m.start(), e
                pos = e
                break

    # a capitalised word, not after a letter
    _CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]" + not_after(r"[^\W\d_]") + r"[^\W\d_]*(?:['’ʼ\-][^\W\d_]+)*")

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        if not self.ignore_case:
            yield from self._find_names(text, start, end)
            return
        low = text[start:end].lower().replace("’", "'").replace("ς", "σ")
        if not any(map(low.__contains__, self._heads)):
            return
        toks = [(m.start(), m.end(), m.group()) for m in self._TOKEN.finditer(text, start, end)]
        norm = [(w.lower() if self.ignore_case else w).replace("’", "'") for _, _, w in toks]
        norm = [w[:-2] if w.endswith("'s") else w for w in norm]
        i = 0
        while i < len(toks):
            w = norm[i]
            hit = None
            for words, key in self.exact.get(w, ()):
                n = len(words)
                if tuple(norm[i:i + n]) == words:
                    hit = (key, n)
                    break
            if hit is None:
                for prefix, key in self.prefixes.get(w[:2], ()):
                    if w.startswith(prefix):
                        hit = (key, 1)
                        break
            if hit:
                key, n = hit
                yield key, toks[i][0], toks[i + n - 1][1]
                i += n
            else:
                i += 1


@dataclass
class Tables:
    units: dict[str, Unit]
    concepts: dict[str, Concept]
    unit_matchers: dict[str, Matcher]
    concept_matchers: dict[str, Matcher]
    qualifier_matchers: dict[str, Matcher]
    entities: dict[str, Entity]
    entity_matchers: dict[str, Matcher]  # case-sensitive names
    adjective_matchers: dict[str, Matcher]
    form_index: dict[str, str] = field(default_factory=dict)  # form -> canonical
    _concepts_for: dict = field(default_factory=dict, repr=False, compare=False)

    def concepts_for(self, unit: str, roles: tuple[str, ...]) -> frozenset[str]:
        """The concepts that count in ``unit`` and play one of ``roles`` (asked per number: kept)."""
        key = (unit, roles)
        if key not in self._concepts_for:
            self._concepts_for[key] = frozenset(
                name for name, c in self.concepts.items() if unit in c.units and c.role in roles)
        return self._concepts_for[key]


def _fail(path: Path, where: str, problem: str) -> None:
    raise TableError(f"{path.name}: {where}: {problem}")


def _terms(path: Path, where: str, value, lower: bool = True) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(path, where, f"expected a mapping of language -> list of terms, got {type(value).__name__}")
    out: dict[str, list[str]] = {}
    for lang, terms in value.items():
        if lang not in _LANG_KEYS:
            _fail(path, f"{where}.{lang}", f"unknown language {lang!r} (expected one of {sorted(_LANG_KEYS)})")
        if not isinstance(terms, list):
            _fail(path, f"{where}.{lang}", "expected a list of terms")
        for t in terms:
            if not isinstance(t, str) or not t.strip():
                _fail(path, f"{where}.{lang}", f"term {t!r} is not a non-empty string")
            if lower and t != t.lower():
                _fail(path, f"{where}.{lang}", f"term {t!r} must be lower case")
        out[lang] = [t.strip() for t in terms]
    return out


def _check_keys(path: Path, where: str, entry, allowed: set[str], required: set[str]) -> None:
    if not isinstance(entry, dict):
        _fail(path, where, "expected a mapping")
    unknown = set(entry) - allowed
    if unknown:
        _fail(path, where, f"unknown key(s) {sorted(unknown)} (allowed: {sorted(allowed)})")
    missing = required - set(entry)
    if missing:
        _fail(path, where, f"missing key(s) {sorted(missing)}")


def _per_lang(terms: dict[str, list[str]], lang: str) -> list[str]:
    return terms.get(lang, []) + terms.get("all", [])


def load_concepts(path: Path) -> tuple[dict, dict, dict, dict, dict]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise TableError(f"{path.name}: not valid YAML: {exc}") from exc
    _check_keys(path, "top level", raw, {"version", "units", "concepts", "qualifiers"},
                {"version", "units", "concepts"})
    units: dict[str, Unit] = {}
    unit_terms: dict[str, dict[str, list[str]]] = {}
    for name, entry in (raw["units"] or {}).items():
        where = f"units.{name}"
        _check_keys(path, where, entry, {"dimension", "factor", "default", "terms"},
                    {"dimension", "factor", "terms"})
        factor = entry["factor"]
        if not isinstance(factor, (int, float)) or factor <= 0:
            _fail(path, where, f"factor must be a positive number, got {factor!r}")
        units[name] = Unit(name, str(entry["dimension"]), float(factor), entry.get("default"))
        unit_terms[name] = _terms(path, f"{where}.terms", entry["terms"])
    concepts: dict[str, Concept] = {}
    concept_terms: dict[str, dict[str, list[str]]] = {}
    for name, entry in (raw["concepts"] or {}).items():
        where = f"concepts.{name}"
        _check_keys(path, where, entry, {"unit", "units", "role", "align", "qualify", "terms"},
                    {"unit", "units", "role", "terms"})
        if entry["role"] not in ("noun", "casualty"):
            _fail(path, where, f"role must be noun or casualty, got {entry['role']!r}")
        if not isinstance(entry["units"], list) or not entry["units"]:
            _fail(path, where, "units must be a non-empty list")
        for u in entry["units"]:
            if u not in units:
                _fail(path, where, f"unit {u!r} is not defined under units:")
        for flag in ("align", "qualify"):
            if flag in entry and not isinstance(entry[flag], bool):
                _fail(path, where, f"{flag} must be true or false")
        concepts[name] = Concept(name, str(entry["unit"]), tuple(entry["units"]), entry["role"],
                                 entry.get("align", True), entry.get("qualify", False))
        concept_terms[name] = _terms(path, f"{where}.terms", entry["terms"])
    for name, unit in units.items():
        if unit.default is not None and unit.default not in concepts:
            _fail(path, f"units.{name}.default", f"concept {unit.default!r} is not defined under concepts:")
    # the same term may not name two concepts that accept the same unit
    for lang in LANGS:
        seen: dict[tuple[str, str], str] = {}
        for name, terms in concept_terms.items():
            for t in _per_lang(terms, lang):
                for u in concepts[name].units:
                    other = seen.get((t, u))
                    if other and other != name:
                        _fail(path, f"concepts.{name}.terms.{lang}",
                              f"term {t!r} also names concept {other!r} for unit {u!r}")
                    seen[(t, u)] = name
    qualifiers = {}
    for name, terms in (raw.get("qualifiers") or {}).items():
        qualifiers[name] = _terms(path, f"qualifiers.{name}", terms)
    return units, unit_terms, concepts, concept_terms, qualifiers


def load_entities(path: Path) -> tuple[dict[str, Entity], dict[str, dict[str, list[str]]]]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise TableError(f"{path.name}: not valid YAML: {exc}") from exc
    _check_keys(path, "top level", raw, {"version", "entities"}, {"version", "entities"})
    entities: dict[str, Entity] = {}
    adjectives: dict[str, dict[str, list[str]]] = {}
    for name, entry in (raw["entities"] or {}).items():
        where = f"entities.{name}"
        _check_keys(path, where, entry, {"kind", "forms", "adjectives"}, {"kind", "forms"})
        if entry["kind"] not in ("country", "region", "city", "person", "org"):
            _fail(path, where, f"kind must be country, region, city, person or org, got {entry['kind']!r}")
        forms = _terms(path, f"{where}.forms", entry["forms"], lower=False)
        if not forms:
            _fail(path, where, "needs at least one form")
        entities[name] = Entity(name, entry["kind"], {k: tuple(v) for k, v in forms.items()})
        adjectives[name] = _terms(path, f"{where}.adjectives", entry.get("adjectives"))
    return entities, adjectives


@lru_cache(maxsize=4)
def load_tables(concepts_path: str | None = None, entities_path: str | None = None) -> Tables:
    cpath = Path(concepts_path) if concepts_path else DATA / "concepts.yaml"
    epath = Path(entities_path) if entities_path else DATA / "entities.yaml"
    units, unit_terms, concepts, concept_terms, qualifiers = load_concepts(cpath)
    entities, adjectives = load_entities(epath)
    unit_m, concept_m, qual_m, ent_m, adj_m = {}, {}, {}, {}, {}
    form_index: dict[str, str] = {}
    for lang in LANGS:
        unit_m[lang] = Matcher([(t, u) for u, terms in unit_terms.items() for t in _per_lang(terms, lang)])
        concept_m[lang] = Matcher([(t, c) for c, terms in concept_terms.items()
                                   for t in _per_lang(terms, lang)])
        qual_m[lang] = Matcher([(t, q) for q, terms in qualifiers.items() for t in _per_lang(terms, lang)])
        ent_m[lang] = WordIndex([(f, e) for e, ent in entities.items()
                                 for f in set(ent.forms.get(lang, ()) + ent.forms.get("all", ()))],
                                ignore_case=False)
        adj_m[lang] = WordIndex([(a, e) for e, terms in adjectives.items() for a in _per_lang(terms, lang)],
                                ignore_case=True)
    # names of any language, to recognise a foreign spelling
    for e, ent in entities.items():
        for forms in ent.forms.values():
            for f in forms:
                form_index.setdefault(f, e)
    ent_m["*"] = WordIndex([(f, e) for f, e in form_index.items()], ignore_case=False)
    return Tables(units, concepts, unit_m, concept_m, qual_m, entities, ent_m, adj_m, form_index)
