"""The claims stages' fast paths find what the plain ones they replace find.

Each test sets a shortcut taken for speed beside the straightforward code it
stands for (a look-behind in front of a pattern, a longest-first alternation,
all pairs of times, a matcher reading every term) on texts and values where
the two could part.
"""
from __future__ import annotations

import itertools
import math
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from checker.claims import align, dates
from checker.claims import lexicon as L
from checker.claims.extract import SPACES, split_sentences
from checker.scanning import not_after, word_alternation
from checker.claims.tables import load_tables

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
    "am 9. Juni. Mr. Smith said: « 12 » ! Then\n\n\nthe end… «Quoi ?» Il a dit.\u00a0\"Oui\"",
    "L'an dernier, avant-hier, aujourd'hui; la veille; the day before; in diesem Jahr. x2024-07-08y, 1999 12024",
    "McDonald O'Brien Jean-Pierre Ünal ÉTAT Über-Alles x-Ray 3Drones",
]


def _old_alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "ru", "uk"])
def test_word_alternation_and_not_after_match_the_plain_patterns(lang):
    words = {L._apos(w) for w in set(L.SMALL[lang]) | set(L.SCALES[lang]) | set(L.MONTHS[lang])
             | set(L.WEEKDAYS[lang]) if not w.endswith(".")}
    plain = re.compile(r"(?<![^\W\d_])(?:" + _old_alternation(words) + r")(?![^\W\d_])")
    fast = re.compile(r"(?:" + word_alternation(words, before=r"[^\W\d_]") + r")(?![^\W\d_])")
    rng = random.Random(lang)
    pieces = sorted(words) + ["x", "2", " ", "-", "'", "é"]
    texts = [t.lower() for t in TEXTS] + ["".join(rng.choice(pieces) for _ in range(300)) for _ in range(50)]
    for text in texts:
        assert _spans(fast, text) == _spans(plain, text)


def test_not_after_is_the_look_behind_before_the_first_character():
    for chars, first in ((r"[\w'’-]", "[A-ZÀ-Ö]"), (r"[^\W\d_]", "[A-ZА-Я]"), (r"\d", "1")):
        plain = re.compile(r"(?<!" + chars + ")" + first + r"\w*")
        fast = re.compile(first + not_after(chars) + r"\w*")
        for text in TEXTS + ["1\n1 a1 -A 'B É1 x1", "A"]:
            assert _spans(fast, text) == _spans(plain, text)
            assert [m.span() for m in fast.finditer(text, 3, len(text) - 2)] == \
                [m.span() for m in plain.finditer(text, 3, len(text) - 2)]


def test_sentence_ends_as_the_alternation_finds_them():
    plain = re.compile(r"(?P<p>[.!?…])[\"»”’)\]]*[" + SPACES + r"]+(?=[\"«“(\[]?[^\W_a-zа-яіїєґà-ÿ])|\n+")
    from checker.claims.extract import _SENT_END
    for text in TEXTS:
        assert _spans(_SENT_END, text) == _spans(plain, text)
    assert split_sentences("A. B\n\nC") == [(0, 2), (3, 4), (6, 7)]


EVERY_CHARACTER = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def _read_apart(letters) -> set[str]:
    """The characters re.IGNORECASE takes for one of ``letters`` while str.lower() does not."""
    return {m.group() for k in letters for m in re.finditer(re.escape(k), EVERY_CHARACTER, re.IGNORECASE)
            if m.group().lower() != k}


def test_case_odd_holds_every_letter_re_ignorecase_reads_unlike_lower():
    """_CASE_ODD lists the characters that re.IGNORECASE takes for a letter of a date
    word while str.lower() does not turn them into it: a text without them may be
    searched for trigger words in lower case."""
    letters = set()
    for lang in L.LANGS:
        for table in (L.MONTHS[lang], L.WEEKDAYS[lang], L.RELATIVE_DAYS[lang], L.LAST_NIGHT[lang],
                      dates._LAST_YEAR[lang], dates._THIS_YEAR[lang]):
            letters.update(c for w in table for c in w.lower() if c.isalpha())
    odd = _read_apart(letters)
    assert all(dates._CASE_ODD.fullmatch(c) for c in odd), sorted(odd)


