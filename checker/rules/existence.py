"""The ``existence`` kind: text that should not be in an article at all.

Page debris that scrapers and CMS exports leave in the text: blog-comment
buttons, advertising slots, share prompts, cookie notices, empty markdown
images. One file may hold entries for several languages::

    kind: existence
    rule: BP-debris              # optional, the rule id of its findings
    entries:
      - id: blogger-comment-buttons
        languages: [fr]          # optional; absent means any language
        scope: line-start        # line | line-start | inline (default: line)
        patterns:
          - "(?:Répondre)?Supprimer(?=[\"“«A-ZÀ-Ý]|\\s*$)"
        message: "blog-comment buttons copied with the page"
        example: "RépondreSupprimer"
        clean: "Il faut supprimer cette taxe."     # optional; str or list
        case: insensitive        # optional: sensitive | insensitive (default)

Scopes: ``line`` means the pattern must cover the whole line, apart from
surrounding spaces (a lone "Reply" line is debris, the word "reply" in a
sentence is not); ``line-start`` anchors it at the start of a line only;
``inline`` finds it anywhere.

Every entry is checked on load: its fields, that each pattern compiles, and
that the entry fires on its ``example`` and stays silent on its ``clean``
lines. A problem raises :class:`checker.rules.RuleDataError` naming the file
and the entry. A file's text that passed is recorded
(:mod:`checker.rules.validated`): later runs read its entries back, and
compile a pattern only when a text needs it.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from checker.rules import RuleDataError, RuleFile
from checker.scanning import compiled, required_literals

KIND = "existence"
DEFAULT_RULE = "BP-debris"
SCOPES = ("line", "line-start", "inline")
REQUIRED = ("id", "patterns", "message", "example")
OPTIONAL = ("languages", "scope", "clean", "case", "note")
_LANG = re.compile(r"^[a-z]{2}$")
_SPACE = r"[ \t\r\u00a0\u202f\u2009]*"


@dataclass(frozen=True)
class ExistenceRule:
    """One entry: a pattern (its alternatives joined) and its message."""

    id: str
    rule: str
    languages: frozenset[str] | None
    scope: str
    regex: str  # the pattern's source, alternatives and scope, compiled with ``flags``
    message: str
    body: str  # the alternatives, joined, for detectors that combine entries
    ignore_case: bool
    source: str  # "<file>, entry <n>", for messages
    requires: tuple[tuple[str, ...], ...]  # literals every match of body contains

    @property
    def flags(self) -> int:
        return (re.I if self.ignore_case else 0) | re.M

    @property
    def pattern(self) -> re.Pattern:
        """The compiled ``regex``, on first need."""
        return compiled(self.regex, self.flags)

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        return self.pattern.finditer(text, start, len(text) if end is None else end)


def scoped(group: str, scope: str) -> str:
    """``group`` (a parenthesised pattern) where ``scope`` allows it: a whole line
    but for spaces, the start of a line, or anywhere. Line scopes carry no anchor
    at their start: the caller puts "^" or a newline there."""
    if scope == "line":
        return rf"{_SPACE}{group}{_SPACE}$"
    if scope == "line-start":
        return rf"{_SPACE}{group}"
    return group


def _source(alternatives: list[str], scope: str) -> str:
    body = "|".join(f"(?:{p})" for p in alternatives)
    source = scoped(f"(?P<hit>{body})", scope)
    return source if scope == "inline" else "^" + source


def parse_entry(path, index: int, entry: dict, rule: str) -> ExistenceRule:
    def fail(problem: str):
        raise RuleDataError(path, problem, entry.get("id") or index)

    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        fail(f"unknown field(s) {unknown}; allowed: {list(REQUIRED + OPTIONAL)}")
    missing = [k for k in REQUIRED if entry.get(k) in (None, "", [])]
    if missing:
        fail(f"missing field(s) {missing}")
    for key in ("id", "message", "example"):
        if not isinstance(entry[key], str):
            fail(f"'{key}' must be a string")
    patterns = entry["patterns"]
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        fail("'patterns' must be a non-empty string or a list of non-empty strings")
    languages = entry.get("languages")
    if languages is not None:
        if isinstance(languages, str):
            languages = [languages]
        if not isinstance(languages, list) or not all(
                isinstance(x, str) and _LANG.match(x) for x in languages):
            fail("'languages' must be a list of ISO 639-1 codes such as [en, fr]")
        languages = frozenset(languages)
    scope = entry.get("scope", "line")
    if scope not in SCOPES:
        fail(f"'scope' must be one of {list(SCOPES)}, not {scope!r}")
    case = entry.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
        fail(f"'case' must be 'sensitive' or 'insensitive', not {case!r}")
    for p in patterns:
        if "(?P<" in p or re.search(r"\\[1-9]", p) or "(?P=" in p:
            fail(f"pattern {p!r}: named groups and back-references are not allowed "
                 f"(entries are combined into one expression)")
        try:
            re.compile(p)
        except re.error as exc:
            fail(f"pattern {p!r} is not a valid regular expression: {exc}")
        if re.compile(p).match(""):
            fail(f"pattern {p!r} matches the empty string")
    body = "|".join(f"(?:{p})" for p in patterns)
    parsed = ExistenceRule(entry["id"], rule, languages, scope, _source(patterns, scope),
                           entry["message"], body, case == "insensitive",
                           f"{path}, entry {entry['id']}", required_literals(body))
    if not parsed.pattern.search(entry["example"]):
        fail(f"does not fire on its example {entry['example']!r}")
    clean = entry.get("clean") or []
    if isinstance(clean, str):
        clean = [clean]
    if not isinstance(clean, list) or not all(isinstance(c, str) for c in clean):
        fail("'clean' must be a string or a list of strings")
    for sentence in clean:
        if parsed.pattern.search(sentence):
            fail(f"fires on its clean example {sentence!r}")
    return parsed


def _validated_entries(rule_file: RuleFile) -> list[ExistenceRule]:
    rule = rule_file.header.get("rule", DEFAULT_RULE)
    if not isinstance(rule, str) or not rule:
        raise RuleDataError(rule_file.path, "'rule' must be a rule id such as BP-debris")
    return [parse_entry(rule_file.path, index, entry, rule)
            for index, entry in enumerate(rule_file.entries, 1)]


def _entry_record(rule: ExistenceRule) -> dict:
    """A validated entry as JSON data."""
    languages = None if rule.languages is None else sorted(rule.languages)
    return {**dataclasses.asdict(rule), "languages": languages}


def _entry_from_record(record: dict) -> ExistenceRule:
    languages = record["languages"]
    return ExistenceRule(**{**record, "requires": tuple(map(tuple, record["requires"])),
                            "languages": None if languages is None else frozenset(languages)})


def parse(files: list[RuleFile]) -> tuple[ExistenceRule, ...]:
    """All ``existence`` entries of the rule book, validated."""
    from checker.rules import validated

    rules: list[ExistenceRule] = []
    seen: dict[str, str] = {}
    for rule_file in files:
        for parsed in validated.entries_of(rule_file, KIND, _validated_entries, _entry_record,
                                           _entry_from_record):
            if parsed.id in seen:
                raise RuleDataError(rule_file.path, f"duplicate id (first in {seen[parsed.id]})",
                                    parsed.id)
            seen[parsed.id] = str(rule_file.path)
            rules.append(parsed)
    return tuple(rules)
