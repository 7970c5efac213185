"""Applying suggestions and the word-level diff of the corrected article."""
from __future__ import annotations

import random

from checker.core import Finding, Severity
from checker.report.diff import (DELETE, EQUAL, INSERT, Fix, apply_fixes, corrected_text,
                                 diff_ops, diff_rows, new_text, old_text, select_fixes)


def f(text: str, sub: str, suggestion, severity=Severity.WARNING, confidence=1.0,
      occurrence=0, rule="TY-test") -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return Finding(rule=rule, category="typo", severity=severity, start=start,
                   end=start + len(sub), text=sub, message="m", suggestion=suggestion,
                   confidence=confidence)


TEXT = "Talks in mid -May failed to obtain a fire in kyiv.\nLa suite après cette publicité\nEnd."


def test_suggestions_replace_delete_and_none():
    findings = [f(TEXT, "mid -May", "mid-May"), f(TEXT, "kyiv", "Kyiv"),
                f(TEXT, "La suite après cette publicité", ""),
                f(TEXT, "failed", None)]
    assert corrected_text(TEXT, findings) == \
        "Talks in mid-May failed to obtain a fire in Kyiv.\n\nEnd."


def test_overlapping_suggestions_highest_severity_wins():
    findings = [f(TEXT, "a fire", "a blaze", Severity.WARNING),
                f(TEXT, "to obtain a fire", "to obtain a ceasefire", Severity.ERROR),
                f(TEXT, "fire in", "fire at", Severity.INFO)]
    fixes = select_fixes(findings)
    assert [fix.finding for fix in fixes] == [1]
    assert "to obtain a ceasefire in kyiv" in corrected_text(TEXT, findings)


def test_equal_severity_prefers_confidence_then_position():
    findings = [f(TEXT, "a fire", "a blaze", confidence=0.5),
                f(TEXT, "obtain a", "get a", confidence=0.9)]
    assert [fix.finding for fix in select_fixes(findings)] == [1]


def test_suggestion_equal_to_text_is_not_a_fix():
    assert select_fixes([f(TEXT, "kyiv", "kyiv")]) == []


def test_insertion_at_a_point():
    text = "Hello,world"
    finding = Finding("TY-x", "spacing", Severity.INFO, 6, 6, "", "missing space", " ")
    assert corrected_text(text, [finding]) == "Hello, world"


def test_diff_is_word_level_and_reconstructs_both_texts():
    findings = [f(TEXT, "to obtain a fire", "to obtain a ceasefire", Severity.ERROR),
                f(TEXT, "kyiv", "Kyiv"), f(TEXT, "La suite après cette publicité", "")]
    fixes = select_fixes(findings)
    ops = diff_ops(TEXT, fixes)
    assert old_text(ops) == TEXT
    assert new_text(ops) == apply_fixes(TEXT, fixes)
    assert (DELETE, "fire") in [(op.kind, op.text) for op in ops]
    assert (INSERT, "ceasefire") in [(op.kind, op.text) for op in ops]
    # unchanged words are not part of the change
    assert all("obtain" not in op.text for op in ops if op.kind != EQUAL)


def test_fix_inside_a_word_shows_the_whole_word():
    text = "the kyivan region"
    finding = Finding("X", "typo", Severity.INFO, 4, 8, "kyiv", "m", "Kyiv")
    ops = diff_ops(text, select_fixes([finding]))
    assert [(op.kind, op.text) for op in ops if op.kind != EQUAL] == [
        (DELETE, "kyivan"), (INSERT, "Kyivan")]


def test_rows_break_on_shared_line_breaks():
    findings = [f(TEXT, "kyiv", "Kyiv"), f(TEXT, "La suite après cette publicité", "")]
    rows = diff_rows(diff_ops(TEXT, select_fixes(findings)))
    assert [r.line for r in rows] == [1, 2, 3]
    assert [r.changed for r in rows] == [True, True, False]


def test_random_fixes_always_reconstruct():
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "\n", "x", "yy"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(30))
        findings = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randrange(0, len(text))
            e = min(len(text), s + rng.randint(0, 12))
            sugg = rng.choice([None, "", "Z", "new words", "\n"])
            findings.append(Finding("R", "typo", rng.choice(list(Severity)), s, e, text[s:e],
                                    "m", sugg, rng.random()))
        fixes = select_fixes(findings)
        spans = sorted((x.start, x.end) for x in fixes)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            assert b1 <= a2 and (a1, b1) != (a2, b2)
        ops = diff_ops(text, fixes)
        assert old_text(ops) == text
        assert new_text(ops) == apply_fixes(text, fixes)
        rows = diff_rows(ops)
        assert "\n".join("".join(o.text for o in r.ops if o.kind != INSERT)
                         for r in rows) == text


def test_a_change_diffed_again_is_marked_with_its_own_finding():
    # the word diff of a region is kept and reused: the ops still name the finding at hand
    text = "Talks in mid -May."
    first = diff_ops(text, [Fix(9, 13, "mid-", 0)])
    again = diff_ops(text, [Fix(9, 13, "mid-", 5)])
    assert [(op.kind, op.text) for op in again] == [(op.kind, op.text) for op in first]
    assert {op.finding for op in again if op.kind != EQUAL} == {5}
    assert {op.finding for op in again if op.kind == EQUAL} == {None}
