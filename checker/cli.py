"""The command line: parse options, call the pipeline, map the result to an exit code.

Exit codes: 0 the gate passed; 1 a finding at or above --fail-on (or a file
that could not be checked); 2 a usage or environment error. Only ``main``
exits; the command functions return their status so tests call them directly.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checker import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "rule", "models", "baseline")


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtcheck",
        description="Check articles for machine-translation artifacts and contradicting "
                    "numbers. Other commands: 'mtcheck rules', 'mtcheck rule ID', "
                    "'mtcheck models [prepare]', 'mtcheck baseline create PATH...'. Settings "
                    "come from [tool.mtcheck] in pyproject.toml or mtcheck.yaml (found by "
                    "walking up from the first PATH); options given here override them.",
        epilog="Exit codes: 0 the gate passed, 1 findings at or above --fail-on, "
               "2 usage or environment error.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders (.txt, .md, .html, searched recursively)")
    parser.add_argument("--format", choices=("terminal", "json", "sarif", "github"),
                        default="terminal",
                        help="what to print on standard output: terminal, json (the report "
                             "contract), sarif (SARIF 2.1.0), github (workflow annotations)")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="folder the report files are written to (default: reports)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        default=None, help="lowest severity that fails the gate (default: error)")
    parser.add_argument("--config", metavar="FILE",
                        help="configuration file (default: found by walking up from PATH)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="report only findings not accepted in this baseline file")
    parser.add_argument("--no-cache", action="store_true",
                        help="check every document again, ignoring the result cache")
    parser.add_argument("--changed-only", action="store_true",
                        help="only files changed since HEAD or untracked (git), under PATH")
    parser.add_argument("--files-from", metavar="FILE",
                        help="read more paths from FILE, one per line ('-': standard input)")
    parser.add_argument("--no-lm", action="store_true",
                        help="skip the language-model detector (rules only)")
    parser.add_argument("--rules", metavar="DIR", action="append", default=[],
                        help="extra folder of YAML rule files (repeatable)")
    parser.add_argument("--select", metavar="IDS", default=None,
                        help="comma-separated rule ids or prefixes to run (default: all)")
    parser.add_argument("--ignore", metavar="IDS", default=None,
                        help="comma-separated rule ids or prefixes to skip")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="publication date for articles that do not state one")
    parser.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=0,
                        help="worker processes for the per-document stages (default: one per "
                             "CPU for rules-only runs of 16 files or more; 1: no workers)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.add_argument("--version", action="version", version=f"mtcheck {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return _subcommand(argv[0], argv[1:])
        return check(argv)
    except KeyboardInterrupt:
        print("mtcheck: interrupted; no report was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def check(argv: list[str], *, baseline_out: Path | None = None) -> int:
    parser = _check_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.paths and not args.files_from:
        parser.print_usage(sys.stderr)
        print("mtcheck: error: give at least one PATH (or --files-from FILE)", file=sys.stderr)
        return EXIT_ERROR

    from checker.config import ConfigError, discover_config
    from checker.parallel import WorkerDied
    from checker.pipeline import PipelineError, is_rule_failure, run
    from checker.report import render, spool_json, write_reports
    from checker.report.progress import ProgressBar

    try:
        paths = _paths(args)
        config = discover_config(paths or args.paths, args.config)
        options, out_dir = _options(args, config)
        if args.changed_only:
            paths = _changed(paths)
    except (ConfigError, UsageError) as exc:
        print(f"mtcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if baseline_out is not None:
        from dataclasses import replace

        options = replace(options, baseline=None)  # the baseline records every finding
    problem = _unwritable(out_dir)
    if problem:
        print(f"mtcheck: cannot write the report to {out_dir}/: {problem}", file=sys.stderr)
        return EXIT_ERROR

    progress = None if args.quiet or not sys.stderr.isatty() else ProgressBar(sys.stderr)
    try:
        report = run(paths, options, progress=progress)
    except PipelineError as exc:
        print(f"mtcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if progress:
            progress.close()

    for error in report.errors:
        print(f"mtcheck: {_shown(error.path)}: not checked: {error.message}", file=sys.stderr)
    for notice in report.notices:
        print(f"mtcheck: note: {notice}", file=sys.stderr)
    if baseline_out is not None:
        from checker.suppress import create_baseline

        if any(map(is_rule_failure, report.notices)):
            print("mtcheck: baseline not written: a rule failed (see above)", file=sys.stderr)
            return EXIT_ERROR

        try:
            count = create_baseline(report.documents, baseline_out)
        except OSError as exc:
            print(f"mtcheck: cannot write the baseline {baseline_out}: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_ERROR
        print(f"mtcheck: baseline {baseline_out}: {count} finding(s) in "
              f"{len(report.documents)} document(s) accepted", file=sys.stderr)
        return EXIT_OK
    try:
        # --format json prints the very text report.json holds: render it once
        printed = spool_json(report) if args.format == "json" else None
        write_reports(report, out_dir, jobs=_report_jobs(options), json_file=printed)
    except (OSError, WorkerDied) as exc:
        print(f"mtcheck: cannot write the report to {out_dir}/: "
              f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return EXIT_ERROR
    if printed is not None:
        import shutil

        with printed:
            printed.seek(0)
            shutil.copyfileobj(printed, sys.stdout)
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                           and "NO_COLOR" not in os.environ)
        sys.stdout.write(render(report, args.format, color=color and args.format == "terminal"))
    if any(map(is_rule_failure, report.notices)):
        return EXIT_ERROR
    return EXIT_OK if report.gate.passed else EXIT_FINDINGS


def _report_jobs(options) -> int:
    from checker.parallel import cpu_count

    return options.jobs or cpu_count()


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more: {value!r}")
    return jobs


class UsageError(Exception):
    """Options that cannot work together or a missing input: exit code 2."""


def _options(args, config):
    """RunOptions and the report folder: the command line over the configuration."""
    from checker.core import Severity
    from checker.pipeline import RunOptions

    fail_on = args.fail_on or config.fail_on or "error"
    out_dir = Path(args.out) if args.out else (config.out or Path("reports"))
    baseline = Path(args.baseline) if args.baseline else config.baseline
    options = RunOptions(
        fail_on=None if fail_on == "never" else Severity(fail_on),
        rule_dirs=tuple(config.rules) + tuple(Path(d) for d in args.rules),
        enable=tuple(_ids(args.select)) if args.select is not None else config.select,
        disable=tuple(_ids(args.ignore)) if args.ignore is not None else config.ignore,
        use_lm=False if args.no_lm else (config.lm if config.lm is not None else True),
        date=args.date,
        skip_dirs=(out_dir,),
        severity=dict(config.severity),
        languages=dict(config.languages),
        baseline=baseline,
        cache=not args.no_cache and config.cache is not False,
        jobs=args.jobs,
    )
    return options, out_dir


def _paths(args) -> list[str]:
    paths = list(args.paths)
    if args.files_from:
        try:
            if args.files_from == "-":
                content = sys.stdin.read()
            else:
                content = Path(args.files_from).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--files-from {args.files_from}: cannot read: "
                             f"{getattr(exc, 'strerror', None) or exc}") from None
        separator = "\0" if "\0" in content else "\n"
        paths += [line.rstrip("\r") for line in content.split(separator) if line.strip()]
    return paths


def _changed(paths: list[str]) -> list[str]:
    """The files of ``paths`` that git sees as changed since HEAD, or untracked."""
    import subprocess

    from checker.load import EXTENSIONS

    start = Path(paths[0]) if paths else Path.cwd()
    folder = start if start.is_dir() else start.parent

    def git(*cmd: str, cwd: Path = folder) -> str:
        try:
            done = subprocess.run(["git", *cmd], cwd=cwd, capture_output=True,
                                  text=True, check=False)
        except FileNotFoundError:
            raise UsageError("--changed-only needs git, which is not installed") from None
        if done.returncode != 0:
            if "not a git repository" in done.stderr:
                raise UsageError(f"--changed-only: {folder.resolve()} is not in a git "
                                 f"repository; give the files instead (--files-from FILE)")
            raise UsageError(f"--changed-only: git {' '.join(cmd)} failed: {done.stderr.strip()}")
        return done.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    names = set(git("diff", "--name-only", "-z", "HEAD", cwd=top).split("\0"))
    names |= set(git("ls-files", "--others", "--exclude-standard", "-z", cwd=top).split("\0"))
    roots = [Path(os.path.abspath(p)) for p in (paths or ["."])]
    chosen = []
    for name in sorted(n for n in names if n):
        full = Path(os.path.abspath(top / name))
        if not full.is_file():
            continue  # deleted
        for root in roots:
            if full == root or (root in full.parents and full.suffix.lower() in EXTENSIONS):
                chosen.append(os.path.relpath(full))
                break
    return chosen


def _unwritable(out_dir: Path) -> str | None:
    """Why the report folder cannot be written, found before a long run."""
    for folder in (out_dir, *out_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                return f"{folder} is a file, not a folder"
            if not os.access(folder, os.W_OK | os.X_OK):
                return f"{folder} is not writable"
            return None
    return None


def _shown(path: str) -> str:
    """A path as one printable line (names may hold newlines)."""
    return path.encode("unicode_escape").decode("ascii") if not path.isprintable() else path


def _ids(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _subcommand(name: str, argv: list[str]) -> int:
    if name == "baseline":
        if argv[:1] != ["create"] or len(argv) < 2:
            print("usage: mtcheck baseline create PATH... [--baseline FILE] [check options]",
                  file=sys.stderr)
            return EXIT_ERROR
        return _baseline_create(argv[1:])
    if name == "rules":
        from checker.detectors import REGISTRY, rule_doc

        for cls in REGISTRY:
            doc = rule_doc(cls)
            print(f"{doc.id:28s} {doc.severity:8s} {doc.summary}")
        return EXIT_OK
    if name == "rule":
        from checker.detectors import by_id, rule_doc

        if len(argv) != 1:
            print("usage: mtcheck rule ID", file=sys.stderr)
            return EXIT_ERROR
        cls = by_id().get(argv[0])
        if cls is None:
            print(f"mtcheck: no rule {argv[0]!r}; 'mtcheck rules' lists them", file=sys.stderr)
            return EXIT_ERROR
        sys.stdout.write(rule_doc(cls).render())
        return EXIT_OK
    if name == "models":
        try:
            from checker import models
        except ImportError:
            print("mtcheck: no model support in this installation", file=sys.stderr)
            return EXIT_ERROR
        if argv[:1] == ["prepare"]:
            return models.prepare_command(argv[1] if len(argv) > 1 else "lm")
        if argv:
            print("usage: mtcheck models [prepare [ROLE]]", file=sys.stderr)
            return EXIT_ERROR
        print("\n".join(models.models_status_lines()))
        return EXIT_OK
    raise AssertionError(name)


def _baseline_create(argv: list[str]) -> int:
    """Run the check and record every finding as accepted (exit 0)."""
    from checker.config import ConfigError, discover_config
    from checker.suppress import DEFAULT_BASELINE

    args, _ = _check_parser().parse_known_args(argv)
    target = args.baseline
    if not target:
        try:
            config = discover_config(args.paths, args.config)
        except ConfigError as exc:
            print(f"mtcheck: {exc}", file=sys.stderr)
            return EXIT_ERROR
        target = config.baseline or DEFAULT_BASELINE
    return check(argv, baseline_out=Path(target))
