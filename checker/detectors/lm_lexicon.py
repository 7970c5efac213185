"""Fix candidates for the language model's findings from the rule lexicons.

The rule lexicons (checker/rules/data/calques-*.yaml) list the literal renderings machine
translation produces, each with a pattern and its fix. An exact match is a rule finding;
the model finds the near misses the patterns are too strict for: another article or
inflection, one more word ("the moral of the exhausted troops"), another verb before
the calque ("secure a fire"). For such a span the entries sharing a content word with it
are tried on the sentence with one small edit, and the fix of a match is a candidate
(``LexiconIndex.near``), which the LM detector ranks with its other candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from typing import Iterable

# A word as the LM detector and its candidates both count them.
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)

STEM = 5  # letters two forms of a word share after a crude suffix strip ("camped", "camping")
_SUFFIXES = ("aient", "ing", "ées", "ent", "ait", "ant", "ons", "ée", "és", "es", "ed", "er",
             "ez", "é", "e", "s", "x")
_SHORT_WORDS = {"a", "à", "y"}  # one-letter words worth inserting or substituting


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: the lower-case word less one inflectional suffix, cut to STEM letters."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word[:STEM]


_LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ANY, _LOOK = "\x00", "\x01"  # stand-ins: some character (a class, \w); a lookaround's "("


def pattern_words(pattern: str) -> set[str]:
    """The whole words a compiled lexicon pattern spells out (every alternative and slot
    form), lower-case; not the pieces of a word that regex syntax splits ("rais(?:e|ed)",
    "\\w+ing", "defen[cs]e"), which are no words of their own."""
    src = (pattern.replace(r"(?:[ \u00a0\u202f]+)", " ").replace("['’]", "'")
           .replace('["“”«»]', '"').replace(r"\b", " "))
    src = re.sub(r"\[(?:\\.|[^\]])*\]|\\.", _ANY, src)
    src = re.sub(r"\(\?[aiLmsux]+\)", "", src)  # inline flags
    src = re.sub(r"\(\?<?[=!]", _LOOK, src)  # a lookaround never continues a word
    src = re.sub(r"\(\?(?:P<\w+>|:)", "(", src)

    def glued_before(i: int) -> bool:  # the letters at i continue something before them
        k = i - 1
        while k >= 0 and src[k] in "?*+":
            k -= 1
        if k < 0:
            return False
        if src[k] == ")":  # "(?:ceasefire|truce)s", not "(?:the )?moral"
            return k > 0 and src[k - 1].isalpha()
        return src[k] == _ANY or src[k].isalpha()

    words: set[str] = set()
    split: list[bool] = []  # per open group: does it hold the end of the word before it?
    i = 0
    while i < len(src):
        c = src[i]
        if c in ("(", _LOOK):
            split.append(c == "(" and (any(split) or (i > 0 and (src[i - 1].isalpha() or src[i - 1] == _ANY))))
            i += 1
        elif c == ")":
            if split:
                split.pop()
            i += 1
        elif c.isalpha():
            m = _LETTERS.match(src, i)
            after = src[m.end():m.end() + 2]
            if not (any(split) or glued_before(i) or after[:1] == "("
                    or (after[:1] == _ANY and after[1:] not in ("*", "?"))):
                word = m.group().lower()
                words.add(word)
                if after[:1] == "?":  # "positions?"
                    words.add(word[:-1])
            i = m.end()
        else:
            i += 1
    return words


def _is_content(word: str, language: str) -> bool:
    """A word that says something about an entry: not "the", "of", "its"."""
    from wordfreq import word_frequency

    return len(word) >= 3 and word_frequency(word.lower(), language) < 1e-3


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@dataclass(frozen=True)
class LexiconEdit:
    """A lexicon entry's fix for a near match: replace text[start:end] by ``replacement``."""

    start: int
    end: int
    replacement: str
    entry: str  # the entry's id, "<pair>/<id>"
    changes: float  # how far the text is from the entry: 0 exact, 0.5 per inflection, 1 per edit


# A sentence variant is the sentence with these (start, end, new text, tag) replacements,
# in document offsets. Tags: "inflect" (a word put in the entry's form), "delete",
# "insert", "change" (a word swapped for one of the entry's, outside what the fix rewrites).
_Edit = tuple[int, int, str, str]


