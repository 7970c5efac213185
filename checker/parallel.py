"""Forked worker processes, for the per-document stages and the HTML pages.

Workers are forked after the rule data and models are loaded, so they start
at once and share that memory copy-on-write. The work to do is handed over in
a module global set just before the fork (nothing large is pickled); only
sources and results cross the pipe.
"""
from __future__ import annotations

import multiprocessing
import os
import signal


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _stop(signum, frame):
    # The pool stops its workers with SIGTERM (after Ctrl-C in the parent): unwind
    # as an exception, so that a cache entry being written removes its temporary file.
    raise SystemExit(128 + signum)


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent alone reports it and cleans up
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    # The processes already use every core, and a native thread pool the parent
    # may have started does not survive a fork: lingua reads one text at a time.
    import checker.language

    checker.language.PARALLEL_FROM = float("inf")


def fork_pool(jobs: int):
    """A pool of ``jobs`` forked workers; use it as a context manager, which
    terminates them on any exit, Ctrl-C included."""
    return multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker)
