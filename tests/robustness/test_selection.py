"""Checking part of an archive: --changed-only (git) and --files-from."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from checker.cli import main
from tests.robustness.conftest import CLEAN


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def _names(out):
    data = json.loads((out / "report.json").read_text())
    return sorted(d["path"].rsplit("/", 1)[-1] for d in data["documents"])


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / "archive" / "2024").mkdir(parents=True)
    for name in ("old1.txt", "old2.md", "2024/old3.txt"):
        (root / "archive" / name).write_text(CLEAN, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "archive")
    monkeypatch.chdir(root)
    return root


def test_changed_only_takes_modified_and_untracked_files_under_the_paths(repo, tmp_path, capsys):
    (repo / "archive" / "old2.md").write_text(CLEAN + "Edited.\n", encoding="utf-8")
    (repo / "archive" / "2024" / "new.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "elsewhere.txt").write_text(CLEAN, encoding="utf-8")  # not under archive/
    (repo / "archive" / "notes.csv").write_text("a,b")  # not an article
    (repo / "archive" / "old1.txt").unlink()  # deleted: nothing to check
    out = tmp_path / "out"
    assert main(["archive", "--changed-only", "--no-lm", "-q", "--out", str(out)]) == 0
    assert _names(out) == ["new.txt", "old2.md"]
    data = json.loads((out / "report.json").read_text())
    assert sorted(d["path"] for d in data["documents"]) == ["archive/2024/new.txt",
                                                           "archive/old2.md"]
    capsys.readouterr()


def test_nothing_changed_is_an_empty_passing_run(repo, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["archive", "--changed-only", "--no-lm", "-q", "--out", str(out)]) == 0
    assert _names(out) == []
    capsys.readouterr()


def test_changed_only_outside_a_repository_is_a_clear_error(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert main([str(folder), "--changed-only", "--no-lm", "-q", "--out", str(tmp_path / "o")]) == 2
    assert "not in a git repository" in capsys.readouterr().err


def test_files_from_a_file_and_standard_input(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b c.txt", "d.md"):
        (folder / name).write_text(CLEAN, encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{folder / 'a.txt'}\n\n{folder / 'b c.txt'}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--files-from", str(listing), "--no-lm", "-q", "--out", str(out)]) == 0
    assert _names(out) == ["a.txt", "b c.txt"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{folder / 'd.md'}\0{folder / 'a.txt'}\0"))
    assert main(["--files-from", "-", "--no-lm", "-q", "--out", str(out)]) == 0
    assert _names(out) == ["a.txt", "d.md"]
    assert main(["--files-from", str(tmp_path / "missing"), "--no-lm", "-q"]) == 2
    assert "--files-from" in capsys.readouterr().err
