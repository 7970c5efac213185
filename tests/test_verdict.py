"""The per-document machine-translation verdict, calibrated on the seeds and on
clean news written in French and English (tests/data/clean)."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.core import Document, Finding, Severity
from checker.verdict import evidence, machine_translation_verdict, note_source, source_of

CLEAN = Path(__file__).parent / "data" / "clean"


def _by_name(report):
    return {Path(r.document.path).name: r for r in report.documents}


def test_seeds_verdicts_follow_the_gold(seeds_report, seeds_gold):
    results = _by_name(seeds_report)
    expected = seeds_gold["machine_translated"]
    for name, result in results.items():
        verdict = result.machine_translation
        if name in expected:
            assert verdict.likely, (name, verdict)
            assert verdict.source_language == expected[name]["from"], (name, verdict)
        else:
            assert not verdict.likely, (name, verdict)


@pytest.fixture(scope="module")
def clean_report():
    from checker.pipeline import RunOptions, run

    return run([str(CLEAN)], RunOptions(use_lm=False))


def test_clean_news_is_not_likely_machine_translated(clean_report):
    docs = clean_report.documents
    assert len([d for d in docs if d.document.language == "en"]) >= 4
    assert len([d for d in docs if d.document.language == "fr"]) >= 4
    for result in docs:
        assert len(result.document.text.split()) >= 300
        assert not result.machine_translation.likely, (result.document.path, result.machine_translation)


def test_clean_news_gets_no_finding_from_the_mt_rules(clean_report):
    for result in clean_report.documents:
        mine = [(f.rule, f.text) for f in result.findings if f.rule.startswith("MT-")]
        assert mine == [], result.document.path


def _finding(category="calque", severity=Severity.ERROR, start=0, rule="MT-calque"):
    return Finding(rule=rule, category=category, severity=severity, start=start, end=start + 4,
                   text="xxxx", message="m", confidence=1.0)


def test_evidence_counts_only_findings_that_name_a_language_or_mt_debris():
    named = _finding(start=0)
    note_source(named, "fr")
    unnamed = _finding(start=10)  # a calque finding nobody attributed
    spacing = _finding(category="spacing", severity=Severity.WARNING, start=20, rule="TY-x")
    typo = _finding(category="typo", start=30, rule="CS-x")
    total, votes = evidence([named, unnamed, spacing, typo])
    assert source_of(named) == "fr" and source_of(unnamed) is None
    assert votes == {"fr": 1.0}
    assert total == pytest.approx(1.0 + 0.35 * 0.7)


def test_the_verdict_needs_a_source_language_and_enough_evidence():
    doc = Document(path="a.txt", text="word " * 200, language="en")
    one = _finding(start=0)
    note_source(one, "fr")
    assert not machine_translation_verdict(doc, [one]).likely
    more = [_finding(start=i * 10) for i in range(3)]
    for f in more:
        note_source(f, "de")
    verdict = machine_translation_verdict(doc, more)
    assert verdict.likely and verdict.source_language == "de" and 0.5 <= verdict.score <= 1
    # Spacing debris alone says nothing about the source language.
    debris = [_finding(category="spacing", start=i * 10, rule="TY-x") for i in range(10)]
    assert not machine_translation_verdict(doc, debris).likely


def test_votes_for_the_documents_own_language_do_not_count():
    doc = Document(path="a.txt", text="mot " * 100, language="fr")
    fs = [_finding(start=i * 10) for i in range(4)]
    for f in fs:
        note_source(f, "fr")
    assert machine_translation_verdict(doc, fs).source_language is None


def test_independent_clean_calibration_texts_are_not_likely_machine_translated():
    """bench/data/clean holds clean news another engineer wrote for the LM."""
    from checker.pipeline import RunOptions, run

    folder = Path(__file__).resolve().parent.parent / "bench" / "data" / "clean"
    if not folder.is_dir():
        pytest.skip("no bench/data/clean")
    report = run([str(folder)], RunOptions(use_lm=False, enable=("MT-",)))
    assert report.documents
    for result in report.documents:
        assert not result.machine_translation.likely, result.document.path
        assert [f.text for f in result.findings] == [], result.document.path