def test_compatible_times_are_those_of_all_pairs():
    times = ["2025", "2024", "2025-07", "2025-06", "2025-07-08", "2025-07-09", "2025-07-31", "2025-08-01",
             "--07-08", "--07-09", "--07", "2025-07-08/2025-07-09", "--07-08/--07-09", "2025-07-08/--07-09",
             "2025-07-08/..", "--07-08/..", "2024/..", "2024-02/..", "2024-02-30", "bogus", "2024-12-31",
             "2025-01-01/2025-01-03", "2025-01-02", "2025-W01"]
    def brute(ts):
        return {frozenset(p) for p in itertools.product(ts, ts) if align._times_compatible(*p)}
    rng = random.Random(1)
    for _ in range(40):
        sample = rng.sample(times, rng.randint(1, len(times)))
        assert {frozenset(p) for p in align._compatible_times(sample)} == brute(sample)


def _reference_match(m, text, pos, accept=None):
    """Matcher.match as it read every term before candidates() and the per-word memo."""
    first = m.TOK.match(text, pos)
    if first is None:
        return None
    w0 = first.group().lower().replace("’", "'").replace("ʼ", "'")
    pref = [e for e in m.prefix_index.get(w0[:2], ()) if w0.startswith(e[0][0][0])]
    if w0 not in m.index and not pref:
        return None
    toks = []
    for t in m.TOK.finditer(text, pos, min(len(text), pos + 80)):
        toks.append((t.group().lower().replace("’", "'").replace("ʼ", "'"), t.end()))
        if len(toks) >= 5:
            break
    best = None
    for words, key in m.index.get(toks[0][0], []) + pref:
        n = len(words)
        if n > len(toks) or (best and n <= best[2]) or (accept and not accept(key)):
            continue
        if all(toks[i][0] == w or (star and toks[i][0].startswith(w)) for i, (w, star) in enumerate(words)):
            best = (key, toks[n - 1][1], n)
    return (best[0], best[1]) if best else None


def test_matchers_find_what_reading_every_term_finds():
    tables = load_tables()
    text = "\n".join(TEXTS)
    starts = [m.start() for m in re.finditer(r"\S+", text)]

    def casualty(key: str) -> bool:
        return key in tables.concepts and tables.concepts[key].role == "casualty"

    for lang in ("en", "fr", "de"):
        for matcher in (tables.concept_matchers[lang], tables.unit_matchers[lang], tables.qualifier_matchers[lang]):
            for pos in starts:
                assert matcher.match(text, pos) == _reference_match(matcher, text, pos)
                assert matcher.match(text, pos, casualty) == _reference_match(matcher, text, pos, casualty)


def test_case_odd_characters_are_found_as_the_class_finds_them():
    texts = TEXTS + [t[:40] + ch + t[40:] for t in TEXTS[:2] for ch in dates._CASE_ODD_CHARS] + ["", "İ", "ı"]
    for text in texts:
        assert dates.has_case_odd(text) == bool(dates._CASE_ODD.search(text))


def test_modal_words_read_in_lower_case_as_re_ignorecase_reads_them():
    """Sentences are searched for modal words in text.lower() without re.I, unless the
    text holds a _CASE_ODD character: for the letters of those words, the only ones
    re.I equates with them while str.lower() does not; and lower() keeps what is a
    word character (the look-arounds) and, without "İ", the offsets."""
    odd = _read_apart({c for lang in L.LANGS for w in L.MODAL[lang] for c in w if c.isalpha()})
    assert all(dates.has_case_odd(c) for c in odd), sorted(odd)
    plain = EVERY_CHARACTER.replace("İ", "")
    assert len(plain.lower()) == len(plain)
    word_places = [m.start() for m in re.finditer(r"\w", plain)]
    assert word_places == [m.start() for m in re.finditer(r"\w", plain.lower())]  # the look-arounds
    from checker.claims.extract import _lang_rx
    for lang in L.LANGS:
        rx = _lang_rx(lang)
        rng = random.Random(lang)
        pieces = [w.upper() for w in L.MODAL[lang]] + list(L.MODAL[lang]) + ["x", "2", " ", "-", "'", "É", "_"]
        for text in TEXTS + ["".join(rng.choice(pieces) for _ in range(200)) for _ in range(20)]:
            if dates.has_case_odd(text):
                continue
            lowered = text.lower()
            for a in range(0, len(text), 7):
                b = min(len(text), a + 60)
                assert bool(rx.modal_lower.search(lowered, a, b)) == bool(rx.modal.search(text, a, b))


