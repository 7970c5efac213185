"""Language identification: how right, how often lingua is asked, how fast.

    python bench/bench_language.py                     # this tree
    python bench/bench_language.py --against TREE      # and another checkout, side by side

Two measurements, on the stage alone (``checker.language.identify``):

* **Labelled texts.** Translated messages from the gettext catalogs under
  /usr/share/locale (real human translations into each of the twelve
  languages; the English originals for English), 30 letters or more, up to
  1,500 a language, each identified as a one-paragraph document. Reported:
  accuracy against the catalog's language, per language and in all, and how
  many texts lingua was asked about. Catalogs hold some untranslated or
  technical strings, so no identifier reaches 100 %: compare trees, not
  against 1.0.
* **The archive corpus** of ``bench_scale.py`` (2,000 articles) and the seed
  articles: CPU seconds of ``identify``, lingua calls and the characters they
  read, and, against another tree, how many documents and paragraphs get
  another language.

``--against TREE`` runs the same measurement in a child process on TREE (e.g.
``mkdir /tmp/base && git archive HEAD checker | tar -x -C /tmp/base``), so
that both trees see the same texts.
"""
from __future__ import annotations

import argparse
import glob
import gettext
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar")
CATALOG_DIRS = {"pt": ("pt", "pt_BR")}
PER_LANGUAGE = 1500
_LETTER = re.compile(r"[^\W\d_]")
_MARKUP = re.compile(r"%[-+ #0-9.*]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|--?[\w-]+|\\n|_")


def labelled_texts(seed: int = 7) -> list[tuple[str, str]]:
    """(language, text) from the system's gettext catalogs, placeholders removed."""
    found: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        for folder in CATALOG_DIRS.get(lang, (lang,)):
            for path in sorted(glob.glob(f"/usr/share/locale/{folder}/LC_MESSAGES/*.mo")):
                try:
                    with open(path, "rb") as handle:
                        catalog = gettext.GNUTranslations(handle)._catalog
                except Exception:  # noqa: BLE001 - a broken catalog is not ours to mend
                    continue
                for original, translated in catalog.items():
                    if isinstance(original, tuple):
                        original = original[0]
                    if not original or not translated:
                        continue
                    for text, text_lang in ((translated, lang), (original, "en")):
                        for line in text.split("\n"):
                            line = " ".join(_MARKUP.sub(" ", line).split())
                            if len(_LETTER.findall(line)) >= 30:
                                found[text_lang].add(line)
    rng = random.Random(seed)
    texts = []
    for lang in LANGUAGES:
        pool = sorted(found[lang])
        texts += [(lang, t) for t in rng.sample(pool, min(PER_LANGUAGE, len(pool)))]
    return texts


def corpus_documents(work: Path):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_scale import generate

    from checker.load import Source, read_source

    corpus = work / "corpus"
    generate(corpus, 2000)
    paths = sorted(p for p in corpus.rglob("*") if p.is_file())
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    return [read_source(Source(str(p), p))[0] for p in paths]


def measure(args) -> dict:
    """Run in the tree under test: identify everything, count lingua's work."""
    from checker import language
    from checker.core import Document

    asked = {"calls": 0, "chars": 0}
    plain, many = language.confidences, language.confidences_many

    def counted(text):
        asked["calls"] += 1
        asked["chars"] += len(text)
        return plain(text)

    def counted_many(texts):
        asked["calls"] += len(texts)
        asked["chars"] += sum(map(len, texts))
        return many(texts) if len(texts) >= language.PARALLEL_FROM else [plain(t) for t in texts]

    language.confidences, language.confidences_many = counted, counted_many
    language.identify(Document(path="warm.txt", text="Warm up the models, please.\nBitte."))

    out: dict = {}
    labelled = labelled_texts()
    if labelled:
        asked.update(calls=0, chars=0)
        right: dict[str, list[int]] = {}
        for lang, text in labelled:
            got = language.identify(Document(path="t.txt", text=text)).language
            right.setdefault(lang, [0, 0])[0] += got == lang
            right[lang][1] += 1
        out["labelled"] = {"right": right, "lingua": dict(asked)}

    docs = corpus_documents(Path(args.work))
    asked.update(calls=0, chars=0)
    start = time.process_time()
    identified = [language.identify(d) for d in docs]
    cpu = time.process_time() - start
    out["corpus"] = {
        "documents": len(docs), "cpu": cpu, "lingua": dict(asked),
        "languages": {d.path: [d.language, [[s.start, s.end, s.language] for s in d.segments]]
                      for d in identified}}
    return out


def _child(tree: Path, work: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        env = dict(os.environ, PYTHONPATH=str(tree))
        subprocess.run([sys.executable, __file__, "--child", result.name, "--work", str(work)],
                       cwd=ROOT, env=env, check=True)
        return json.loads(Path(result.name).read_text(encoding="utf-8"))


def _report(name: str, result: dict) -> None:
    print(f"{name}:")
    if "labelled" in result:
        right = result["labelled"]["right"]
        total = sum(r for r, _ in right.values()), sum(n for _, n in right.values())
        per = "  ".join(f"{lang} {r / n:.3f}" for lang, (r, n) in right.items())
        lingua = result["labelled"]["lingua"]
        print(f"  labelled texts: accuracy {total[0] / total[1]:.4f} of {total[1]}; lingua asked "
              f"{lingua['calls']} times")
        print(f"    {per}")
    else:
        print("  labelled texts: no gettext catalogs under /usr/share/locale")
    corpus = result["corpus"]
    print(f"  corpus ({corpus['documents']} documents): identify {corpus['cpu']:.2f} s CPU; "
          f"lingua asked {corpus['lingua']['calls']} times, {corpus['lingua']['chars']:,} chars")


def _differences(a: dict, b: dict) -> tuple[int, int, int]:
    docs = paragraphs = total = 0
    for path, (lang, segments) in a["corpus"]["languages"].items():
        other_lang, other_segments = b["corpus"]["languages"][path]
        docs += lang != other_lang
        theirs = {(s, e): l for s, e, l in other_segments}
        for s, e, l in segments:
            total += 1
            paragraphs += theirs.get((s, e)) != l
    return docs, paragraphs, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="TREE", help="another checkout to compare with")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, os.environ.get("PYTHONPATH", str(ROOT)))
        Path(args.child).write_text(json.dumps(measure(args)), encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory(prefix="mtcheck-lang-") as work:
        mine = _child(ROOT, Path(work))
        _report(f"this tree ({ROOT})", mine)
        if args.against:
            theirs = _child(Path(args.against).resolve(), Path(work))
            _report(f"against {args.against}", theirs)
            docs, paragraphs, total = _differences(mine, theirs)
            ratio = theirs["corpus"]["cpu"] / mine["corpus"]["cpu"]
            print(f"corpus: {docs} documents and {paragraphs} of {total} paragraphs get another "
                  f"language; identify {ratio:.2f}x faster here")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
