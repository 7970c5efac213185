"""The ``names`` kind: first names and the grammatical gender they mark.

Used to check that a pronoun agrees with the person it refers to ("explains
Carole Grimaud ... he says"). Only names that clearly mark one gender belong
here; names given to both (Camille, Dominique, Claude, Andrea, Sasha) are left
out, so that the rule stays silent about them::

    kind: names
    entries:
      - gender: female           # female | male
        origin: fr               # optional, informative: where the names are common
        names: [Carole, Anne, Marie]
      - gender: male
        names: [Jérôme, Vladimir]

A name listed under both genders (in one file or across files) is refused
with a :class:`checker.rules.RuleDataError` naming the file, the entry and the
name, as is a name that is not one capitalised word (hyphenated names such as
"Jean-Pierre" are accepted).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.rules import RuleDataError, RuleFile

KIND = "names"
GENDERS = ("female", "male")
REQUIRED = ("gender", "names")
OPTIONAL = ("origin", "note")
_NAME = re.compile(r"^[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)*$")


@dataclass(frozen=True)
class FirstNames:
    """Name → gender ("female" | "male")."""

    genders: dict[str, str]

    def gender(self, name: str) -> str | None:
        return self.genders.get(name)

    def __len__(self) -> int:
        return len(self.genders)


def parse(files: list[RuleFile]) -> FirstNames:
    genders: dict[str, str] = {}
    where: dict[str, str] = {}
    for rule_file in files:
        for index, entry in enumerate(rule_file.entries, 1):
            def fail(problem: str, entry_index=index):
                raise RuleDataError(rule_file.path, problem, entry_index)

            unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
            if unknown:
                fail(f"unknown field(s) {unknown}; allowed: {list(REQUIRED + OPTIONAL)}")
            gender = entry.get("gender")
            if gender not in GENDERS:
                fail(f"'gender' must be one of {list(GENDERS)}, not {gender!r}")
            names = entry.get("names")
            if not isinstance(names, list) or not names:
                fail("'names' must be a non-empty list of first names")
            for name in names:
                if not isinstance(name, str) or not _NAME.match(name) or not name[0].isupper():
                    fail(f"{name!r} is not a capitalised first name")
                previous = genders.get(name)
                if previous and previous != gender:
                    fail(f"{name!r} is listed as {gender} here and as {previous} in "
                         f"{where[name]}: leave ambiguous names out")
                genders[name] = gender
                where[name] = f"{rule_file.path.name}, entry {index}"
    return FirstNames(genders)
