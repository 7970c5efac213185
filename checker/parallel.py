"""Forked worker processes, for the per-document stages and the HTML pages.

Workers are forked after the rule data and models are loaded, so they start
at once and share that memory copy-on-write. The work to do is handed over in
a module global set just before the fork (nothing large is pickled); only
sources and results cross the pipe.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


class WorkerDied(RuntimeError):
    """A worker process ended without an answer (killed, out of memory, a crash
    in native code): the run stops with this message instead of hanging."""


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _stop(signum, frame):
    # Killed from outside with SIGTERM (or by the pool, when another worker died):
    # unwind as an exception, so that a cache entry being written removes its
    # temporary file; ``_task`` then ends the process.
    raise SystemExit(128 + signum)


def _task(function, item):
    """``function(item)`` in a worker. The pool sends an exception raised by a
    task back as its answer: a worker stopped mid-task by the pool (another one
    died) would block writing it to a pipe no one reads any more, and the
    pool's shutdown, the run and the gate would wait for ever. It ends instead."""
    try:
        return function(item)
    except SystemExit as exc:
        os._exit(exc.code if isinstance(exc.code, int) else 1)


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent alone reports it and cleans up
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    # The processes already use every core, and a native thread pool the parent
    # may have started does not survive a fork: lingua reads one text at a time.
    import checker.language

    checker.language.PARALLEL_FROM = float("inf")


def fork_pool(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` forked workers. A pool, unlike multiprocessing.Pool, notices a
    worker that dies (``ordered_map`` then raises WorkerDied) instead of waiting
    for its answer forever. The processes fork at the first ``ordered_map``."""
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker)


def ordered_map(pool: ProcessPoolExecutor, function, items, chunksize: int = 1):
    """``function`` over ``items`` in the workers; an iterator of the results, in
    order. Every item is taken (and the first ones already worked on) before
    this returns: ``items`` may be a generator that reads the input while the
    workers start. On any exit (the end, an error, Ctrl-C, the caller stopping
    early) the work not yet started is cancelled and the workers end."""
    try:
        results = pool.map(functools.partial(_task, function), items, chunksize=chunksize)
    except BaseException as exc:
        pool.shutdown(wait=True, cancel_futures=True)
        if isinstance(exc, BrokenProcessPool):
            raise _died() from None
        raise
    return _in_turn(pool, results)


def _in_turn(pool: ProcessPoolExecutor, results):
    try:
        yield from results
    except BrokenProcessPool:
        raise _died() from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _died() -> WorkerDied:
    return WorkerDied("a worker process stopped without an answer (killed, or out of "
                      "memory?); run again with --jobs 1 to check in one process")
