"""Hostile inputs: each gives a clear message, the other files are still checked,
nothing is modified, and exit code 2 is kept for errors of the run itself."""
from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from tests.robustness.conftest import CLEAN

# The full sizes (20 MB, 20,000 files) take minutes on two cores; CI runs a tenth of
# each, MTCHECK_SLOW_TESTS=1 the real thing. bench/bench_scale.py measures throughput.
SLOW = os.environ.get("MTCHECK_SLOW_TESTS") == "1"


def _paths(report) -> list[str]:
    return [Path(d["path"]).name for d in report["documents"]]


def _errors(report) -> dict[str, str]:
    return {Path(e["path"]).name: e["message"] for e in report["errors"]}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_undecodable_bytes(folder, check):
    (folder / "latin1.txt").write_bytes("Le café est fermé.".encode("latin-1"))
    code, report, err = check([folder])
    assert code == 1  # a file that could not be checked fails the gate, not the run
    assert _paths(report) == ["ok.txt"]
    assert "not valid UTF-8" in _errors(report)["latin1.txt"]
    assert "latin1.txt: not checked: not valid UTF-8: byte 0xe9" in err


def test_utf16_with_bom_is_read(folder, check):
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + CLEAN.encode("utf-16-le"))
    code, report, _ = check([folder])
    assert code == 0 and sorted(_paths(report)) == ["ok.txt", "utf16.txt"]
    doc = next(d for d in report["documents"] if d["path"].endswith("utf16.txt"))
    assert doc["language"] == "en"


def test_binary_file_with_a_text_extension(folder, check):
    (folder / "image.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "zip.md").write_bytes(b"PK\x03\x04" + os.urandom(2000).replace(b"\x00", b"\x01")
                                    + b"\x00" * 10)
    code, report, err = check([folder])
    assert code == 1 and _paths(report) == ["ok.txt"]
    assert set(_errors(report)) == {"image.txt", "zip.md"}
    assert all("binary" in m or "UTF-8" in m for m in _errors(report).values())


def test_empty_and_blank_files(folder, check):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("\n\n   \n", encoding="utf-8")
    code, report, _ = check([folder])
    assert code == 0 and sorted(_paths(report)) == ["blank.md", "empty.txt", "ok.txt"]
    assert all(d["findings"] == [] for d in report["documents"])


def test_deeply_nested_folders(folder, check):
    deep = folder
    for i in range(200):
        deep = deep / f"d{i % 10}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(CLEAN, encoding="utf-8")
    code, report, _ = check([folder])
    assert code == 0 and sorted(_paths(report)) == ["deep.txt", "ok.txt"]


def test_symlink_loops_and_broken_links(folder, check):
    (folder / "sub").mkdir()
    (folder / "sub" / "a.txt").write_text(CLEAN, encoding="utf-8")
    os.symlink("..", folder / "sub" / "up")  # a loop
    os.symlink(folder / "sub", folder / "again")  # the same folder twice
    os.symlink("missing.txt", folder / "dangling.txt")
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    code, report, err = check([folder])
    assert sorted(_paths(report)) == ["a.txt", "ok.txt"]  # each file once
    assert "broken symbolic link" in _errors(report)["dangling.txt"]
    assert code == 1