def test_since_trie_finds_what_the_alternation_finds():
    for lang in L.LANGS:
        plain = re.compile(r"(?<!\w)(?:" + dates._alt(dates._SINCE[lang]) + r")\s+(?:\w+\s+){0,6}$", re.I)
        fast = dates._pat(lang).since
        rng = random.Random(lang)
        pieces = list(dates._SINCE[lang]) + [w.upper() for w in dates._SINCE[lang]] + ["x", "2", " ", "-", "é"]
        for text in TEXTS + ["".join(rng.choice(pieces) for _ in range(40)) for _ in range(200)]:
            for a in range(0, len(text), 5):
                window = text[max(0, a - 60):a]
                assert bool(fast.search(window)) == bool(plain.search(window))


def _plain_trigger_hits(low: str, lang: str):
    """The trigger scan as one loop over trigger words then years (before _trigger_hits)."""
    months, weekdays = L.MONTHS[lang], L.WEEKDAYS[lang]
    wins = {"month": [], "weekday": [], "rel": [], "digit": []}
    years, by_word, inner = [], {}, []
    for m in itertools.chain(dates._trigger(lang).finditer(low), dates._YEAR_SHAPE.finditer(low)):
        w = m.group()
        by_word.setdefault(w, []).append(m.start())
        if not w.isalnum():
            inner.extend(m.start() + k + 1 for k, ch in enumerate(w) if not ch.isalnum())
        if w[0].isdigit() and "1950" <= w <= "2049":
            years.append(int(w))
        typ = "digit" if w[0].isdigit() else "month" if w in months else "weekday" if w in weekdays else "rel"
        lo, hi = max(0, m.start() - 50), min(len(low), m.end() + 30)
        windows = wins[typ]
        if windows and lo <= windows[-1][1] + 40:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return wins, by_word, inner, years


@pytest.mark.parametrize("lang", L.LANGS)
def test_trigger_hits_are_those_of_the_plain_loop(lang):
    rng = random.Random(lang)
    pieces = sorted(dates._trigger_words(lang)) + ["1999", "2024", "12024", "x", " ", "-", "'", "\n" * 3]
    texts = [L.lower_same(t) for t in TEXTS] + ["".join(rng.choice(pieces) for _ in range(300)) for _ in range(30)]
    opens = {w for ws in dates._pat(lang).opens.values() for w in ws}
    assert not any(w[0].isdigit() for w in opens)  # so the years' places need not be kept by word
    for low in texts:
        wins, by_word, inner, years = dates._trigger_hits(low, lang)
        plain_wins, plain_by_word, plain_inner, plain_years = _plain_trigger_hits(low, lang)
        assert (wins, inner, years) == (plain_wins, plain_inner, plain_years)
        assert by_word == {w: ps for w, ps in plain_by_word.items() if not w[0].isdigit()}


def test_adjective_heads_cover_every_term():
    """A text is passed over when it holds none of the shortest heads: each term's
    head contains one of them."""
    tables = load_tables()
    for lang in L.LANGS:
        index = tables.adjective_matchers[lang]
        heads = {w for w in index.exact} | {p for entries in index.prefixes.values() for p, _ in entries}
        for head in heads:
            assert any(short in head.replace("ς", "σ") for short in index._heads), head


def _plain_align_across(groups, tables):
    """align_across as it asked comparable and consistent again for each claim of a pair."""
    out, seen = [], set()
    index = [{} for _ in groups]
    for by_key, g in zip(index, groups):
        for c in g:
            if c.align:
                by_key.setdefault(c.key, []).append(c)
    for i, j in sorted(align._candidate_pairs(groups)):
        for a in groups[i]:
            cands = [b for b in index[j].get(a.key, ()) if align.comparable(a, b, tables)]
            agree = [b for b in cands if align.consistent(a, b, tables)]
            if agree:
                b = min(agree, key=lambda x: abs(x.value - a.value))
            else:
                cands = [b for b in cands if not any(
                    align.comparable(a2, b, tables) and align.consistent(a2, b, tables)
                    for a2 in index[i][a.key] if a2 is not a)]
                if not cands:
                    continue
                b = min(cands, key=lambda x: abs(math.log1p(x.value) - math.log1p(a.value)))
            if (a.path, a.id, b.path, b.id) not in seen:
                seen.add((a.path, a.id, b.path, b.id))
                out.append(align.verdict(a, b, tables, ok=bool(agree)))
    return out


