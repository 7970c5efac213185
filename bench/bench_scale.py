"""Speed and memory at archive scale: 2,000 articles, about 2 MB.

    python bench/bench_scale.py                 # 2,000 articles, rules-only + full
    python bench/bench_scale.py --files 500     # a smaller corpus
    python bench/bench_scale.py --memory        # also peak memory at 500 vs 2,000 files
                                                #   (workers and -j 1) and report writing time
    python bench/bench_scale.py --keep DIR      # write the corpus to DIR and keep it

The corpus is generated deterministically (fixed seed) from the seed
articles' sentences, shuffled, mixed with English, French and German news
sentences built from templates, with the debris mtcheck looks for
(spaced hyphens, lower-cased names, repeated boilerplate lines, a paragraph
left in another language) sprinkled in. Like a newsroom archive it spans
time (two years, about three articles a day) and mixes formats: Markdown with a
dated front matter, HTML with a publication-date meta tag, and undated plain
text (one in ten).

Every measured run is the real command line (``python -m checker``) in a
child process; peak memory is that child's ``ru_maxrss`` (``os.wait4``).
Reported per mode: wall time, throughput (MB/s of article text), the start-up
cost (the same command on a single small file) and the sustained throughput
(MB / (wall - start-up)), then the cached second run.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
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
    """``count`` articles under ``directory`` (in sub-folders by language); total bytes.

    The bytes are the files' (markup included), the figure throughput is quoted in."""
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
        # an archive spans time: about three articles a day over two years, most
        # of them dated (Markdown front matter or an HTML meta tag), some not
        day = date(2024, 1, 1) + timedelta(days=i * 730 // count + rng.randint(0, 1))
        kind = rng.choices(["md", "html", "txt"], weights=[5, 4, 1])[0]
        body = "\n\n".join(paragraphs) + "\n"
        if kind == "md":
            text = f"---\ntitle: {paragraphs[0]}\ndate: {day.isoformat()}\n---\n\n{body}"
        elif kind == "html":
            text = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                    f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">'
                    f"<title>{html.escape(paragraphs[0])}</title></head><body><article>"
                    + "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
                    + "</article></body></html>\n")
        else:
            text = body
        folder = directory / lang / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"article_{i:05d}.{kind}").write_bytes(data)
        total += len(data)
    return total


