"""bench/bench_blind.py: how a report is scored against a blind set's annotation,
and that every committed set's annotation still points into its articles."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_blind  # noqa: E402

ARTICLE = "Talks ended since two years. Talks ended since two years. The Vilaine rose.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "native.txt").write_text("A clean text.\n", encoding="utf-8")
    gold = {
        "languages": {"a.txt": "en", "native.txt": "en"},
        "machine_translated": {"a.txt": {"likely": True, "from": "fr"},
                               "native.txt": {"likely": False}},
        "artifacts": [
            {"doc": "a.txt", "span": "since two years", "kind": "calque", "tier": "must"},
            {"doc": "a.txt", "span": "since two years", "nth": 2, "kind": "calque",
             "tier": "should"},
        ],
        "clean": [{"doc": "a.txt", "span": "The Vilaine"}],
    }
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    return tmp_path


def finding(start, end, rule="MT-calque", text="x"):
    return {"start": start, "end": end, "rule": rule, "text": text}


def test_a_finding_counts_for_the_occurrence_it_overlaps(folder):
    second = ARTICLE.index("since", 20)
    report = {"documents": [{"path": "/x/a.txt", "findings": [finding(second, second + 5)]},
                            {"path": "/x/native.txt", "findings": []}]}
    result = bench_blind.score(folder, report)
    assert (result["found"], result["artifacts"]) == (1, 2)
    assert (result["must_found"], result["must"]) == (0, 1)  # the first occurrence was missed
    assert result["misses"] == ["  missed [must] a.txt calque: 'since two years'"]
    assert result["false_alarms"] == []


def test_findings_on_clean_spans_and_in_native_articles_are_false_alarms(folder):
    clean = ARTICLE.index("Vilaine")
    report = {"documents": [
        {"path": "/x/a.txt", "findings": [finding(clean, clean + 7, text="Vilaine")]},
        {"path": "/x/native.txt", "findings": [finding(0, 1, rule="TY-x", text="A")]}]}
    result = bench_blind.score(folder, report)
    assert result["found"] == 0
    assert result["false_alarms"] == [
        "  false alarm on clean a.txt 'The Vilaine': MT-calque 'Vilaine'",
        "  false alarm in clean article native.txt: TY-x 'A'"]


@pytest.mark.parametrize("name", sorted(p.name for p in bench_blind.SETS.iterdir()
                                        if (p / "gold.yaml").exists()))
def test_every_committed_annotation_points_into_its_articles(name):
    folder = bench_blind.SETS / name
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    for item in gold["artifacts"] + gold["clean"]:
        text = (folder / item["doc"]).read_text(encoding="utf-8-sig")
        assert len(bench_blind.occurrences(text, item["span"])) >= item.get("nth", 1), item
    assert set(gold["languages"]) == {p.name for p in folder.glob("*.txt")}
