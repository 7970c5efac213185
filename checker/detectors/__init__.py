"""Detectors: the registry of every rule mtcheck runs, in one explicit list.

To add a rule: write a Detector subclass with a stable id and a docstring in
the four sections (see base.py), then list it here. `mtcheck rules` and
docs/rules.md are generated from this list; tests/detectors/test_fixtures.py
checks every entry has documentation and a fixture.
"""
from __future__ import annotations

from checker.detectors.base import CheckContext, Detector, RuleDoc, rule_doc
from checker.detectors.agreement import QuantityAgreement
from checker.detectors.boilerplate import RepeatedLine
from checker.detectors.calque import Calque
from checker.detectors.casing import LowercaseProperNoun
from checker.detectors.clock_time import ClockForDuration
from checker.detectors.consistency import NameVariant, PronounGender
from checker.detectors.expected_language import UnexpectedLanguage
from checker.detectors.debris import (Debris, DoubledPunctuation, DoubledWord,
                                      FrenchPunctuationSpace, SpaceBeforePunctuation)
from checker.detectors.entity_typo import EntityTypo
from checker.detectors.fragment import NameFragment
from checker.detectors.lm import LanguageModelFluency
from checker.detectors.mixed_language import MixedLanguage
from checker.detectors.numbers import NumberFormat, UnitMismatch
from checker.detectors.source_spelling import SourceSpelling
from checker.detectors.spacing import SpacedHyphen
from checker.detectors.untranslated import Untranslated

# Order is the order findings of equal position are reported in.
REGISTRY: tuple[type[Detector], ...] = (
    MixedLanguage,
    UnexpectedLanguage,
    SpacedHyphen,
    Calque,
    SourceSpelling,
    Untranslated,
    RepeatedLine,
    LowercaseProperNoun,
    NameFragment,
    QuantityAgreement,
    EntityTypo,
    ClockForDuration,
    UnitMismatch,
    NumberFormat,
    NameVariant,
    PronounGender,
    Debris,
    DoubledWord,
    FrenchPunctuationSpace,
    SpaceBeforePunctuation,
    DoubledPunctuation,
    # Last: the model's findings are kept only where no rule explains the span.
    LanguageModelFluency,
)


def by_id() -> dict[str, type[Detector]]:
    return {d.id: d for d in REGISTRY}


def select(enabled: list[str] | None = None, disabled: list[str] | None = None) -> list[Detector]:
    """Instances of the registered detectors, filtered by rule id or id prefix.

    ``enabled`` keeps only rules whose id starts with one of its entries;
    ``disabled`` then removes rules the same way (flake8's select/ignore).
    """
    chosen = []
    for cls in REGISTRY:
        if enabled and not any(cls.id.startswith(p) for p in enabled):
            continue
        if disabled and any(cls.id.startswith(p) for p in disabled):
            continue
        chosen.append(cls())
    return chosen


__all__ = ["REGISTRY", "CheckContext", "Detector", "RuleDoc", "rule_doc", "by_id", "select"]
