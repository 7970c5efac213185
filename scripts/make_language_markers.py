"""Generate checker/language/data/markers.json from wordfreq.

    .venv/bin/python scripts/make_language_markers.py          # write the file
    .venv/bin/python scripts/make_language_markers.py --check  # exit 1 if it is out of date

A marker is a word that, by wordfreq, is at least ten times more frequent in
one of mtcheck's languages than in any of the others, among each language's
1,000 most frequent words. "the", "und", "les", "że" are markers; "die"
(German, and Dutch), "um" (German, and Portuguese) and "la" (French, Spanish,
Italian) are not: counting them for one language misreads the others. The
quick language opinion (checker/language/markers.py) counts only markers.

The table is generated rather than typed so that the rule for what counts is
one line here and the same for all twelve languages; it is shipped so that a
run does not load wordfreq's twelve frequency tables (seconds) to answer.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "checker" / "language" / "data" / "markers.json"
TOP_WORDS = 1000  # per language, from wordfreq's frequency order
MIN_RATIO_ZIPF = 1.0  # Zipf is log10: 1.0 is ten times more frequent


def markers() -> dict:
    sys.path.insert(0, str(ROOT))
    import wordfreq
    from wordfreq import top_n_list, zipf_frequency

    from checker.language import NEWS_LANGUAGES
    from checker.language.markers import TOKEN

    vocabulary = sorted({word for lang in NEWS_LANGUAGES for word in top_n_list(lang, TOP_WORDS)
                         if TOKEN.fullmatch(word)})
    by_language: dict[str, list[str]] = {lang: [] for lang in NEWS_LANGUAGES}
    for word in vocabulary:
        ranked = sorted(((zipf_frequency(word, lang), lang) for lang in NEWS_LANGUAGES),
                        reverse=True)
        (best, lang), (runner_up, _) = ranked[0], ranked[1]
        if best - runner_up >= MIN_RATIO_ZIPF:
            by_language[lang].append(word)
    return {"generated_by": "scripts/make_language_markers.py",
            "wordfreq": wordfreq.__version__ if hasattr(wordfreq, "__version__") else _version(),
            "top_words": TOP_WORDS, "min_ratio": 10 ** MIN_RATIO_ZIPF,
            "markers": by_language}


def _version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def render(table: dict) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the shipped file instead of writing it")
    args = parser.parse_args(argv)
    text = render(markers())
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.relative_to(ROOT)}: {'up to date' if same else 'OUT OF DATE'}")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    counts = {lang: len(words) for lang, words in json.loads(text)["markers"].items()}
    print(f"wrote {TARGET.relative_to(ROOT)}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
