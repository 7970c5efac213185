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
from checker.results import Results


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
