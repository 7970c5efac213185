"""The ``gazetteer`` kind: entities and their accepted spelling per language.

A gazetteer file lists places, people and organisations that news names::

    kind: gazetteer
    entries:
      - id: kursk
        type: place            # place | region | country | person | org | river | sea | other
        all: Kursk             # accepted in every language unless one overrides it
        fr: Koursk             # str or list; the first is the preferred form
      - id: zelensky
        type: person
        en: [Zelensky, Zelenskyy]
        fr: [Zelensky, Zelenski]
        de: [Selenskyj]
        wrong: {de: [Zelenskyj]}   # variants, wrong where not accepted; the key is the language whose
                                   # conventions produced it ("ru/en": a Russian name
                                   # transliterated the English way)
        except: ['Kievan Rus']     # contexts where a spelling is right after all
        minority: [en]             # a text must pick one accepted form

Parsing produces a :class:`Gazetteer` with, per document language, one
compiled alternation of every spelling that is wrong in that language, so a
document is scanned once whatever the size of the list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.rules import RuleDataError, RuleFile
from checker.scanning import not_after, word_alternation

KIND = "gazetteer"
LANGUAGES = ("en", "fr", "de", "es", "it")
TYPES = ("place", "region", "country", "person", "org", "river", "sea", "other")
FIELDS = {"id", "type", "all", "wrong", "except", "minority", "note", *LANGUAGES}
_ORIGIN = re.compile(r"^[a-z]{2}(?:/[a-z]{2})?$")


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    accepted: dict[str, tuple[str, ...]]  # language -> spellings, preferred first
    wrong: dict[str, tuple[str, ...]]  # origin -> spellings accepted nowhere
    exceptions: tuple[re.Pattern, ...]
    minority: frozenset[str]

    def preferred(self, language: str) -> str | None:
        spellings = self.accepted.get(language)
        return spellings[0] if spellings else None

    def origin_of(self, spelling: str, language: str) -> str | None:
        """The language a spelling that is foreign to ``language`` comes from."""
        for origin, spellings in self.wrong.items():
            if spelling in spellings:
                return origin
        for lang in LANGUAGES:
            if lang != language and spelling in self.accepted.get(lang, ()):
                return lang
        return None


@dataclass(frozen=True)
class Foreign:
    """A spelling that is wrong in a language, and what to write instead."""

    spelling: str
    entity: Entity
    origin: str  # "fr", "de", "ru/en"...
    variant: bool = False  # listed under 'wrong': a transliteration, not a standard spelling

    @property
    def voting_language(self) -> str:
        return self.origin.split("/")[-1]


@dataclass
class Gazetteer:
    entities: tuple[Entity, ...]
    _foreign: dict[str, dict[str, Foreign]] = field(default_factory=dict)
    _accepted_words: dict[str, frozenset[str]] = field(default_factory=dict)
    _index: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    _compiled: dict[str, dict[str, re.Pattern]] = field(default_factory=dict)
    _minority: dict[str, tuple[Entity, ...]] = field(default_factory=dict)
    _scan: dict[str, tuple[re.Pattern | None, tuple[str, ...]]] = field(default_factory=dict)
    _spelled: dict[str, frozenset[str]] | None = None

    def by_id(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)

    def accepted_pattern(self, entity: Entity, language: str) -> re.Pattern | None:
        spellings = entity.accepted.get(language)
        if not spellings:
            return None
        return _alternation(spellings)

    def minority(self, language: str) -> tuple[Entity, ...]:
        """The entities with several accepted spellings in ``language`` that a text
        must not mix (``minority``): a handful of the list, found once."""
        if language not in self._minority:
            self._minority[language] = tuple(
                e for e in self.entities
                if language in e.minority and len(e.accepted.get(language, ())) >= 2)
        return self._minority[language]

    def foreign(self, language: str) -> dict[str, Foreign]:
        """Every spelling wrong in ``language`` -> what it is a spelling of."""
        if language not in self._foreign:
            accepted_anywhere = {s for e in self.entities for s in e.accepted.get(language, ())}
            table: dict[str, Foreign] = {}
            for entity in self.entities:
                if not entity.accepted.get(language):
                    continue  # no spelling for this language: nothing to suggest
                candidates = [s for lang in LANGUAGES for s in entity.accepted.get(lang, ())]
                candidates += [s for spellings in entity.wrong.values() for s in spellings]
                for spelling in candidates:
                    if spelling in accepted_anywhere or spelling in table:
                        continue
                    origin = entity.origin_of(spelling, language)
                    if origin:
                        variant = any(spelling in v for v in entity.wrong.values())
                        table[spelling] = Foreign(spelling, entity, origin, variant)
            self._foreign[language] = table
        return self._foreign[language]

    def find_foreign(self, text: str, language: str):
        """(match, Foreign) for every spelling wrong in ``language`` found in ``text``.

        A first-word index keeps this fast: the text's distinct words are
        intersected with the first words of the wrong spellings, and only the
        spellings that can match are searched for. Nearly all those first words
        are capitalised, so only the text's capitalised words are listed (a
        pattern that skips to a capital); the few others are kept when they
        stand anywhere in the text, which at worst searches for a spelling that
        is not there.
        """
        index = self._first_word_index(language)
        if not index:
            return
        table = self.foreign(language)
        compiled = self._compiled.setdefault(language, {})
        capitalised, others = self._first_word_scan(language)
        words = set(capitalised.findall(text) if capitalised else ()) & index.keys()
        words.update(word for word in others if word in text)
        for word in sorted(words):
            if word not in compiled:  # compiled on first use: most words never occur
                compiled[word] = _alternation(index[word])
            for m in compiled[word].finditer(text):
                yield m, table[_SPACES.sub(" ", m.group(0))]

    def _first_word_index(self, language: str) -> dict[str, list[str]]:
        if language not in self._index:
            table = self.foreign(language)
            groups: dict[str, list[str]] = {}
            for spelling in table:
                first = _WORDS.search(spelling)
                if first:
                    groups.setdefault(first.group(0), []).append(spelling)
            self._index[language] = groups
        return self._index[language]

    def _first_word_scan(self, language: str) -> tuple[re.Pattern | None, tuple[str, ...]]:
        """A pattern listing the text's words (letter runs, as _WORDS finds them)
        that open with a capital some first word opens with; the first words that
        do not open with a capital."""
        if language not in self._scan:
            index = self._first_word_index(language)
            capitals = sorted({word[0] for word in index if word[0].isupper()})
            others = tuple(sorted(word for word in index if not word[0].isupper()))
            # the first letter of a run: the look-behind goes after it (scanning.not_after)
            pattern = re.compile("[" + "".join(map(re.escape, capitals)) + "]"
                                 + not_after(r"[^\W\d_]") + r"[^\W\d_]*") if capitals else None
            self._scan[language] = (pattern, others)
        return self._scan[language]

    def entities_spelled(self, spelling: str) -> frozenset[str]:
        """The ids of the entities one of whose accepted one-word spellings, in any
        language, is ``spelling`` ("Bundesrat" -> {"bundesrat"})."""
        if self._spelled is None:
            index: dict[str, set[str]] = {}
            for entity in self.entities:
                for spellings in entity.accepted.values():
                    for s in spellings:
                        if " " not in s:
                            index.setdefault(s, set()).add(entity.id)
            self._spelled = {s: frozenset(ids) for s, ids in index.items()}
        return self._spelled.get(spelling, frozenset())

    def known_words(self) -> frozenset[str]:
        """Lower-case words of every spelling: names the untranslated rule leaves alone."""
        if "*" not in self._accepted_words:
            words = set()
            for e in self.entities:
                for spellings in list(e.accepted.values()) + list(e.wrong.values()):
                    for s in spellings:
                        words.update(w.lower() for w in re.findall(r"[^\W\d_]+", s))
            self._accepted_words["*"] = frozenset(words)
        return self._accepted_words["*"]


_WORDS = re.compile(r"[^\W\d_]+")


_NOT_BEFORE = r"[\w@#/.-]"  # a name does not start right after these
_SPACES = re.compile(r"[ \u00a0]")  # a space in a name also matches a no-break space


def _alternation(spellings) -> re.Pattern:
    # A trie with the look-behind after the first letter, not before it: re can
    # then skip ahead to where a spelling's first letter stands (checker/scanning.py).
    body = word_alternation(spellings, before=_NOT_BEFORE, escape=_escape)
    return re.compile(rf"(?:{body})(?![\w@/]|-\w)")


def _escape(char: str) -> str:
    return _SPACES.pattern if char == " " else re.escape(char)


def _spellings(value, path: Path, entry: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleDataError(path, f"'{key}' must be a spelling or a non-empty list of spellings", entry)
    out: list[str] = []
    for v in value:
        if v != v.strip():
            raise RuleDataError(path, f"'{key}': spelling {v!r} has surrounding spaces", entry)
        if v not in out:
            out.append(v)
    return tuple(out)


def parse_entity(raw: dict, index: int, path: Path) -> Entity:
    name = raw.get("id", index)
    if not isinstance(raw.get("id"), str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", raw["id"]):
        raise RuleDataError(path, "'id' must be lower-case letters, digits and hyphens", name)
    unknown = set(raw) - FIELDS
    if unknown:
        raise RuleDataError(path, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(FIELDS)}", name)
    if raw.get("type") not in TYPES:
        raise RuleDataError(path, f"unknown type {raw.get('type')!r}; use one of {TYPES}", name)
    base = _spellings(raw["all"], path, name, "all") if "all" in raw else None
    accepted = {}
    for lang in LANGUAGES:
        if lang in raw:
            accepted[lang] = _spellings(raw[lang], path, name, lang)
        elif base:
            accepted[lang] = base
    if not accepted:
        raise RuleDataError(path, f"no spelling: give 'all' or one of {LANGUAGES}", name)
    wrong_raw = raw.get("wrong") or {}
    if not isinstance(wrong_raw, dict):
        raise RuleDataError(path, "'wrong' must map an origin language to spellings", name)
    wrong = {}
    for origin, spellings in wrong_raw.items():
        if not isinstance(origin, str) or not _ORIGIN.match(origin):
            raise RuleDataError(path, f"'wrong': origin {origin!r} must be a language code like de or ru/en", name)
        # A spelling may be accepted in one language and still listed here (French
        # keeps 'Kharkov'): the origin then says where it comes from elsewhere.
        wrong[origin] = _spellings(spellings, path, name, f"wrong.{origin}")
    exceptions = []
    for pattern in raw.get("except") or []:
        try:
            exceptions.append(re.compile(pattern))
        except (re.error, TypeError) as exc:
            raise RuleDataError(path, f"bad 'except' pattern {pattern!r}: {exc}", name) from None
    minority = raw.get("minority") or []
    if not isinstance(minority, list) or any(m not in LANGUAGES for m in minority):
        raise RuleDataError(path, f"'minority' must list languages among {LANGUAGES}", name)
    return Entity(raw["id"], raw["type"], accepted, wrong, tuple(exceptions), frozenset(minority))


def parse(files: list[RuleFile]) -> Gazetteer:
    """The ``RuleBook.parsed`` parser of the gazetteer kind."""
    entities: list[Entity] = []
    seen: dict[str, str] = {}
    for rule_file in files:
        for i, raw in enumerate(rule_file.entries, 1):
            entity = parse_entity(raw, i, rule_file.path)
            if entity.id in seen:
                raise RuleDataError(rule_file.path, f"duplicate id (also in {seen[entity.id]})", entity.id)
            seen[entity.id] = str(rule_file.path)
            entities.append(entity)
    return Gazetteer(tuple(entities))
