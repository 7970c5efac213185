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
and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.rules import RuleDataError, RuleFile

KIND = "existence"
DEFAULT_RULE = "BP-debris"
SCOPES = ("line", "line-start", "inline")
REQUIRED = ("id", "patterns", "message", "example")
OPTIONAL = ("languages", "scope", "clean", "case", "note")
_LANG = re.compile(r"^[a-z]{2}$")
_SPACE = r"[ \t\r\u00a0\u202f\u2009]*"


@dataclass(frozen=True)
class ExistenceRule:
    """One entry: a compiled pattern (its alternatives joined) and its message."""

    id: str
    rule: str
    languages: frozenset[str] | None
    scope: str
    pattern: re.Pattern
    message: str
    body: str  # the alternatives, joined, for detectors that combine entries
    ignore_case: bool
    source: str  # "<file>, entry <n>", for messages

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


def _compile(alternatives: list[str], scope: str, flags: int) -> re.Pattern:
    body = "|".join(f"(?:{p})" for p in alternatives)
    source = scoped(f"(?P<hit>{body})", scope)
    return re.compile(source if scope == "inline" else "^" + source, flags | re.M)


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
    flags = re.I if case == "insensitive" else 0
    compiled = _compile(patterns, scope, flags)
    if not compiled.search(entry["example"]):
        fail(f"does not fire on its example {entry['example']!r}")
    clean = entry.get("clean") or []
    if isinstance(clean, str):
        clean = [clean]
    if not isinstance(clean, list) or not all(isinstance(c, str) for c in clean):
        fail("'clean' must be a string or a list of strings")
    for sentence in clean:
        if compiled.search(sentence):
            fail(f"fires on its clean example {sentence!r}")
    return ExistenceRule(entry["id"], rule, languages, scope, compiled, entry["message"],
                         "|".join(f"(?:{p})" for p in patterns), case == "insensitive",
                         f"{path}, entry {entry['id']}")


def parse(files: list[RuleFile]) -> tuple[ExistenceRule, ...]:
    """All ``existence`` entries of the rule book, validated and compiled."""
    rules: list[ExistenceRule] = []
    seen: dict[str, str] = {}
    for rule_file in files:
        rule = rule_file.header.get("rule", DEFAULT_RULE)
        if not isinstance(rule, str) or not rule:
            raise RuleDataError(rule_file.path, "'rule' must be a rule id such as BP-debris")
        for index, entry in enumerate(rule_file.entries, 1):
            parsed = parse_entry(rule_file.path, index, entry, rule)
            if parsed.id in seen:
                raise RuleDataError(rule_file.path, f"duplicate id (first in {seen[parsed.id]})",
                                    parsed.id)
            seen[parsed.id] = str(rule_file.path)
            rules.append(parsed)
    return tuple(rules)
