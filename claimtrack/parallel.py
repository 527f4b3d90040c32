"""Extraction in worker processes, results in input order (``ingest --jobs N``).

The main process reads the inputs and sends chunks of reports to a pool of workers; each
worker runs the pure :func:`claimtrack.inputs.claim_rows_for` and sends the claim rows
back. The main process is one of the ``jobs`` that extract: it takes a chunk itself
whenever the next one in line is not back yet. Results come out in input order, whatever
order the chunks finish in, so the single writer stores reports with the same ids as a
one-process run. At most a few chunks are in flight at a time: memory does not grow with
the size of the input.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

from .errors import ClaimtrackError
from .extract import Lexicon
from .inputs import Rejection, Report, claim_rows_for

T = TypeVar("T")
R = TypeVar("R")

# A chunk holds up to this much text (characters) or this many reports. About 0.1 s of
# extraction: enough to make the cost of sending it negligible, small enough that an
# interrupt does not wait long for the chunks in flight.
CHUNK_CHARS = 128_000
CHUNK_REPORTS = 256
# Chunks read ahead per process that extracts, so that work is at hand for this one and the
# workers alike (4 instead of 2: --jobs 2 4 % faster).
IN_FLIGHT_PER_JOB = 4
# Chunks handed to each worker ahead: one being extracted and two waiting, enough to last
# while this process stores a chunk. The rest of those read ahead stay free for whichever
# process is idle first.
QUEUED_PER_WORKER = 3

_claims_of: Callable | None = None  # a worker's extract(report), set as it starts


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def extracted(
    items: Iterable[T],
    report_of: Callable[[T], Report | None],
    *,
    lexicon: Lexicon | None = None,
    jobs: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    extract: Callable[[Report, Lexicon | None], R] = claim_rows_for,
) -> Iterator[tuple[T, R | Rejection | None]]:
    """Each item with the claims of its report, in input order.

    Args:
        items: anything; ``report_of(item)`` gives the report to extract, or None for an
            item that passes through unextracted (with None as its rows).
        extract: what a report's claims are made into, ``extract(report, lexicon)``: a
            top-level function (the workers get it by name where they are not forked).
        jobs: processes that extract, this one included (``jobs - 1`` workers); with 1,
            or when all the items fit in one chunk, extraction runs in this process and no
            pool is started. It then extracts a chunk's reports before it yields the first
            of them too: a caller that stores them gets them in runs, and an ingest runs
            11 % faster (tests/perf/bench.py) when extraction and storage each keep their
            code and data in the processor's caches for a run.

    Yields:
        ``(item, rows)``: what ``extract`` returned, or a :class:`Rejection` when it raised.
        Closing the generator early drops the chunks not started; the workers finish the
        ones they hold (a fraction of a second) and exit.

    Raises:
        ClaimtrackError: a worker process died (killed, out of memory).
    """
    chunks = _chunks(items, report_of, chunk_chars)
    claims_of = partial(extract, lexicon=lexicon)
    if jobs <= 1:
        for chunk in chunks:
            yield from _in_process(chunk, claims_of)
        return
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: a pool would cost more than it saves
        yield from _in_process(first, claims_of)
        return
    yield from _pooled([first, second], chunks, claims_of, jobs)


def _extract_one(report: Report, claims_of: Callable[[Report], R]) -> R | Rejection:
    try:
        return claims_of(report)
    except Exception as e:  # a bug on one odd text should not lose the rest of an archive
        return Rejection(report.name, f"extraction failed: {type(e).__name__}: {e}")


def _chunks(items: Iterable[T], report_of: Callable[[T], Report | None], chunk_chars: int
            ) -> Iterator[tuple[list[T], list[int], list[Report]]]:
    """Items grouped into chunks: (items, positions of the reports to extract, reports)."""
    batch: list[T] = []
    positions: list[int] = []
    reports: list[Report] = []
    size = 0
    for item in items:
        report = report_of(item)
        if report is not None:
            positions.append(len(batch))
            reports.append(report)
            size += len(report.text)
        batch.append(item)
        if size >= chunk_chars or len(reports) >= CHUNK_REPORTS \
                or len(batch) >= 4 * CHUNK_REPORTS:  # a long run of duplicates
            yield batch, positions, reports
            batch, positions, reports, size = [], [], [], 0
    if batch:
        yield batch, positions, reports


def _in_process(chunk: tuple[list[T], list[int], list[Report]], claims_of: Callable
                ) -> Iterator[tuple[T, object]]:
    batch, positions, reports = chunk
    yield from _merge(batch, positions, [_extract_one(r, claims_of) for r in reports])


def _merge(batch: list[T], positions: list[int], results: list) -> Iterator[tuple[T, object]]:
    rows: list = [None] * len(batch)
    for position, result in zip(positions, results):
        rows[position] = result
    yield from zip(batch, rows)


class _Local:
    """A chunk this process extracts itself, a report at a time between looks at the pool."""

    __slots__ = ("reports", "results")

    def __init__(self, reports: list[Report]):
        self.reports = reports
        self.results: list = []

    def step(self, claims_of: Callable) -> bool:
        """Extract the next report; false when all are done."""
        if len(self.results) == len(self.reports):
            return False
        self.results.append(_extract_one(self.reports[len(self.results)], claims_of))
        return True

    def finish(self, claims_of: Callable) -> list:
        while self.step(claims_of):
            pass
        return self.results


class _InFlight:
    """A chunk read from the input: its items, where its reports are among them, and who
    extracts it: a worker (a Future), this process (a _Local), or nobody yet (None)."""

    __slots__ = ("batch", "positions", "reports", "work")

    def __init__(self, chunk: tuple[list, list[int], list[Report]]):
        self.batch, self.positions, self.reports = chunk
        self.work: Future | _Local | None = None if self.reports else _Local([])


def _pooled(head: list, chunks: Iterator, claims_of: Callable, jobs: int) -> Iterator:
    """The chunks' results in input order, extracted by ``jobs`` processes: a pool of
    ``jobs - 1`` workers and this one, which stores the results as well.

    Chunks are read ahead, and a chunk goes to a worker only when the worker's queue runs
    short. Whenever the chunk next in line is not back from its worker, this process
    extracts the latest chunk nobody has taken, a report at a time between looks at the
    pool, so it takes on as much of the extraction as storing leaves it time for, and at the
    end of the input it shares the last chunks out instead of waiting for a worker to
    extract them one after the other. (With a pool of ``jobs`` workers, three busy
    processes on two cores spent a sixth of their time on sharing them.)
    """
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    workers = jobs - 1
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(claims_of, os.getpid()))
    _widen_result_pipe(pool)
    in_flight: deque[_InFlight] = deque(map(_InFlight, head))
    local: _Local | None = None  # the chunk this process is extracting between looks
    exhausted = False
    try:
        while in_flight:
            # The workers get their chunks before more are read: at the start, the first
            # reaches a worker while this process reads the rest.
            _feed_workers(pool, in_flight, workers * QUEUED_PER_WORKER)
            while not exhausted and len(in_flight) < jobs * IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    in_flight.append(_InFlight(chunk))
            first = in_flight[0]
            if first.work is None:  # its turn has come: extracted here rather than waited for
                first.work = _Local(first.reports)
            elif isinstance(first.work, Future) and not first.work.done():
                if local is not None and local.step(claims_of):
                    continue
                local = _latest_untaken(in_flight)
                if local is not None:
                    continue
                # nothing more to take on: wait for the worker
            work = in_flight.popleft().work
            results = work.finish(claims_of) if isinstance(work, _Local) else work.result()
            yield from _merge(first.batch, first.positions, results)
    except BrokenProcessPool:  # from a result, or from submitting to the broken pool
        raise ClaimtrackError(
            "an extraction worker died (out of memory?); what was stored stays "
            "stored: run the same command again, with --jobs 1 to use less memory"
        ) from None
    finally:
        # On an interrupt, the chunks not started are dropped; those being extracted finish
        # (a tenth of a second or so) and their results are thrown away.
        pool.shutdown(wait=True, cancel_futures=True)


def _feed_workers(pool: ProcessPoolExecutor, in_flight: deque[_InFlight], queued: int) -> None:
    """Hand the earliest untaken chunks to the workers until ``queued`` chunks are theirs.

    A chunk handed over stays the workers': none is taken back with ``Future.cancel``. (On
    Python 3.11, a worker dying while a cancelled chunk is still in the executor leaves every
    other chunk without a result, and ingest waiting forever.)
    """
    theirs = sum(isinstance(entry.work, Future) and not entry.work.done()
                 for entry in in_flight)
    for entry in in_flight:
        if theirs >= queued:
            return
        if entry.work is None:
            entry.work = pool.submit(_extract_chunk, entry.reports)
            theirs += 1


def _latest_untaken(in_flight: deque[_InFlight]) -> _Local | None:
    """The latest chunk that nobody extracts yet, now this process's; or None."""
    for entry in reversed(in_flight):
        if entry.work is None:
            entry.work = _Local(entry.reports)
            return entry.work
    return None