def test_unreadable_files(folder, check, monkeypatch):
    # tests run as root, where chmod 000 does not stop reading: a FIFO named like an
    # article (which would block a naive reader), and a read that fails
    os.mkfifo(folder / "pipe.txt")
    (folder / "denied.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "folder.txt").mkdir()  # a directory named like an article is a folder
    (folder / "folder.txt" / "inner.md").write_text(CLEAN, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "denied.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, report, err = check([folder])
    assert code == 1
    assert sorted(_paths(report)) == ["inner.md", "ok.txt"]
    errors = _errors(report)
    assert errors["denied.txt"] == "cannot read: Permission denied"
    assert "not a regular file" in errors["pipe.txt"]
    code, report, err = check([folder / "pipe.txt", folder / "ok.txt"], inputs=folder)
    assert "not a regular file" in err and _paths(report) == ["ok.txt"]


def test_odd_file_names(folder, check):
    names = ["with space.txt", "new\nline.txt", "Київ.md", "東京 記事.txt", "-dash.txt"]
    for name in names:
        (folder / name).write_text(CLEAN, encoding="utf-8")
    code, report, _ = check([folder])
    assert code == 0
    assert sorted(_paths(report)) == sorted(names + ["ok.txt"])
    code, report, _ = check([str(folder / "-dash.txt")], inputs=folder)
    assert code == 0 and _paths(report) == ["-dash.txt"]


def test_html_with_scripts_and_broken_markup(folder, check):
    (folder / "page.html").write_text(
        "<html><head><title>Talks</title><script>var x = '<p>mid -May</p>';</script>"
        "<style>p{}</style></head><body><p>The talks in mid -May ended.<p>Unclosed <b>bold"
        "<div><span>Nested</div></span> &amp; &bogus; <!-- a comment --> <![CDATA[x]]>"
        "<p>The end.</p></body", encoding="utf-8")
    (folder / "garbage.htm").write_text("<<<>>></p></div><script>never closed", encoding="utf-8")
    code, report, _ = check([folder], "--fail-on", "never")
    assert code == 0
    doc = next(d for d in report["documents"] if d["path"].endswith("page.html"))
    assert [f["text"] for f in doc["findings"] if f["rule"] == "TY-spaced-hyphen"] == ["mid -May"]
    assert sorted(_paths(report)) == ["garbage.htm", "ok.txt", "page.html"]


def test_output_folder_that_cannot_be_written(folder, check, tmp_path, capsys):
    from checker.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main([str(folder), "--no-lm", "-q", "--out", str(blocker)])
    assert code == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    code = main([str(folder), "--no-lm", "-q", "--out", str(blocker / "sub")])
    assert code == 2
    assert blocker.read_text() == "not a folder"


def test_twenty_thousand_small_files(tmp_path, check):
    count = 20_000 if SLOW else 2_000
    folder = tmp_path / "many"
    for i in range(count):
        sub = folder / f"{i // 1000:02d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:05d}.txt").write_text("Oui." if i % 2 else "Yes.", encoding="utf-8")
    start = time.perf_counter()
    code, report, _ = check([folder], "--select", "TY-spaced-hyphen", "--fail-on", "never",
                            inputs=None)
    elapsed = time.perf_counter() - start
    assert code == 0 and report["summary"]["documents"] == count
    assert elapsed < 600, elapsed


def test_a_twenty_megabyte_article(tmp_path, check):
    paragraph = ("The delegations met again in the capital on Thursday to discuss the "
                 "exchange of prisoners and the reopening of the ports, and both sides "
                 "described the talks as difficult but useful. ")
    fr = ("Les délégations se sont de nouveau réunies jeudi dans la capitale pour discuter "
          "de l'échange de prisonniers et de la réouverture des ports. ")
    lines, size = [], 0
    i = 0
    while size < (20_000_000 if SLOW else 2_000_000):
        line = (fr if i % 50 == 7 else paragraph) * (1 + i % 4)
        lines.append(line.strip())
        size += len(line) + 1
        i += 1
    article = tmp_path / "big" / "huge.txt"
    article.parent.mkdir()
    article.write_text("\n".join(lines), encoding="utf-8")
    start = time.perf_counter()
    code, report, _ = check([article], "--fail-on", "never", inputs=article.parent)
    elapsed = time.perf_counter() - start
    assert code == 0 and report["summary"]["documents"] == 1
    doc = report["documents"][0]
    assert doc["language"] == "en"
    assert {s["language"] for s in doc["segments"]} == {"en", "fr"}
    assert elapsed < 900, elapsed