def measure(args: list[str], env: dict[str, str]) -> dict:
    """Wall time, exit code, peak RSS of the largest process (MB) and, on Linux,
    the peak of the whole process tree's PSS (MB: the workers' memory counted,
    pages they share counted once) of one mtcheck run in a child process."""
    import threading

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT, env=env,
                                stdout=out, stderr=err)
        tree_peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                tree_peak[0] = max(tree_peak[0], _tree_pss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall": wall, "code": proc.returncode, "rss_mb": usage.ru_maxrss / 1024,
                "tree_mb": tree_peak[0] / 1024,
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def _tree_pss_kb(pid: int) -> int:
    """PSS of ``pid`` and its descendants, in kB (0 where /proc does not tell)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as rollup:
                total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as children:
                todo += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _lm_available(env: dict[str, str]) -> tuple[bool, str]:
    """Whether the LM detector can run here (installed and prepared), and why not."""
    code = ("import sys\n"
            "try:\n"
            "    from checker.models import status\n"
            "    info = status('lm')\n"
            "except Exception as e:\n"
            "    print(f'{type(e).__name__}: {e}'); sys.exit(1)\n"
            "ok = info.get('installed') and info.get('prepared')\n"
            "print('prepared' if ok else f\"installed={info.get('installed')} "
            "prepared={info.get('prepared')}\"); sys.exit(0 if ok else 1)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return proc.returncode == 0, lines[-1] if lines else "unknown"


def _line(label: str, result: dict, mb: float, startup: float | None = None) -> str:
    rate = mb / result["wall"] if result["wall"] else 0.0
    text = (f"  {label:34s} {result['wall']:7.2f} s  {rate:6.2f} MB/s  "
            f"peak {result['rss_mb']:7.1f} MB (all processes {result.get('tree_mb', 0):6.0f} MB)  "
            f"exit {result['code']}")
    if startup is not None and result["wall"] > startup:
        text += f"  (sustained {mb / (result['wall'] - startup):.2f} MB/s)"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--memory", action="store_true",
                        help="also measure peak memory with 500 files against --files, with "
                             "workers and in one process, and the time the reports take")
    parser.add_argument("--no-full", action="store_true", help="skip the full (LM) mode")
    parser.add_argument("--full-files", type=int, default=200, metavar="N",
                        help="articles for the full (LM) mode, which is far slower (default 200)")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    parser.add_argument("--stages", type=int, metavar="N", default=0,
                        help="also time each stage and detector in process over N articles")
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
    single = next(corpus.rglob("*.md"))
    if args.stages:
        stages(corpus, args.stages)
    try:
        print("rules only (--no-lm):")
        startup = measure([str(single), "--no-lm", "--no-cache", *common], env)
        print(_line("start-up (1 file)", startup, single.stat().st_size / 1e6))
        cold = measure([str(corpus), "--no-lm", "--no-cache", *common], env)
        print(_line(f"cold, no cache ({os.cpu_count()} workers)", cold, mb, startup["wall"]))
        _check(cold, args.files)
        serial = measure([str(corpus), "--no-lm", "--no-cache", "--jobs", "1", *common], env)
        print(_line("cold, no cache, one process (-j 1)", serial, mb, startup["wall"]))
        _check(serial, args.files)
        print(f"  workers: {serial['wall'] / cold['wall']:.2f}x faster than one process; "
              f"same report: {json.loads(serial['stdout']) == json.loads(cold['stdout'])}")
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
            findings = sum(json.loads(cold["stdout"])["summary"]["findings"].values())
            print(f"peak memory against the number of files (rules only, no cache; "
                  f"{findings} findings in the larger run):")
            for label, jobs, large in ((f"{os.cpu_count()} workers", [], cold),
                                       ("one process (-j 1)", ["--jobs", "1"], serial)):
                r500 = measure([str(small), "--no-lm", "--no-cache", *jobs, *common], env)
                print(_line(f"500 files, {label}", r500, small_mb))
                print(_line(f"{args.files} files, {label}", large, mb))
                growth = large["rss_mb"] - r500["rss_mb"]
                tree = large.get("tree_mb", 0) - r500.get("tree_mb", 0)
                print(f"  growth {growth:+.1f} MB ({growth / r500['rss_mb']:+.0%}) for "
                      f"{args.files - 500} more files; all processes {tree:+.0f} MB")
            checking, writing = report_writing(corpus, work / "timed-reports", env)
            print(f"report writing, {args.files} files, one process: {writing:.2f} s "
                  f"(report.json and every HTML page) after {checking:.1f} s of checking")

        if args.no_full:
            print("full mode: skipped (--no-full)")
        else:
            # the model is prepared under the user's cache: the real environment here
            env = dict(os.environ, PYTHONUNBUFFERED="1")
            ok, why = _lm_available(env)
            if not ok:
                print(f"full mode: not measured, the language model is not available ({why})")
            else:
                subset = sorted(p for p in corpus.rglob("*") if p.is_file())[::max(1, args.files // args.full_files)]
                subset = subset[:args.full_files]
                listing = work / "full-files.txt"
                listing.write_text("".join(f"{p}\n" for p in subset), encoding="utf-8")
                sub_mb = sum(p.stat().st_size for p in subset) / 1e6
                print(f"full mode (with the language model), {len(subset)} articles, "
                      f"{sub_mb:.2f} MB:")
                files = ["--files-from", str(listing)]
                full = measure([*files, "--no-cache", *common], env)
                print(_line("cold, no cache", full, sub_mb))
                _check(full, len(subset))
                notes = [l for l in full["stderr"].splitlines() if "note:" in l]
                for note in notes[:3]:
                    print(f"    {note}")
                measure([*files, *common], env)
                cached = measure([*files, *common], env)
                print(_line("second run, cached", cached, sub_mb))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


_TIMED_RUN = """
import sys, time
from pathlib import Path
from checker.pipeline import RunOptions, run
from checker.report import spool_json, write_reports
start = time.perf_counter()
report = run([sys.argv[1]], RunOptions(use_lm=False, fail_on=None, jobs=1))
checked = time.perf_counter()
write_reports(report, Path(sys.argv[2]), jobs=1, json_file=spool_json(report))
print(checked - start, time.perf_counter() - checked)
"""


def report_writing(corpus: Path, out: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds of checking and of writing the reports (as the command line writes
    them for --format json), in one child process."""
    proc = subprocess.run([sys.executable, "-c", _TIMED_RUN, str(corpus), str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True)
    checking, writing = map(float, proc.stdout.split())
    return checking, writing


def stages(corpus: Path, limit: int = 400) -> None:
    """In-process seconds per stage and per detector over ``limit`` articles (rules only):
    where the time goes, for whoever optimises next."""
    sys.path.insert(0, str(ROOT))
    from checker import pipeline
    from checker.detectors import CheckContext, select
    from checker.language import identify
    from checker.load import Source, read_source
    from checker.rules import RuleBook
    from checker.segment import segment

    t0 = time.perf_counter()
    ctx = CheckContext(rulebook=RuleBook.load(), options={"no_lm": True})
    detectors = [d for d in select() if getattr(d, "detector", "") != "lm"]
    for d in detectors:
        if hasattr(d, "prepare"):
            d.prepare(ctx)
    for warm in ("Warm up the language models, please.", "Le réseau électrique a été endommagé.",
                 "Der Präsident sagte am Montag, dass die Gespräche weitergehen."):
        identify(pipeline.Document(path="warm.txt", text=warm))  # lingua loads models lazily
    timing: dict[str, float] = {"start-up (rules, models)": time.perf_counter() - t0}

    def add(name: str, since: float) -> float:
        now = time.perf_counter()
        timing[name] = timing.get(name, 0.0) + now - since
        return now

    files = sorted(p for p in corpus.rglob("*") if p.is_file())[:limit]
    size = 0
    docs, groups = [], []
    for path in files:
        t = time.perf_counter()
        doc, _ = read_source(Source(str(path), path))
        size += len(doc.text.encode())
        t = add("load", t)
        doc = identify(doc)
        t = add("language", t)
        doc = segment(doc)
        t = add("segment", t)
        findings = []
        for d in detectors:
            if d.applies_to(doc):
                findings.extend(d.check(doc, ctx))
            t = add(f"detector {d.id}", t)
        records, claims = pipeline._claims(doc)
        t = add("claims", t)
        docs.append(pipeline.DocumentResult(doc, tuple(findings), claims))
        groups.append(records)
    t = time.perf_counter()
    pipeline._cross_document(docs, groups)
    add("cross-document", t)
    total = sum(v for k, v in timing.items() if not k.startswith("start-up"))
    print(f"stages over {len(files)} articles ({size / 1e6:.2f} MB, in process, rules only):")
    for name, seconds in sorted(timing.items(), key=lambda kv: -kv[1]):
        print(f"  {name:40s} {seconds:7.2f} s  {size / 1e6 / seconds if seconds else 0:8.2f} MB/s")
    print(f"  {'all per-document stages':40s} {total:7.2f} s  {size / 1e6 / total:8.2f} MB/s")


def _check(result: dict, files: int) -> None:
    if result["code"] not in (0, 1):
        print(result["stderr"][-2000:], file=sys.stderr)
        raise SystemExit(f"mtcheck failed with exit code {result['code']}")
    documents = json.loads(result["stdout"])["summary"]["documents"]
    if documents != files:
        raise SystemExit(f"expected {files} documents in the report, got {documents}")


if __name__ == "__main__":
    raise SystemExit(main())
