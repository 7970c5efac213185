"""Blocking in the cross stage finds every pair of documents the full D² scan finds."""
from __future__ import annotations

from dataclasses import replace

from checker.claims import align, extract
from checker.claims.tables import load_tables
from checker.core import Document
from checker.pipeline import analyse

STORIES = [
    "Russia launched 728 drones and 13 missiles at Ukraine overnight, the air force said. "
    "Kyiv said 718 drones were shot down.",
    "La Russie a lancé 741 drones et 13 missiles sur l'Ukraine dans la nuit, selon l'armée de l'air. "
    "Kiev affirme que 718 drones ont été abattus.",
    "On 9 July 2025 Russia fired 728 drones at Lutsk, the Ukrainian air force said.",
    "Le 9 juillet 2025, la Russie a tiré 728 drones sur Loutsk.",
    "Some 100,000 Russian troops are massing near Pokrovsk, Zelensky said.",
    "Près de 100.000 soldats russes se regroupent près de Pokrovsk, selon Zelensky.",
    "About 150,000 Russian soldiers are gathering near Pokrovsk, according to Kyiv.",
]
DATES = [None, "2025-07-09", "2025-07-10", "2025-07-12", "2025-07-20", "2026-01-05"]


def _groups():
    tables = load_tables()
    groups = []
    n = 0
    for date in DATES:
        for story in STORIES:
            n += 1
            doc = analyse(Document(path=f"d{n:02d}.txt", text=story + "\n", date=date))
            groups.append(extract(doc, tables))
    return groups, tables


def test_blocked_pairs_give_the_verdicts_of_all_pairs(monkeypatch):
    groups, tables = _groups()
    blocked = align.align_across(groups, tables)
    every = {(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))}
    assert align._candidate_pairs(groups) < every  # blocking does prune
    monkeypatch.setattr(align, "_candidate_pairs", lambda g: every)
    assert align.align_across(groups, tables) == blocked
    kinds = {c.kind for c in blocked}
    assert kinds == {"consistent", "contradiction"}


def test_dated_articles_weeks_apart_are_not_paired():
    groups, _ = _groups()
    per_date = len(STORIES)
    pairs = align._candidate_pairs(groups)
    first_july = range(per_date * 1, per_date * 2)    # 2025-07-09
    january = range(per_date * 5, per_date * 6)       # 2026-01-05
    # undated claims of articles months apart are different stories
    undated_only = [i for i in first_july if all(c.when is None for c in groups[i])]
    assert undated_only
    assert not any((i, j) in pairs for i in undated_only for j in january
                   if all(c.when is None for c in groups[j]))
