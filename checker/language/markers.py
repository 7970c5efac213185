"""A fast first opinion on a paragraph's language, from its marker words.

lingua reads every character n-gram against twelve language models: exact,
but about 0.2-0.4 MB/s. Most paragraphs of a news archive are long and
plainly in one language, and their commonest words say so at a glance. This
module counts a paragraph's *markers*, words at least ten times more frequent
in one of the twelve languages than in any other (``the``, ``und``, ``les``,
``że``; not ``die``, which Dutch uses too, nor ``um``, which Portuguese
does), and answers only when they are many and nearly unanimous, and the
paragraph is written in that language's script. Everything else (short
lines, quotes, mixed paragraphs, names) still goes to lingua.

The markers are generated from wordfreq by ``scripts/make_language_markers.py``
into ``data/markers.json``; ``bench/bench_language.py`` measures how often
this opinion is given and how often lingua or the true language disagrees.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

MARKERS_FILE = Path(__file__).parent / "data" / "markers.json"

MIN_HITS = 6  # markers a paragraph needs before this module answers
MIN_SHARE = 0.9  # the share of them that must point to the same language
MIN_HITS_UNANIMOUS = 3  # ...or this many, when not one points to another language
MIN_SCRIPT_SHARE = 0.9  # of the letters, in the script of the language answered
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# A Russian sentence quoting «left» and «right» has English markers only: the
# script, not the markers, says what it is. Letters outside a script (few, as a
# rule) are cheaper to count than those in it.
_LETTER_OUTSIDE = {
    "latin": re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "cyrillic": re.compile(r"[^\W\d_\u0400-\u052F]"),
    "arabic": re.compile(r"[^\W\d_\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]"),
}
_SCRIPT_OF = {"ru": "cyrillic", "uk": "cyrillic", "ar": "arabic"}  # the others: latin


@lru_cache(maxsize=1)
def markers() -> dict[str, str]:
    """Marker word -> its language."""
    table = json.loads(MARKERS_FILE.read_text(encoding="utf-8"))["markers"]
    return {word: lang for lang, words in table.items() for word in words}


def quick_language(text: str, letters: int) -> tuple[str, float] | None:
    """(language, share of the markers) when the paragraph, of ``letters``
    letters, is plainly in one language; else None: then only lingua can tell."""
    owner = markers()
    hits: dict[str, int] = {}
    for token in TOKEN.findall(text.lower()):
        lang = owner.get(token)
        if lang:
            hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return None
    lang = max(hits, key=lambda k: (hits[k], k))
    share = hits[lang] / sum(hits.values())
    if not (hits[lang] >= MIN_HITS and share >= MIN_SHARE
            or hits[lang] >= MIN_HITS_UNANIMOUS and share == 1.0):
        return None
    outside = _LETTER_OUTSIDE[_SCRIPT_OF.get(lang, "latin")]
    if len(outside.findall(text)) > (1 - MIN_SCRIPT_SHARE) * letters:
        return None
    return lang, share
