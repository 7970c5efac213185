"""Every rule against its fixture file: exact spans, exact suggestions.

Each registered rule has ``fixtures/<RULE-ID>.yaml``::

    rule: TY-spaced-hyphen
    cases:
      - lang: en                      # forced, so the case tests the rule, not lingua
        text: "Talks in mid -May."
        expect:                       # every finding of this rule, in order
          - {text: "mid -May", start: 9, suggestion: "mid-May"}
      - lang: en
        text: "A pause - a long one."
        expect: []                    # the rule must stay silent

A case may add ``options:`` (run options merged into the context's, e.g.
``{languages: {"fr/": "fr"}}``), ``path:`` (the document's path, default
``fixture.txt``) and ``format:`` (text, markdown or html as the loader names
it, default text).

``start`` and ``suggestion`` may be omitted in an expectation; ``text`` may
not. ``severity`` may be given to pin it. A rule's fixture must contain at
least one case where it fires and one where it stays silent.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.core import Document
from checker.detectors import REGISTRY, CheckContext
from checker.pipeline import check_document
from checker.rules import RuleBook

FIXTURES = Path(__file__).parent / "fixtures"


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{i}")


@pytest.fixture(scope="module")
def context():
    return CheckContext(rulebook=RuleBook.load(), options={"no_lm": True})


def run_rule(rule_id: str, text: str, lang: str | None, context, options: dict | None = None,
             path: str = "fixture.txt", fmt: str = "text") -> list:
    detector = next(cls() for cls in REGISTRY if cls.id == rule_id)
    if options:  # a case's own run options (e.g. languages per folder), over the shared ones
        context = CheckContext(rulebook=context.rulebook, options={**context.options, **options})
    if hasattr(detector, "prepare"):
        detector.prepare(context)
    doc = Document(path=path, text=text, format=fmt)
    result = check_document(doc, [detector], context, [], language=lang)
    return [f for f in result.findings if f.rule == rule_id]


@pytest.mark.parametrize("rule_id, case", list(_cases()))
def test_fixture(rule_id, case, context):
    findings = run_rule(rule_id, case["text"], case.get("lang"), context,
                        case.get("options"), case.get("path", "fixture.txt"),
                        case.get("format", "text"))
    got = [{"text": f.text, "start": f.start, "suggestion": f.suggestion,
            "severity": f.severity.value} for f in findings]
    expected = case.get("expect") or []
    assert len(got) == len(expected), f"{rule_id}: expected {expected}, got {got}"
    for want, have in zip(expected, got):
        for key, value in want.items():
            assert have[key] == value, f"{rule_id} {key}: expected {want}, got {have}"
        assert case["text"][have["start"]:have["start"] + len(have["text"])] == have["text"]


def test_every_rule_has_a_fixture_that_fires_and_one_that_stays_silent():
    missing = []
    for cls in REGISTRY:
        if cls.detector == "lm":
            continue  # the LM detector is tested with a model in tests/detectors/test_lm.py
        path = FIXTURES / f"{cls.id}.yaml"
        if not path.exists():
            missing.append(f"{cls.id}: no fixture file")
            continue
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        if not any(c.get("expect") for c in cases) or not any(not c.get("expect") for c in cases):
            missing.append(f"{cls.id}: needs a firing case and a silent case")
    assert not missing, missing
