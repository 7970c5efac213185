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
SUBCOMMANDS = ("rules", "rule", "models")


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtcheck",
        description="Check articles for machine-translation artifacts and contradicting "
                    "numbers. Other commands: 'mtcheck rules', 'mtcheck rule ID', "
                    "'mtcheck models [prepare]'.",
        epilog="Exit codes: 0 the gate passed, 1 findings at or above --fail-on, "
               "2 usage or environment error.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (.txt, .md, .html, searched recursively)")
    parser.add_argument("--format", choices=("terminal", "json"), default="terminal",
                        help="what to print on standard output (default: terminal)")
    parser.add_argument("--out", metavar="DIR", default="reports",
                        help="folder the report files are written to (default: reports)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        default="error", help="lowest severity that fails the gate")
    parser.add_argument("--no-lm", action="store_true",
                        help="skip the language-model detector (rules only)")
    parser.add_argument("--rules", metavar="DIR", action="append", default=[],
                        help="extra folder of YAML rule files (repeatable)")
    parser.add_argument("--select", metavar="IDS", default="",
                        help="comma-separated rule ids or prefixes to run (default: all)")
    parser.add_argument("--ignore", metavar="IDS", default="",
                        help="comma-separated rule ids or prefixes to skip")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="publication date for articles that do not state one")
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


def check(argv: list[str]) -> int:
    parser = _check_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)

    from checker.core import Severity
    from checker.pipeline import PipelineError, RunOptions, run
    from checker.report import render, write_reports
    from checker.report.progress import ProgressBar

    out_dir = Path(args.out)
    options = RunOptions(
        fail_on=None if args.fail_on == "never" else Severity(args.fail_on),
        rule_dirs=tuple(Path(d) for d in args.rules),
        enable=tuple(_ids(args.select)),
        disable=tuple(_ids(args.ignore)),
        use_lm=not args.no_lm,
        date=args.date,
        skip_dirs=(out_dir,),
    )
    progress = None if args.quiet or not sys.stderr.isatty() else ProgressBar(sys.stderr)
    try:
        report = run(args.paths, options, progress=progress)
    except PipelineError as exc:
        print(f"mtcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if progress:
            progress.close()

    for error in report.errors:
        print(f"mtcheck: {error.path}: not checked: {error.message}", file=sys.stderr)
    for notice in report.notices:
        print(f"mtcheck: note: {notice}", file=sys.stderr)
    try:
        write_reports(report, out_dir)
    except OSError as exc:
        print(f"mtcheck: cannot write the report to {out_dir}/: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                       and "NO_COLOR" not in os.environ)
    sys.stdout.write(render(report, args.format, color=color and args.format == "terminal"))
    return EXIT_OK if report.gate.passed else EXIT_FINDINGS


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _subcommand(name: str, argv: list[str]) -> int:
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
