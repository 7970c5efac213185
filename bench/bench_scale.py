"""Speed and memory at archive scale: 2,000 articles, about 2 MB.

    python bench/bench_scale.py                 # 2,000 articles, rules-only + full
    python bench/bench_scale.py --files 500     # a smaller corpus
    python bench/bench_scale.py --memory        # also peak memory at 500 vs 2,000 files
    python bench/bench_scale.py --keep DIR      # write the corpus to DIR and keep it

The corpus is generated deterministically (fixed seed) from the seed
articles' sentences, shuffled, mixed with English, French and German news
sentences built from templates, with the debris mtcheck looks for
(spaced hyphens, lower-cased names, repeated boilerplate lines, a paragraph
left in another language) sprinkled in.

Every measured run is the real command line (``python -m checker``) in a
child process; peak memory is that child's ``ru_maxrss`` (``os.wait4``).
Reported per mode: wall time, throughput (MB/s of article text), the start-up
cost (the same command on a single small file) and the sustained throughput
(MB / (wall - start-up)), then the cached second run.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20260101

EN_SUBJECTS = ["The president", "The defence minister", "A senior official", "The army",
               "Local authorities", "The foreign ministry", "Rescue teams", "The mayor of Kyiv",
               "European leaders", "The central bank", "A spokesman for the government",
               "Ukrainian forces", "The Kremlin", "NATO allies", "Aid organisations"]
EN_VERBS = ["said on Monday that", "announced on Tuesday that", "confirmed that",
            "warned that", "told reporters that", "denied reports that", "insisted that"]
EN_CLAUSES = ["{n} drones were shot down overnight", "talks would resume in mid-May",
              "the ceasefire had been violated {n} times", "{n} civilians were evacuated",
              "the budget would rise by {n} percent", "{n} soldiers had been captured",
              "new sanctions would be adopted before the summer",
              "the power grid in the east was damaged again",
              "{n} kilometres of the front line were under fire",
              "a long-term agreement was still possible"]
FR_SUBJECTS = ["Le président", "La ministre de la Défense", "Un haut responsable", "L'armée",
               "Les autorités locales", "Le ministère des Affaires étrangères",
               "Les secouristes", "Le maire de Kiev", "Les dirigeants européens",
               "Le porte-parole du gouvernement", "Les forces ukrainiennes", "Le Kremlin"]
FR_VERBS = ["a déclaré lundi que", "a annoncé mardi que", "a confirmé que", "a averti que",
            "a indiqué aux journalistes que", "a démenti que", "a assuré que"]
FR_CLAUSES = ["{n} drones ont été abattus dans la nuit", "les négociations reprendraient mi-mai",
              "le cessez-le-feu avait été violé {n} fois", "{n} civils ont été évacués",
              "le budget augmenterait de {n} %", "{n} soldats avaient été capturés",
              "de nouvelles sanctions seraient adoptées avant l'été",
              "le réseau électrique de l'est était de nouveau endommagé",
              "{n} kilomètres de front étaient sous le feu"]
DE_SUBJECTS = ["Der Präsident", "Die Verteidigungsministerin", "Ein hoher Beamter",
               "Die Armee", "Die örtlichen Behörden", "Das Außenministerium",
               "Die Rettungskräfte", "Der Bürgermeister von Kiew", "Die europäischen Staatschefs",
               "Ein Regierungssprecher", "Die ukrainischen Streitkräfte", "Der Kreml"]
DE_VERBS = ["sagte am Montag, dass", "kündigte am Dienstag an, dass", "bestätigte, dass",
            "warnte, dass", "erklärte vor Journalisten, dass", "bestritt, dass"]
DE_CLAUSES = ["in der Nacht {n} Drohnen abgeschossen worden seien",
              "die Gespräche Mitte Mai wieder aufgenommen würden",
              "die Waffenruhe {n} Mal gebrochen worden sei", "{n} Zivilisten evakuiert worden seien",
              "der Haushalt um {n} Prozent steigen werde",
              "neue Sanktionen vor dem Sommer beschlossen würden",
              "das Stromnetz im Osten erneut beschädigt worden sei"]
TEMPLATES = {"en": (EN_SUBJECTS, EN_VERBS, EN_CLAUSES), "fr": (FR_SUBJECTS, FR_VERBS, FR_CLAUSES),
             "de": (DE_SUBJECTS, DE_VERBS, DE_CLAUSES)}
BOILERPLATE = {"en": "Read more on our website", "fr": "La suite après cette publicité",
               "de": "Lesen Sie auch unseren Newsletter"}
DEBRIS = {"en": ["in mid -May", "a long -term plan", "the kyiv region"],
          "fr": ["à la mi -mai", "un plan à long -terme", "la région de kiev"],
          "de": ["Mitte -Mai", "eine lang -fristige Lösung", "die region kiew"]}


def _seed_sentences() -> dict[str, list[str]]:
    """Sentences of the seed articles, by the language lingua gives them."""
    sys.path.insert(0, str(ROOT))
    from checker.segment import paragraphs, sentences

    pool: dict[str, list[str]] = {"en": [], "fr": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lang = "en" if path.name.startswith("000") else "fr"
        for start, end in paragraphs(text):
            for span in sentences(text, start, end, lang):
                sentence = text[span.start:span.end].strip()
                if 30 <= len(sentence) <= 400:
                    pool[lang].append(sentence)
    return pool


def _sentence(rng: random.Random, lang: str, pool: dict[str, list[str]]) -> str:
    if pool.get(lang) and rng.random() < 0.5:
        return rng.choice(pool[lang])
    subjects, verbs, clauses = TEMPLATES[lang]
    clause = rng.choice(clauses).format(n=rng.choice([3, 12, 40, 150, 728, 1250, 6000]))
    return f"{rng.choice(subjects)} {rng.choice(verbs)} {clause}."


def generate(directory: Path, count: int, target_bytes: int = 850) -> int:
    """``count`` articles under ``directory`` (in sub-folders by language); total bytes."""
    rng = random.Random(SEED)
    pool = _seed_sentences()
    total = 0
    for i in range(count):
        lang = rng.choices(["en", "fr", "de"], weights=[4, 4, 2])[0]
        paragraphs = [_sentence(rng, lang, pool)[:90].rstrip(" ,;.")]  # a title
        size = len(paragraphs[0])
        while size < target_bytes:
            sents = [_sentence(rng, lang, pool) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.15:
                debris = rng.choice(DEBRIS[lang])
                sents.append(f"{TEMPLATES[lang][0][0]} {TEMPLATES[lang][1][0]} {debris}.")
            paragraph = " ".join(sents)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        if rng.random() < 0.1:  # a paragraph the translation skipped
            other = rng.choice([x for x in ("en", "fr", "de") if x != lang])
            paragraphs.insert(2, " ".join(_sentence(rng, other, {}) for _ in range(3)))
        if rng.random() < 0.1:
            paragraphs.insert(2, BOILERPLATE[lang])
            paragraphs.insert(4, BOILERPLATE[lang])
        text = "\n\n".join(paragraphs) + "\n"
        folder = directory / lang / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"article_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def measure(args: list[str], env: dict[str, str]) -> dict:
    """Wall time, exit code and peak RSS (MB) of one mtcheck run in a child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT, env=env,
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall": wall, "code": proc.returncode, "rss_mb": usage.ru_maxrss / 1024,
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def _lm_available(env: dict[str, str]) -> tuple[bool, str]:
    code = ("import sys\n"
            "try:\n"
            "    from checker import models\n"
            "except ImportError as e:\n"
            "    print('no checker.models:', e); sys.exit(1)\n"
            "check = getattr(models, 'lm_available', None) or getattr(models, 'available', None)\n"
            "if check is None:\n"
            "    print('checker.models has no availability check'); sys.exit(1)\n"
            "try:\n"
            "    ok = check()\n"
            "except Exception as e:\n"
            "    print(e); sys.exit(1)\n"
            "print('available' if ok else 'not prepared'); sys.exit(0 if ok else 1)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip().splitlines()[-1:] and \
        (proc.stdout + proc.stderr).strip().splitlines()[-1] or "unknown"


def _line(label: str, result: dict, mb: float, startup: float | None = None) -> str:
    rate = mb / result["wall"] if result["wall"] else 0.0
    text = (f"  {label:34s} {result['wall']:7.2f} s  {rate:6.2f} MB/s  "
            f"peak {result['rss_mb']:7.1f} MB  exit {result['code']}")
    if startup is not None and result["wall"] > startup:
        text += f"  (sustained {mb / (result['wall'] - startup):.2f} MB/s)"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--memory", action="store_true",
                        help="also measure peak memory with 500 files against --files")
    parser.add_argument("--no-full", action="store_true", help="skip the full (LM) mode")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    corpus = Path(args.keep) if args.keep else work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    total = generate(corpus, args.files)
    mb = total / 1e6
    env = dict(os.environ, MTCHECK_CACHE=str(work / "cache"), PYTHONUNBUFFERED="1")
    print(f"corpus: {args.files} articles, {mb:.2f} MB in {corpus}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s)")
    out = str(work / "reports")
    common = ["--quiet", "--format", "json", "--out", out, "--fail-on", "never"]
    single = next(corpus.rglob("*.txt"))
    try:
        print("rules only (--no-lm):")
        startup = measure([str(single), "--no-lm", "--no-cache", *common], env)
        print(_line("start-up (1 file)", startup, single.stat().st_size / 1e6))
        cold = measure([str(corpus), "--no-lm", "--no-cache", *common], env)
        print(_line("cold, no cache", cold, mb, startup["wall"]))
        _check(cold, args.files)
        fill = measure([str(corpus), "--no-lm", *common], env)
        print(_line("first run, filling the cache", fill, mb, startup["wall"]))
        cached = measure([str(corpus), "--no-lm", *common], env)
        print(_line("second run, cached", cached, mb, startup["wall"]))
        _check(cached, args.files)
        same = json.loads(fill["stdout"]) == json.loads(cached["stdout"])
        print(f"  cached report identical to the uncached one: {same}")

        if args.memory:
            small = work / "corpus500"
            small_mb = generate(small, 500) / 1e6
            print("peak memory against the number of files (rules only, no cache):")
            r500 = measure([str(small), "--no-lm", "--no-cache", *common], env)
            print(_line("500 files", r500, small_mb))
            print(_line(f"{args.files} files", cold, mb))
            findings = sum(sum(d["findings"].values()) for d in [json.loads(cold["stdout"])["summary"]])
            print(f"  growth {cold['rss_mb'] - r500['rss_mb']:+.1f} MB for "
                  f"{args.files - 500} more files ({findings} findings in the larger run)")

        if args.no_full:
            print("full mode: skipped (--no-full)")
        else:
            ok, why = _lm_available(env)
            if not ok:
                print(f"full mode: not measured, the language model is not available ({why})")
            else:
                print("full mode (with the language model):")
                full = measure([str(corpus), "--no-cache", *common], env)
                print(_line("cold, no cache", full, mb))
                fill = measure([str(corpus), *common], env)
                cached = measure([str(corpus), *common], env)
                print(_line("second run, cached", cached, mb))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _check(result: dict, files: int) -> None:
    if result["code"] not in (0, 1):
        print(result["stderr"][-2000:], file=sys.stderr)
        raise SystemExit(f"mtcheck failed with exit code {result['code']}")
    documents = json.loads(result["stdout"])["summary"]["documents"]
    if documents != files:
        raise SystemExit(f"expected {files} documents in the report, got {documents}")


if __name__ == "__main__":
    raise SystemExit(main())
