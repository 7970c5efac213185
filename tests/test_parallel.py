"""Worker processes change how fast a run is, never what it reports.

The per-document stages run in forked workers (``--jobs``), the cross stage
gets the workers' claim records (or the cache's), and the HTML document pages
are rendered by workers too: each path is compared here with the serial one.
"""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

from checker import parallel, pipeline
from checker.cli import main
from checker.pipeline import RunOptions, run
from checker.report import html, json_report

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs the fork start method")


@pytest.fixture(scope="module")
def archive(tmp_path_factory, seeds_dir):
    """20 dated articles (the seeds four times over, one with another figure for
    the same night), an undecodable file and an empty one."""
    root = tmp_path_factory.mktemp("archive")
    for k, day in enumerate(("2025-07-09", "2025-07-10", "2025-07-11", "2025-09-01")):
        folder = root / f"batch{k}"
        folder.mkdir()
        for path in sorted(seeds_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if k == 1 and path.name.startswith("000"):
                text = text.replace("728 drones", "741 drones")
            (folder / f"{path.stem}.md").write_text(f"---\ndate: {day}\n---\n\n{text}",
                                                    encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00\x81")
    (root / "empty.txt").write_bytes(b"")
    return root


def _report(archive, **options):
    return json.loads(json_report.render(run([str(archive)], RunOptions(use_lm=False, **options))))


def test_workers_give_the_serial_report(archive):
    serial = _report(archive, jobs=1)
    forked = _report(archive, jobs=2)
    assert forked == serial
    assert len(serial["documents"]) == 21  # the empty file is checked; the broken one is an error
    assert [e["path"] for e in serial["errors"]] == [str(archive / "broken.txt")]
    kinds = {c["kind"] for c in serial["cross_document"]}
    assert {"consistent", "contradiction"} <= kinds
    assert any("741" in json.dumps(c) and "728" in json.dumps(c)
               for c in serial["cross_document"] if c["kind"] == "contradiction")


def test_small_batches_stay_in_process(archive, monkeypatch):
    def no_fork(jobs):
        raise AssertionError("forked for a batch below the threshold")

    monkeypatch.setattr(parallel, "fork_pool", no_fork)
    report = run([str(archive / "batch0")], RunOptions(use_lm=False, jobs=2))
    assert len(report.documents) == 5


def test_cached_claim_records_give_the_same_cross_checks(archive, tmp_path, monkeypatch):
    """The second run reads each document's claim records from the cache."""
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    first = _report(archive, jobs=2, cache=True)
    calls = []
    monkeypatch.setattr(pipeline, "_check", lambda *a, **k: calls.append(a) or 1 / 0)
    second = _report(archive, jobs=1, cache=True)
    assert calls == []  # nothing was checked again
    assert second == first
    assert second["cross_document"]


def test_html_pages_rendered_by_workers_are_the_serial_pages(archive, tmp_path, monkeypatch):
    report = run([str(archive)], RunOptions(use_lm=False))
    monkeypatch.setattr(html, "_PARALLEL_PAGES", 2)
    html.write_pages(report, tmp_path / "serial", jobs=1)
    html.write_pages(report, tmp_path / "forked", jobs=2)
    serial = {p.relative_to(tmp_path / "serial"): p.read_bytes()
              for p in (tmp_path / "serial").rglob("*") if p.is_file()}
    forked = {p.relative_to(tmp_path / "forked"): p.read_bytes()
              for p in (tmp_path / "forked").rglob("*") if p.is_file()}
    assert len(serial) == 21 + 3  # a page per document, claims, rules, index
    assert forked == serial


def test_cli_jobs_option(archive, tmp_path, capsys):
    assert main([str(archive), "--no-lm", "-q", "--no-cache", "--jobs", "2", "--fail-on", "never",
                 "--out", str(tmp_path / "a")]) == 0
    assert main([str(archive), "--no-lm", "-q", "--no-cache", "-j", "1", "--fail-on", "never",
                 "--out", str(tmp_path / "b")]) == 0
    a = (tmp_path / "a" / "report.json").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / "report.json").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "broken.txt: not checked" in err
    assert main([str(archive), "--jobs", "0"]) == 2
    assert "--jobs/-j: expected a number of processes, 1 or more" in capsys.readouterr().err


def test_claims_page_lists_articles_instead_of_a_column_each(archive):
    pages = html.render_pages(run([str(archive)], RunOptions(use_lm=False)))
    claims = pages["claims.html"]
    assert claims.count('class="doc-col"') == 0  # 20 articles: no column per article
    assert 'class="values listing"' in claims
    small = html.render_pages(run([str(archive / "batch0")], RunOptions(use_lm=False)))
    assert small["claims.html"].count('class="doc-col"') == 5  # a column per seed



class _Poison:
    """A detector that kills the process checking one document, as the kernel's
    out-of-memory killer would."""

    id = "ZZ-poison"
    detector = "test"

    def applies_to(self, doc):
        return True

    def check(self, doc, ctx):
        if doc.path.endswith("003_e36f723be6a35480.md") and "batch2" in doc.path:
            os.kill(os.getpid(), signal.SIGKILL)
        return []


def test_a_worker_killed_mid_run_stops_the_run_with_a_message(archive, monkeypatch, capsys):
    monkeypatch.setattr(pipeline, "select", lambda *a, **k: [_Poison()])
    with pytest.raises(pipeline.PipelineError, match="worker process stopped without an answer"):
        run([str(archive)], RunOptions(use_lm=False, jobs=2))
    # the command line says so and exits 2, without a traceback
    assert main([str(archive), "--no-lm", "-q", "--no-cache", "-j", "2"]) == 2
    err = capsys.readouterr().err
    assert "worker process stopped without an answer" in err and "Traceback" not in err


def test_progress_is_reported_while_reading_and_while_checking(archive, tmp_path, monkeypatch):
    """The workers read and check the files: the bar moves with their answers.
    With the cache on, the files are first read here to know whether the rule
    data is needed; a run the cache answers wholly reads them all, and the bar
    moves then too."""
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))

    def progress_of(**options):
        calls = []
        run([str(archive)], RunOptions(use_lm=False, jobs=2, **options),
            progress=lambda i, total, label: calls.append((i, total, label)))
        reading = [i for i, _, label in calls if label.startswith("reading ")]
        checking = [i for i, _, label in calls if not label.startswith("reading ")]
        assert {total for _, total, _ in calls} == {22}  # 21 documents and broken.txt
        return reading, checking

    assert progress_of() == ([], list(range(1, 23)))
    # broken.txt is no text (an error to report); empty.txt is the first to check
    assert progress_of(cache=True) == ([1, 2], list(range(1, 23)))
    assert progress_of(cache=True) == (list(range(1, 23)), list(range(1, 23)))


def _terminated_mid_task(item):
    os.kill(os.getpid(), signal.SIGTERM)  # as the pool stops the others when one dies
    time.sleep(5)
    return item


def _task_in_a_worker(conn):
    parallel._start_worker()  # the workers' SIGTERM handler
    answer = parallel._task(_terminated_mid_task, "answer")
    conn.send(answer)  # the pool would send this back, then wait for a next task


def test_a_worker_stopped_in_the_middle_of_a_document_ends_instead_of_answering():
    """The pool stops the other workers with SIGTERM when one dies. A worker in
    the middle of a document must end: answering with the interruption made it
    wait, writing to a pipe no one reads any more, and the run hung (seen once
    in twenty runs of the test above)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_task_in_a_worker, args=(writer,))
    worker.start()
    writer.close()
    worker.join(30)
    assert worker.exitcode == 128 + signal.SIGTERM
    with pytest.raises(EOFError):  # it sent nothing back
        reader.recv()
