"""python -m checker.docs: rule pages generated from the detector docstrings."""
from __future__ import annotations

from checker.detectors import REGISTRY, rule_doc
from checker.docs import MARKER, main


def test_writes_one_page_per_rule_and_an_index(tmp_path, capsys):
    assert main(["--out", str(tmp_path)]) == 0
    for cls in REGISTRY:
        page = (tmp_path / "rules" / f"{cls.id}.md").read_text(encoding="utf-8")
        assert page == f"{MARKER}\n\n{rule_doc(cls).render()}"
        assert f"[{cls.id}](rules/{cls.id}.md)" in (tmp_path / "rules.md").read_text("utf-8")
    assert main(["--out", str(tmp_path), "--check"]) == 0


def test_check_finds_stale_pages_and_removes_only_generated_ones(tmp_path, capsys):
    main(["--out", str(tmp_path)])
    first = tmp_path / "rules" / f"{REGISTRY[0].id}.md"
    first.write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "rules" / "GONE-rule.md").write_text(f"{MARKER}\n\n# GONE-rule\n", "utf-8")
    (tmp_path / "rules" / "notes.md").write_text("hand-written notes\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["--out", str(tmp_path)]) == 0
    assert first.read_text(encoding="utf-8").startswith(MARKER)
    assert not (tmp_path / "rules" / "GONE-rule.md").exists()
    assert (tmp_path / "rules" / "notes.md").exists()
    assert main(["--out", str(tmp_path), "--check"]) == 0


def test_committed_rule_pages_are_up_to_date():
    """docs/rules/ is generated from the docstrings: regenerate with `make docs`."""
    from pathlib import Path

    from checker.docs import main as docs_main

    root = Path(__file__).resolve().parents[2]
    assert docs_main(["--check", "--out", str(root / "docs")]) == 0