class LexiconIndex:
    """The lexicon entries with a fix for text in one language, by the stems of the
    content words their patterns and examples are made of. Built once per run and
    language (see :meth:`LanguageModelFluency.lexicon_index`)."""

    def __init__(self, entries, language: str):
        import hashlib

        self.language = language
        self.entries = tuple(e for e in entries if e.fix is not None)
        self.vocab = tuple(self.vocabulary(e) for e in self.entries)
        by_stem: dict[str, list[int]] = {}
        for i, words in enumerate(self.vocab):
            for key in sorted({stem(w) for w in words if _is_content(w, language)}):
                by_stem.setdefault(key, []).append(i)
        self.by_stem = {k: tuple(v) for k, v in by_stem.items()}
        digest = hashlib.sha256(language.encode())
        for e in self.entries:
            digest.update(f"\0{e.id}\0{e.regex}\0{e.fix}".encode())
        self.digest = digest.hexdigest()[:16]

    @staticmethod
    def vocabulary(entry) -> tuple[str, ...]:
        """Lower-case words of the entry's pattern (every alternative and inflection slot
        form) and of what it matches in its examples."""
        words = pattern_words(entry.regex)
        for example in entry.examples:
            m = entry.pattern.search(example)
            if m:
                words.update(w.lower() for w in WORD.findall(m.group(0)))
        return tuple(sorted(w for w in words if len(w) > 1 or w in _SHORT_WORDS))

    def entries_near(self, words: Iterable[str]) -> list[int]:
        """Indices of the entries that share a content word's stem with ``words``."""
        found: set[int] = set()
        for w in words:
            if _is_content(w, self.language):
                found.update(self.by_stem.get(stem(w), ()))
        return sorted(found)

    def near(self, text: str, words: list[tuple[int, int]], first: int, last: int,
             end: int | None = None, limit: int = 3) -> list[LexiconEdit]:
        """Fixes of the entries the sentence nearly matches around its words first..last.

        ``words`` are the (start, end) offsets in ``text`` of the sentence's words, ``end``
        where the sentence ends. An entry is tried if it shares a content word's stem with
        the span or the two words either side; it nearly matches if its pattern matches the
        sentence as it is, with words inflected like the entry's, and then with at most one
        word within two of the span deleted, inserted, or changed to one of the entry's --
        an inserted or changed word must lie outside what the fix rewrites (the entry's
        context, as in "secure a fire" for "obtain a fire"), never be rewritten itself. The
        edit is the part of the match the fix changes, and it must touch the span or a word
        next to it.
        """
        n = len(words)
        if not n:
            return []
        s0, s1 = words[0][0], max(end or 0, words[-1][1])
        lower = [text[a:b].lower() for a, b in words]
        near_lo, near_hi = max(0, first - 1), min(n - 1, last + 1)
        focus = (words[near_lo][0], words[near_hi][1])
        edit_lo, edit_hi = max(0, first - 2), min(n - 1, last + 2)
        best: dict[tuple[int, int, str], LexiconEdit] = {}
        for k in self.entries_near(lower[edit_lo:edit_hi + 1]):
            entry, vocab = self.entries[k], self.vocab[k]
            known = set(vocab)
            rewrites: dict[tuple, list] = {}  # what the fix changes, per matched text and groups
            inflect: list[_Edit] = []
            for i in range(edit_lo, edit_hi + 1):
                w = lower[i]
                if w in known or not _is_content(w, self.language):
                    continue
                forms = [v for v in vocab if v != w and stem(v) == stem(w)]
                if forms:
                    form = max(forms, key=lambda v: (len(_common_prefix(v, w)), -abs(len(v) - len(w)), v))
                    a, b = words[i]
                    inflect.append((a, b, _cased(form, text[a:b]), "inflect"))
            for base in ([], inflect) if inflect else ([],):
                cost0 = 0.5 * len(base)
                taken = {a for a, _, _, _ in base}
                for single in self._single_edits(text, words, lower, vocab, edit_lo, edit_hi, taken):
                    edits = sorted(base + [single]) if single else base
                    cost = cost0 + (1.0 if single else 0.0)
                    variant = _apply_edits(text, s0, s1, edits)
                    for m in entry.pattern.finditer(variant):
                        if m.end() <= m.start():
                            continue
                        said = (m.group(0), m.groups())
                        if said not in rewrites:
                            fix = entry.suggestion(m)
                            rewrites[said] = _changed_blocks(m.group(0), fix) if fix is not None else []
                        edit = self._edit(text, s0, edits, entry.id, m.start(), rewrites[said], focus, cost)
                        if edit is not None:
                            key = (edit.start, edit.end, edit.replacement)
                            if key not in best or best[key].changes > edit.changes:
                                best[key] = edit
        ranked = sorted(best.values(), key=lambda e: (e.changes, e.start, e.end, e.entry))
        return ranked[:limit]

    @staticmethod
    def _single_edits(text, words, lower, vocab, lo, hi, taken):
        """None (no edit), then each deletion, insertion and change of one word in lo..hi."""
        yield None
        n = len(words)
        for i in range(lo, hi + 1):
            a, b = words[i]
            if a in taken:
                continue
            if i + 1 < n and text[b:words[i + 1][0]].isspace():
                yield (a, words[i + 1][0], "", "delete")  # the word and the space after it
            elif i > 0 and text[words[i - 1][1]:a].isspace():
                yield (words[i - 1][1], b, "", "delete")  # the space before it and the word
        for i in range(lo, hi + 1):
            a, b = words[i]
            for v in vocab:
                yield (a, a, (_cased(v, text[a:b]) if i == 0 else v) + " ", "insert")
                if a not in taken and v != lower[i]:
                    yield (a, b, _cased(v, text[a:b]), "change")

    @staticmethod
    def _edit(text, s0, edits, entry_id, at, blocks, focus, cost) -> LexiconEdit | None:
        """The ``blocks`` a fix rewrites of a match at ``at`` in the variant, as one edit of
        the document: from the first rewritten word to the last, the fix's words where it
        changes them and the text's own (with any word the variant dropped) between."""
        if not blocks:
            return None
        pieces, start, end = [], None, None
        for c_start, c_end, replacement in blocks:
            a, b, hit = _doc_range(edits, s0, at + c_start, at + c_end)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():  # an insertion ends the block
                b -= 1
            if hit & {"change", "insert"} or a >= b or (end is not None and a < end):
                return None  # the fix would rewrite a word the text does not have
            if end is not None:
                pieces.append(text[end:a])
            pieces.append(replacement)
            start = a if start is None else start
            end = b
        replacement = "".join(pieces)
        if not (start < focus[1] and focus[0] < end) or text[start:end] == replacement:
            return None
        return LexiconEdit(start, end, replacement, entry_id, cost)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _apply_edits(text: str, s0: int, s1: int, edits: list[_Edit]) -> str:
    out, at = [], s0
    for a, b, new, _ in edits:
        out.append(text[at:a])
        out.append(new)
        at = b
    out.append(text[at:s1])
    return "".join(out)


