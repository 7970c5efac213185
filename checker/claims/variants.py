"""One name spelled two ways: Pokrovsk / Pogrorsk, Zelensky / Zelenskyj.

Precision first. A pair of capitalised Latin-script names is reported when

* both names are known spellings of one entity, the documents share a
  language, and one spelling is not that language's (Zelenskyj, the German
  transliteration, in a French text next to Zelensky); or
* one name is known, the other is not in the entity table and not a word of
  the language, they start with the same letter and differ by at most two
  edits (one for names of fewer than six letters), in documents of one
  language or at one edit; or
* neither is known, both are rare, same language, one edit apart, at least
  seven letters, and one of them is written more often than the other.

Two known names of different entities are never variants (Kherson / Kharkiv),
nor a name and its inflection (Putin / Putins).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from checker.claims.extract import _zipf, split_sentences
from checker.claims.tables import Tables, load_tables
from checker.core import CrossCheck, CrossSpan, Document, Severity
from checker.scanning import not_after

# a capitalised name, not after a letter, digit, apostrophe or hyphen
_NAME = re.compile(r"[A-Z]" + not_after(r"[\w'’-]") + r"[a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?(?![\w-])")
_SUFFIXES = ("s", "'s", "’s", "e", "a", "u", "y", "i", "ie", "es", "en", "n")


@dataclass
class _Name:
    form: str
    path: str
    lang: str | None
    start: int
    end: int
    count: int
    # a word of its language (wordfreq zipf >= 1.0), for a form the entity table
    # does not know: judged where the text is checked, so that the cross stage
    # (the run's own process, and every cached run) never loads the word lists
    word: bool = False


@lru_cache(maxsize=8192)  # the same two spellings meet in many pairs of documents
def damerau(a: str, b: str, cap: int = 3) -> int:
    """Optimal-string-alignment distance, stopped early above ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def _letters_apart(a: Counter, b: Counter) -> int:
    """A lower bound of the edit distance of two words, from their letters alone:
    an edit removes at most one letter of one word and adds one of the other."""
    return max(sum((a - b).values()), sum((b - a).values()))


def names_in(doc: Document, tables: Tables | None = None) -> dict[str, _Name]:
    """The capitalised names ``doc`` spells (of five letters or more, not common
    words of its language), each with its first place and its count. Found
    where the document is checked and stored with its result (``names_to_json``),
    so that the cross stage needs neither the text nor the word lists."""
    tables = tables or load_tables()
    text = doc.text
    lang = doc.language or "en"
    starts: set[int] | None = None  # sentence starts, found when a name asks
    found: dict[str, _Name] = {}
    for m in _NAME.finditer(text):
        w = m.group()
        if len(w) < 5:
            continue
        known = w in tables.form_index
        zipf = 0.0
        if not known:
            zipf = _zipf(w.lower(), lang)
            if zipf >= 2.5:
                continue
            if zipf >= 1.5:  # a common word, unless written where any word takes a capital
                if starts is None:
                    starts = {a for a, _ in split_sentences(text)}
                if m.start() in starts or text[max(0, m.start() - 2):m.start()].strip() in ("", "«", "“", "\""):
                    continue
        if w in found:
            found[w].count += 1
        else:
            found[w] = _Name(w, doc.path, doc.language, m.start(), m.end(), 1, zipf >= 1.0)
    return found


def names_to_json(names: dict[str, _Name]) -> list[list]:
    """[form, start, end, count, word] per name; the path and language are the
    document's."""
    return [[n.form, n.start, n.end, n.count, int(n.word)] for n in names.values()]


def names_from_json(items: list[list], doc: Document) -> dict[str, _Name]:
    return {form: _Name(form, doc.path, doc.language, start, end, count, bool(word))
            for form, start, end, count, word in items}