def test_align_across_judges_each_pair_of_claims_once_and_finds_the_same_verdicts():
    from checker.claims import extract
    from checker.core import Document
    tables = load_tables()
    texts = [  # two claims of one key in a text: one's counterpart is not the other's
        ("en", "On 9 July 2025 Russia launched 728 drones at Lutsk and 300 drones at Kyiv."),
        ("fr", "Le 9 juillet 2025, la Russie a lancé 300 drones sur Kiev et 741 drones sur Loutsk."),
        ("de", "Am 9. Juli 2025 feuerte Russland 728 Drohnen auf Luzk und 310 Drohnen auf Kyjiw ab."),
        ("en", "On 9 July 2025 Russia launched 500 drones at Lutsk and 900 drones at Kyiv."),
    ] + [("en", t) for t in TEXTS]
    groups = [extract(Document(path=f"t{k}.txt", text=text, language=lang, date="2025-07-09"), tables)
              for k, (lang, text) in enumerate(texts * 2)]
    verdicts = align.align_across(groups, tables)
    assert {c.kind for c in verdicts} == {"consistent", "contradiction"}
    assert verdicts == _plain_align_across(groups, tables)


@pytest.mark.parametrize("spaces, flags", [(f"[{SPACES}]*", 0), (f"[{SPACES}]+", re.I)])
def test_after_cues_as_one_pattern_find_what_trying_each_finds(spaces, flags):
    from checker.claims.numbers import _AFTER_CUES, after_cues
    for lang in L.LANGS:
        cues, kinds = after_cues(lang, spaces, flags)
        assert not any(c[0] in SPACES for c in _AFTER_CUES[lang])  # so the spaces before are all read first
        one_by_one = [(re.compile(spaces + re.escape(c) + r"(?!\w)", flags), kind) for c, kind in _AFTER_CUES[lang].items()]
        rng = random.Random(lang)
        pieces = [w for c in _AFTER_CUES[lang] for w in (c, c.upper(), c.split()[0])] + [" ", "\u00a0", "x", "2", "+"]
        for text in ["".join(rng.choice(pieces) for _ in range(6)) for _ in range(400)]:
            m = cues.match(text)
            first = next((kind for rx, kind in one_by_one if rx.match(text)), None)
            assert (kinds[m.lastindex - 1] if m else None) == first, text


def test_kept_key_and_span_are_neither_fields_nor_serialised():
    from dataclasses import fields
    from checker.claims import XClaim, extract
    from checker.core import CrossSpan, Document
    [claim] = extract(Document(path="a.txt", text="Russia launched 728 drones.", language="en"))
    assert claim.span == CrossSpan("a.txt", claim.start, claim.end, claim.text) and claim.span is claim.span
    assert claim.key == "drones"
    record = claim.to_json()
    assert set(record) == {f.name for f in fields(XClaim)} and "key" not in record and "_span" not in record
    assert XClaim.from_json(record) == claim and XClaim.from_json(record).key == claim.key


def test_a_word_no_term_starts_with_has_no_candidates():
    """Matcher.may_start reads a word of the extractor (_WORD: letters joined by
    apostrophes or hyphens) up to its first hyphen, as TOK reads the text there."""
    from checker.claims.extract import _WORD
    tables = load_tables()
    text = "\n".join(TEXTS) + " tir-sol l'artillerie-lourde anti-drones drones-kamikazes x’y-z Ъ-ъ"
    words = [w for w in _WORD.finditer(text) if not w.group()[0].isdigit()]
    for lang in ("en", "fr", "de"):
        for matcher in (tables.concept_matchers[lang], tables.qualifier_matchers[lang]):
            for w in words:
                assert matcher.TOK.match(text, w.start()).group() == w.group().split("-", 1)[0]
                if not matcher.may_start(w.group()):
                    assert matcher.candidates(text, w.start()) == ()


def test_records_are_written_and_read_as_field_by_field_conversion_does():
    from dataclasses import fields
    from checker.claims import XClaim, extract
    from checker.claims.extract import _plain, _typed
    from checker.core import Document
    claims = [c for k, text in enumerate(TEXTS) for c in extract(Document(f"t{k}.txt", text, language="fr"))]
    claims += [replace(claims[0], high=3.0, places=frozenset({"Kharkiv", "Lviv"}), equiv_of="x", when=None)]
    for claim in claims:
        record = claim.to_json()
        plain = {f.name: _plain(getattr(claim, f.name)) for f in fields(claim)}
        assert list(record.items()) == list(plain.items())
        assert XClaim.from_json(record) == XClaim(**{f.name: _typed(f.name, record[f.name]) for f in fields(XClaim)})
    partial = {k: v for k, v in claims[0].to_json().items() if k not in ("specific", "doc_date")}
    assert XClaim.from_json(partial) == replace(claims[0], specific=frozenset(), doc_date=None)
