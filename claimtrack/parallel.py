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
from typing import TypeVar

from .errors import ClaimtrackError
from .extract import Lexicon
from .inputs import Rejection, Report, claim_rows_for

T = TypeVar("T")

# A chunk holds up to this much text (characters) or this many reports. About 0.1 s of
# extraction: enough to make the cost of sending it negligible, small enough that an
# interrupt does not wait long for the chunks in flight.
CHUNK_CHARS = 128_000
CHUNK_REPORTS = 256
# Chunks in flight per worker: one being extracted and a few waiting, so that no worker
# idles while the main process stores or extracts (4 instead of 2: --jobs 2 4 % faster).
IN_FLIGHT_PER_JOB = 4

_lexicon: Lexicon | None = None


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
) -> Iterator[tuple[T, list[dict] | Rejection | None]]:
    """Each item with the claim rows of its report, in input order.

    Args:
        items: anything; ``report_of(item)`` gives the report to extract, or None for an
            item that passes through unextracted (with None as its rows).
        jobs: processes that extract, this one included (``jobs - 1`` workers); with 1,
            or when all the items fit in one chunk, extraction runs in this process and no
            pool is started. It then extracts a chunk's reports before it yields the first
            of them too: a caller that stores them gets them in runs, and an ingest runs
            11 % faster (tests/perf/bench.py) when extraction and storage each keep their
            code and data in the processor's caches for a run.

    Yields:
        ``(item, rows)``; rows is a :class:`Rejection` when extraction raised on the report.
        Closing the generator early drops the chunks not started; the workers finish the
        ones they hold (a fraction of a second) and exit.

    Raises:
        ClaimtrackError: a worker process died (killed, out of memory).
    """
    chunks = _chunks(items, report_of, chunk_chars)
    if jobs <= 1:
        for chunk in chunks:
            yield from _in_process(chunk, lexicon)
        return
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: a pool would cost more than it saves
        yield from _in_process(first, lexicon)
        return
    yield from _pooled([first, second], chunks, lexicon, jobs)


def _extract_one(report: Report, lexicon: Lexicon | None) -> list[dict] | Rejection:
    try:
        return claim_rows_for(report, lexicon)
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


def _in_process(chunk: tuple[list[T], list[int], list[Report]], lexicon: Lexicon | None
                ) -> Iterator[tuple[T, list[dict] | Rejection | None]]:
    batch, positions, reports = chunk
    yield from _merge(batch, positions, [_extract_one(r, lexicon) for r in reports])


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
        self.results: list[list[dict] | Rejection] = []

    def step(self, lexicon: Lexicon | None) -> bool:
        """Extract the next report; false when all are done."""
        if len(self.results) == len(self.reports):
            return False
        self.results.append(_extract_one(self.reports[len(self.results)], lexicon))
        return True

    def finish(self, lexicon: Lexicon | None) -> list[list[dict] | Rejection]:
        while self.step(lexicon):
            pass
        return self.results


def _pooled(head: list, chunks: Iterator, lexicon: Lexicon | None, jobs: int) -> Iterator:
    """The chunks' results in input order, extracted by ``jobs`` processes: a pool of
    ``jobs - 1`` workers and this one, which stores the results as well.

    Whenever the chunk next in line is not back from its worker, this process extracts a
    report of a later chunk instead of waiting, so it takes on as much of the extraction as
    storing leaves it time for. (With a pool of ``jobs`` workers, three busy processes on
    two cores spent a sixth of their time on sharing them.)
    """
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    workers = jobs - 1
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(lexicon, os.getpid()))
    _widen_result_pipe(pool)
    # Each entry: the chunk's items, the positions of its reports, and its results to come:
    # a worker's Future, a chunk this process extracts, or None (nothing to extract).
    in_flight: deque[tuple[list, list[int], Future | _Local | None]] = deque()
    pending = 0  # entries waiting for a worker
    local: _Local | None = None  # the chunk this process is extracting between looks

    def submit(chunk) -> None:
        nonlocal pending
        batch, positions, reports = chunk
        future = pool.submit(_extract_chunk, reports) if reports else None
        pending += future is not None
        in_flight.append((batch, positions, future))

    try:
        for chunk in head:
            submit(chunk)
        exhausted = False
        while in_flight:
            while not exhausted and pending < workers * IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    submit(chunk)
            work = in_flight[0][2]
            if isinstance(work, Future) and not work.done():
                if local is not None and local.step(lexicon):
                    continue
                if not exhausted and len(in_flight) < (workers + 1) * IN_FLIGHT_PER_JOB:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                    else:
                        batch, positions, reports = chunk
                        local = _Local(reports)
                        in_flight.append((batch, positions, local))
                    continue
                # nothing more to take on: wait for the worker
            batch, positions, work = in_flight.popleft()
            if isinstance(work, Future):
                pending -= 1
                results = work.result()
            elif isinstance(work, _Local):
                results = work.finish(lexicon)
                if work is local:
                    local = None
            else:
                results = []
            yield from _merge(batch, positions, results)
    except BrokenProcessPool:  # from a result, or from submitting to the broken pool
        raise ClaimtrackError(
            "an extraction worker died (out of memory?); what was stored stays "
            "stored: run the same command again, with --jobs 1 to use less memory"
        ) from None
    finally:
        # On an interrupt, the chunks not started are dropped; those being extracted finish
        # (a tenth of a second or so) and their results are thrown away.
        pool.shutdown(wait=True, cancel_futures=True)


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


def _init_worker(lexicon: Lexicon | None, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the main process decides what to do, and a
    # worker must neither stop on its own nor print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    global _lexicon
    _lexicon = lexicon


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


def _extract_chunk(reports: list[Report]) -> list[list[dict] | Rejection]:
    return [_extract_one(report, _lexicon) for report in reports]
