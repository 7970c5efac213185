"""Subject and verb that disagree in number after a quantity (English)."""
from __future__ import annotations

import re
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector

# A plural quantifier, at most one adjective, a plural noun, then a singular verb.
_DISAGREEMENT = re.compile(
    r"\b(?P<subject>(?:a lot of|lots of|a number of|many|several|a few|few|both|"
    r"hundreds of|thousands of|dozens of|millions of)"
    r"(?: [a-z]+)? (?P<noun>[a-z]+s))"
    r" (?P<verb>is|was|has)\b", re.I)
# Nouns ending in -s that are singular or uncountable.
_SINGULAR_S = {"news", "series", "species", "means", "physics", "politics", "economics",
               "mathematics", "headquarters", "crossroads", "gas", "bus", "virus", "status",
               "process", "crisis", "basis", "analysis", "thesis", "this", "chaos", "its",
               "his", "us", "alias", "campus", "census", "consensus", "focus", "bonus"}
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_PLURAL_VERB = {"is": "are", "was": "were", "has": "have"}


class QuantityAgreement(Detector):
    """A plural subject after a quantity word followed by a singular verb.

    ## What it flags
    In English text: "a lot of", "many", "several", "thousands of"… with a
    plural noun, then "is", "was" or "has": "a lot of ruins is needed",
    "many drones was launched".

    ## Why it matters
    French and German agree the verb with the quantity ("beaucoup de ruines
    est…" is wrong too, but "il faut beaucoup de ruines" has no plural verb
    at all); translation engines that rebuild the clause keep a singular verb
    that no English writer would. It reads as broken English.

    ## Example
    When Russia takes a village, a lot of ruins is needed.

    ## Fix
    Make the verb plural: "a lot of ruins are needed", or rewrite the clause.
    """

    id = "GA-quantity-agreement"
    category = "garbled"
    severity = Severity.WARNING
    languages = frozenset({"en"})

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        for match in _DISAGREEMENT.finditer(doc.text):
            noun = match.group("noun").lower()
            if noun in _SINGULAR_S or noun.endswith(("ss", "us", "is")):
                continue
            if _OF_BEFORE.search(doc.text, max(0, match.start() - 12), match.start()):
                continue  # "one of several cities is", "the news of many losses was": another head
            verb = match.group("verb")
            plural = _PLURAL_VERB[verb.lower()]
            if verb[0].isupper():
                plural = plural.capitalize()
            yield self.finding(
                doc, match.start(), match.end(),
                f"'{match.group('noun')}' is plural, so the verb should be '{plural}', not '{verb}'",
                suggestion=f"{match.group('subject')} {plural}", confidence=0.85)