def _inflection(a: str, b: str) -> bool:
    """Putin/Putins, Poltava/Poltavka, Pokrovsk/Pokrovske: a suffix, not a typo."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if long_.startswith(short):
        return long_[len(short):] in _SUFFIXES + ("ka", "ke", "ske", "ivka", "ovka", "ne", "ny", "sk")
    stem = short[:-1]
    return len(stem) >= 4 and long_.startswith(stem) and len(long_) - len(stem) <= 3 and \
        short[-1] in "aeiouyаеиоуяіїєь" and long_[len(stem)] in "aeiouyаеиоуяіїєьk"


def _pair(a: _Name, b: _Name, tables: Tables) -> str | None:
    """The reason the two names are one name misspelt, or None."""
    x, y = a.form, b.form
    if x == y or x[0] != y[0] or _inflection(x, y):
        return None
    ex, ey = tables.form_index.get(x), tables.form_index.get(y)
    same_lang = a.lang is not None and a.lang == b.lang
    if ex and ey:
        if ex != ey or not same_lang:
            return None
        ent = tables.entities[ex]
        xl, yl = ent.languages_of(x), ent.languages_of(y)
        if a.lang in xl and a.lang not in yl:
            return f"'{y}' is not the {a.lang} spelling of {ex}; this language writes '{x}'"
        if a.lang in yl and a.lang not in xl:
            return f"'{x}' is not the {a.lang} spelling of {ex}; this language writes '{y}'"
        return None
    d = damerau(x.lower(), y.lower())
    shortest = min(len(x), len(y))
    if ex or ey:
        known, unknown = (a, b) if ex else (b, a)
        if unknown.word:
            return None
        limit = 1 if shortest < 6 else 2
        if d > limit or (d == 2 and not same_lang) or d > 0.3 * shortest:
            return None
        canon = tables.form_index[known.form]
        return f"'{unknown.form}' looks like a misspelling of '{known.form}' ({canon}): {d} letter(s) differ"
    same_doc = a.path == b.path
    if not same_lang or d != 1 or shortest < 7 or (a.count == b.count and not (same_doc and shortest >= 8)):
        return None
    common, rare = (a, b) if a.count > b.count else (b, a)
    return f"'{rare.form}' ({rare.count}×) looks like a misspelling of '{common.form}' ({common.count}×): 1 letter differs"


def _reason(x: _Name, y: _Name, same_doc: bool, tables: Tables, memo: dict | None) -> str | None:
    """``_pair(x, y)``, kept in ``memo`` per pair of languages (and whether one document
    holds both) when it depends on nothing else, as with a known form."""
    if memo is None:
        return _pair(x, y, tables)
    key = (x.lang, y.lang, same_doc)
    if key not in memo:
        memo[key] = _pair(x, y, tables)
    return memo[key]


def _wrong_right(a: _Name, b: _Name, tables: Tables) -> tuple[_Name, _Name]:
    """The odd spelling first: the one the entity table does not know, else the rarer."""
    ka, kb = a.form in tables.form_index, b.form in tables.form_index
    return (b, a) if (ka and not kb) or (ka == kb and a.count >= b.count) else (a, b)


def _check(a: _Name, b: _Name, reason: str, tables: Tables) -> CrossCheck:
    wrong, right = _wrong_right(a, b, tables)
    return CrossCheck(
        kind="entity-variant",
        severity=Severity.WARNING,
        claims=(),
        spans=(CrossSpan(wrong.path, wrong.start, wrong.end, wrong.form),
               CrossSpan(right.path, right.start, right.end, right.form)),
        message=f"{reason} — one name spelled two ways ('{wrong.form}' in "
                f"{wrong.path.rsplit('/', 1)[-1]}, '{right.form}' in {right.path.rsplit('/', 1)[-1]})",
    )


def entity_variants(docs: list[Document], tables: Tables | None = None,
                    across: bool = True, within: bool = False,
                    names: list[dict[str, _Name]] | None = None) -> list[CrossCheck]:
    """Spelling variants of one name across documents (and, optionally, within one).
    ``names`` are the documents' ``names_in``, when the caller kept them."""
    tables = tables or load_tables()
    per_doc = names if names is not None else [names_in(d, tables) for d in docs]
    # candidate form pairs first, over the distinct forms of the whole run (cheap
    # filters, then the edit distance), so many documents stay fast
    where: dict[str, list[int]] = {}
    for i, names in enumerate(per_doc):
        for form in names:
            where.setdefault(form, []).append(i)
    buckets: dict[str, list[str]] = {}
    for form in where:
        buckets.setdefault(form[0], []).append(form)
    pairs = []
    letters = {form: Counter(form.lower()) for form in where}
    for forms in buckets.values():
        forms.sort(key=len)
        for k, x in enumerate(forms):
            for y in forms[k + 1:]:
                if len(y) - len(x) > 2:
                    break
                ex, ey = tables.form_index.get(x), tables.form_index.get(y)
                if (ex and ey and ex == ey) or (_letters_apart(letters[x], letters[y]) <= 2
                                                and damerau(x.lower(), y.lower(), 2) <= 2):
                    pairs.append((x, y))
    # each document with the odd spelling is told once per name, next to the
    # closest article with the usual spelling (the one sharing most names)
    best: dict[tuple, tuple[int, _Name, _Name, str]] = {}
    order: list[tuple] = []
    # each document's names as bits of an int: the names two documents share are
    # counted by one AND, for the many pairs of documents a common name makes
    bit = {form: 1 << k for k, form in enumerate(where)}
    name_bits = [sum(bit[form] for form in names) for names in per_doc]
    for fx, fy in sorted(pairs):
        # with a known form the reason depends on the two languages only: reuse it
        # across the many documents that share the two spellings
        known = fx in tables.form_index or fy in tables.form_index
        reasons: dict[tuple, str | None] | None = {} if known else None
        ys = [(j, per_doc[j][fy]) for j in where[fy]]
        by_lang: dict[str | None, list[tuple[int, _Name]]] = {}
        for j, y in ys:
            by_lang.setdefault(y.lang, []).append((j, y))
        for i in where[fx]:
            x = per_doc[i][fx]
            partners = ys
            if known:  # a language that gives no reason is passed over, not each of its documents
                kept = [group for group in by_lang.values() if _reason(x, group[0][1], False, tables, reasons)]
                if len(kept) < len(by_lang):
                    partners = [item for group in kept for item in group]
                    mine = per_doc[i].get(fy)
                    if mine is not None and not _reason(x, mine, False, tables, reasons):
                        partners.append((i, mine))  # the same document, whose reason may differ
                    partners.sort(key=lambda p: p[0])  # the documents' order, as where[fy] has it
            for j, y in partners:
                if (i == j and not within) or (i != j and not across):
                    continue
                reason = _reason(x, y, i == j, tables, reasons)
                if not reason:
                    continue
                wrong, _ = _wrong_right(x, y, tables)
                key = (wrong.form, wrong.path)
                shared = (name_bits[i] & name_bits[j]).bit_count()
                if key not in best:
                    order.append(key)
                if key not in best or shared > best[key][0]:
                    best[key] = (shared, x, y, reason)
    return [_check(x, y, reason, tables) for _, x, y, reason in (best[k] for k in order)]
