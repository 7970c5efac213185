"""An archive's report is written without holding it in memory.

The run keeps each document's full result on disk (``checker.results``) and
only summaries and claims in memory; the reporters read the results back one
at a time and write the large files as they render them. None of this may
change a byte of what they write.
"""
from __future__ import annotations

import gc
import json
from dataclasses import replace

import pytest

from checker.core import DocumentSummary, Finding
from checker.pipeline import RunOptions, run
from checker.report import json_report, spool_json, write_reports
from checker.report.files import write_atomic
from checker.report.html import render_pages
from checker.results import Results, digest


@pytest.fixture(scope="module")
def archive(tmp_path_factory, seeds_dir):
    """The seeds three times over, dated, one with another figure: claims that
    agree and contradict across documents."""
    root = tmp_path_factory.mktemp("archive")
    for k, day in enumerate(("2025-07-09", "2025-07-10", "2025-07-11")):
        for path in sorted(seeds_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if k == 1:
                text = text.replace("728 drones", "741 drones")
            (root / f"{k}_{path.stem}.md").write_text(f"---\ndate: {day}\n---\n\n{text}",
                                                     encoding="utf-8")
    return root


def test_results_read_back_what_was_appended(seeds_report):
    results = Results()
    for result in seeds_report.documents:
        results.append(result)
    assert len(results) == len(seeds_report.documents)
    assert list(results) == list(seeds_report.documents)
    assert results[-1] == seeds_report.documents[-1]
    assert results[1:3] == list(seeds_report.documents[1:3])
    assert results.summaries == [DocumentSummary.of(r) for r in seeds_report.documents]
    for i, result in enumerate(seeds_report.documents):  # what was kept beside each result
        assert results.document_json(i) == json_report.document_json(result)
        assert results.digest(i) == digest(result)


def test_the_run_holds_no_finding_once_it_returns(archive):
    def findings_alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o) is Finding)

    before = findings_alive()
    report = run([str(archive)], RunOptions(use_lm=False, jobs=1))
    assert isinstance(report.documents, Results)
    assert sum(report.counts().values()) > 50
    assert findings_alive() == before  # every one is on disk, read back when rendered


def test_a_report_on_disk_renders_as_the_same_report_in_memory(archive, tmp_path):
    report = run([str(archive)], RunOptions(use_lm=False))
    assert any(c.kind == "contradiction" for c in report.cross_document)
    held = replace(report, documents=tuple(report.documents))
    assert json_report.render(report) == json_report.render(held)
    assert render_pages(report) == render_pages(held)

    write_reports(report, tmp_path / "a", json_file=spool_json(report))
    write_reports(held, tmp_path / "b")
    files = {p.relative_to(tmp_path / "a"): p.read_bytes()
             for p in (tmp_path / "a").rglob("*") if p.is_file()}
    assert files == {p.relative_to(tmp_path / "b"): p.read_bytes()
                     for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert json.loads(files[next(p for p in files if p.name == "report.json")])


def test_a_file_written_in_pieces_is_all_or_nothing(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("previous\n")

    def pieces():
        yield "{\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomic(target, pieces())
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    write_atomic(target, iter(["{", "}\n"]))
    assert target.read_text() == "{}\n"


def test_the_cross_stage_needs_no_text_segments_or_sentences(archive):
    """The run keeps documents for the cross stage without their text, segments
    and sentences (they wait on disk), with the names each text spells found
    when it was checked: the verdicts must be those found from the full documents."""
    from checker import pipeline

    full = list(run([str(archive)], RunOptions(use_lm=False)).documents)
    records = [pipeline._claims(r.document)[0] for r in full]
    names = [pipeline._names(r.document) for r in full]
    kept = [pipeline._for_cross_stage(r) for r in full]
    assert not any(r.document.sentences or r.document.text for r in kept)
    verdicts = pipeline._cross_document(full, records)
    assert any(v.kind == "entity-variant" for v in verdicts)
    assert pipeline._cross_document(kept, records, names) == verdicts


def test_the_objects_frozen_while_a_report_is_written_are_handed_back(seeds_report, tmp_path):
    write_reports(seeds_report, tmp_path / "a", json_file=spool_json(seeds_report))
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own freeze is left as it is
    try:
        write_reports(seeds_report, tmp_path / "b")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()


def _changed(name: str, value):
    """Another value for the field ``name`` than ``value``, valid for the record."""
    from checker.core import CATEGORIES, Severity

    if name == "category":
        return CATEGORIES[(CATEGORIES.index(value) + 1) % len(CATEGORIES)]
    if isinstance(value, Severity):
        return Severity.ERROR if value is not Severity.ERROR else Severity.INFO
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, tuple):
        return value + ("x",)
    return "x" if value is None else value + "x"


def _variants(record):
    """``record`` with one value changed, for each value it holds, at any depth."""
    from dataclasses import fields, is_dataclass

    for f in fields(record):
        value = getattr(record, f.name)
        if is_dataclass(value):
            yield from (replace(record, **{f.name: v}) for v in _variants(value))
        elif isinstance(value, tuple) and value and is_dataclass(value[0]):
            yield from (replace(record, **{f.name: (v, *value[1:])}) for v in _variants(value[0]))
            yield replace(record, **{f.name: value[1:]})
        else:
            yield replace(record, **{f.name: _changed(f.name, value)})


def test_a_results_digest_changes_with_every_value_it_holds():
    """The digest (what a document page's key knows of its result) is taken from
    the result's entry of report.json and what that entry leaves out: a field
    covered by neither would let a page stay as it was when it should change."""
    from checker.core import (Claim, Document, DocumentResult, MachineTranslationVerdict,
                              Segment, Severity, Span)
    text = "Russia launched 728 drones in mid -May.\nSecond line.\n"
    doc = Document("a.txt", text, format="markdown", language="en", language_confidence=0.9,
                   segments=(Segment(0, 39, "en", 0.9),), sentences=(Span(0, 39),),
                   date="2025-07-09")
    finding = Finding("TY-spaced-hyphen", "spacing", Severity.WARNING, 30, 38, "mid -May",
                      "stray space", suggestion=None, confidence=0.9)
    claim = Claim("a.txt#c1", 16, 26, "728 drones", 728, "drone", "drones launched",
                  when="2025-05", entities=("Russia",))
    result = DocumentResult(doc, (finding,), (claim,), MachineTranslationVerdict(True, 0.8, None))
    variants = list(_variants(result))
    assert len(variants) > 30
    seen = {digest(result)}
    for variant in variants:
        assert digest(variant) not in seen, variant
        seen.add(digest(variant))
