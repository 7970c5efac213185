"""The seed articles: no false contradiction, the gold within-document checks,
Pokrovsk/Pogrorsk, and the claims the gold marks as clean read correctly."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.claims import cross_check, extract_claims, within_document_checks
from checker.core import Document, Severity

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path("/work/shared/seeds_gold.yaml")


def _gold() -> dict:
    if GOLD.exists():
        return yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    pytest.skip("seeds_gold.yaml not available")


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    langs = _gold()["languages"]
    return {name: Document(path=f"seeds/{name}", text=(SEEDS / name).read_text(encoding="utf-8"),
                           language=lang)
            for name, lang in langs.items()}


@pytest.fixture(scope="module")
def checks(docs):
    return cross_check([(d, extract_claims(d)) for d in docs.values()])


def _claim(doc, text):
    for c in extract_claims(doc):
        if c.text == text:
            return c
    raise AssertionError(f"no claim {text!r} in {[c.text for c in extract_claims(doc)]}")


def test_every_claim_keeps_its_exact_span(docs):
    for name, doc in docs.items():
        claims = extract_claims(doc)
        assert [c.id for c in claims] == [f"{name}#c{i}" for i in range(1, len(claims) + 1)]
        assert [c.start for c in claims] == sorted(c.start for c in claims)
        for c in claims:
            assert doc.text[c.start:c.end] == c.text


def test_no_false_contradiction_on_the_seeds(checks):
    bad = [c.message for c in checks if c.kind == "contradiction"]
    assert bad == []


@pytest.mark.parametrize("entry", yaml.safe_load(GOLD.read_text(encoding="utf-8"))["claims"]["within_document"]
                         if GOLD.exists() else [], ids=lambda e: e["span"][:30])
def test_gold_within_document_checks_are_consistent(docs, entry):
    doc = docs[entry["doc"]]
    first = doc.text.index(entry["span"])
    spans = [(first, first + len(entry["span"]))]
    if "with" in entry:
        w = doc.text.index(entry["with"])
        spans.append((w, w + len(entry["with"])))
    found = []
    for chk in within_document_checks(doc):
        # every span of the check overlaps a gold span, and every gold span is covered
        which = [[i for i, (s, e) in enumerate(spans) if sp.start < e and s < sp.end] for sp in chk.spans]
        if all(which) and {i for w in which for i in w} == set(range(len(spans))):
            found.append(chk)
    assert found, [c.message for c in within_document_checks(doc)]
    assert all(c.kind == entry["verdict"] and c.severity == Severity.INFO for c in found)


def test_stated_arithmetic_message(docs):
    doc = docs["003_e36f723be6a35480.txt"]
    chk = next(c for c in within_document_checks(doc) if "arithmetic" in c.message)
    assert [s.text for s in chk.spans] == ["environ 250.000 obus", "3 millions"]
    assert "250,000 per month × 12 = 3 million per year" in chk.message


def test_pokrovsk_pogrorsk_is_an_entity_variant(checks, docs):
    variants = [c for c in checks if c.kind == "entity-variant"]
    hit = [c for c in variants if {s.text for s in c.spans} == {"Pokrovsk", "Pogrorsk"}]
    assert len(hit) == 1
    wrong, right = hit[0].spans
    assert (wrong.path, wrong.text) == ("seeds/004_aab5980a4fca424f.txt", "Pogrorsk")
    assert (right.path, right.text) == ("seeds/003_e36f723be6a35480.txt", "Pokrovsk")
    text = docs["004_aab5980a4fca424f.txt"].text
    assert text[wrong.start:wrong.end] == "Pogrorsk" and wrong.start == text.index("Pogrorsk")
    # different places are never variants
    assert not any({"Kherson", "Kharkiv"} <= {s.text for s in c.spans} for c in variants)
    assert not any("Koursk" in {s.text for s in c.spans} for c in variants)


def test_clean_seed_numbers_read_right(docs):
    en, fr1, fr3, fr4 = (docs[n] for n in ("000_989c41bd5c56a8a9.txt", "001_8e6536fb18eeebd8.txt",
                                           "003_e36f723be6a35480.txt", "004_aab5980a4fca424f.txt"))
    c = _claim(en, "728 drones")
    assert (c.value, c.quantity, c.approx, c.when) == (728, "drones", "exact", "2025-07-08/2025-07-09")
    c = _claim(en, "13 missiles")
    assert (c.value, c.quantity, c.when) == (13, "missiles", "2025-07-08/2025-07-09")
    c = _claim(en, "400 drones")
    assert c.when == "2025-07-10/2025-07-11"  # "the night of Thursday", after 8-9 July
    c = _claim(en, "232 people died")
    assert (c.value, c.quantity) == (232, "deaths")
    c = _claim(en, "1,343 were injured")
    assert (c.value, c.quantity) == (1343, "injured")
    c = _claim(en, "two civilians were killed")
    assert (c.value, c.quantity, c.when) == (2, "deaths", "2025-07-10")  # "the previous day" of 11 July
    c = _claim(en, "tens of thousands of deaths")
    assert (c.value, c.approx) == (10000, "at-least")
    c = _claim(fr1, "plus de 1.250 kilomètres carrés de territoire")
    assert (c.value, c.unit, c.quantity, c.approx) == (1250, "km²", "area", "at-least")
    c = _claim(fr4, "100.000 soldats")
    assert (c.value, c.quantity, c.approx) == (100000, "soldiers", "exact")
    c = _claim(fr4, "près de 100.000 soldats")
    assert (c.value, c.approx) == (100000, "about")
    c = _claim(fr3, "6 000 tonnes d'explosifs")
    assert (c.value, c.unit, c.quantity) == (6000, "t", "explosives")
    c = _claim(fr3, "environ 1,28 million d'obus")
    assert (c.value, c.approx) == (1280000, "about")
    c = _claim(fr3, "4,3 %")
    assert (c.value, c.quantity) == (4.3, "growth")
    # ordinals and dates are not quantities
    texts = [c.text for c in extract_claims(fr3)]
    assert not any(t.startswith(("2e", "35e", "117e", "9 mai")) for t in texts)