def _widen_result_pipe(pool: ProcessPoolExecutor) -> None:
    """Let a worker send a chunk's claim rows (about 200 KB) in one write.

    Through the default 64 KB pipe a worker waits for each 64 KB to be read, and this
    process reads only when its reading thread gets the interpreter lock from the main
    thread, which extracts and stores meanwhile: the worker stood idle a fifth of the time
    (measured: --jobs 2 about 10 % faster with 1 MB). A best effort: Linux only, and the pipe
    is reached through CPython's private attributes; anything unexpected leaves it as it is.
    """
    try:
        import fcntl

        set_size = fcntl.F_SETPIPE_SZ  # Linux
        queue = pool._result_queue  # type: ignore[attr-defined]
        for end in (queue._reader, queue._writer):
            fcntl.fcntl(end.fileno(), set_size, 1 << 20)
    except (ImportError, AttributeError, OSError, ValueError):
        return


def _init_worker(claims_of: Callable, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the main process decides what to do, and a
    # worker must neither stop on its own nor print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    global _claims_of
    _claims_of = claims_of


def _die_with_parent(parent: int) -> None:
    """Ask Linux to end this worker when the main process dies, even by SIGKILL."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def _extract_chunk(reports: list[Report]) -> list:
    return [_extract_one(report, _claims_of) for report in reports]