def _doc_range(edits: list[_Edit], s0: int, c_start: int, c_end: int) -> tuple[int, int, set[str]]:
    """Document offsets of the variant's characters c_start..c_end (end exclusive), and
    the tags of the edits whose new text lies in that range."""
    def origin(c: int) -> tuple[int, int]:
        d, v = s0, 0
        for a, b, new, _ in edits:
            if c < v + (a - d):
                return d + (c - v), d + (c - v) + 1
            v += a - d
            if c < v + len(new):
                return a, b
            v += len(new)
            d = b
        return d + (c - v), d + (c - v) + 1

    hit, d, v = set(), s0, 0
    for a, b, new, tag in edits:
        v += a - d
        if new and v < c_end and c_start < v + len(new):
            hit.add(tag)
        v += len(new)
        d = b
    return origin(c_start)[0], origin(c_end - 1)[1], hit


def _changed_blocks(match: str, fix: str) -> list[tuple[int, int, str]]:
    """The runs of words of ``match`` that ``fix`` rewrites: (start, end) in the match and
    the fix's words for them, in order. A word the fix only inserts or drops is joined to
    a neighbour, so every run replaces at least one word. Empty when no word changes."""
    from difflib import SequenceMatcher

    mw = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(match)]
    fw = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(fix)]
    if not mw:
        return []
    if not fw:
        return [(mw[0][0], mw[-1][1], "")]
    runs: list[list[int]] = []  # [i1, i2, j1, j2], word indices
    ops = SequenceMatcher(None, [w for *_, w in mw], [w for *_, w in fw], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if i1 == i2 or j1 == j2:  # anchor on the next word, or the last one
            if i2 < len(mw) and j2 < len(fw):
                i2, j2 = i2 + 1, j2 + 1
            else:
                i1, j1 = i1 - 1, j1 - 1
        if runs and i1 < runs[-1][1]:
            runs[-1][1], runs[-1][3] = max(runs[-1][1], i2), max(runs[-1][3], j2)
        else:
            runs.append([i1, i2, j1, j2])
    return [(mw[i1][0], mw[i2 - 1][1], fix[fw[j1][0]:fw[j2 - 1][1]] if j2 > j1 else "")
            for i1, i2, j1, j2 in runs]
