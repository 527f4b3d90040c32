"""Extraction in worker processes, results in input order (``ingest --jobs N``).

The main process reads the inputs and sends chunks of reports to worker processes, each
through a pipe of its own; a worker runs the pure extraction (``ingest`` uses
:func:`claimtrack.db.claim_values_for`) and sends the claims back through another. The
main process is one of the ``jobs`` that extract: it takes a chunk itself
whenever the next one in line is not back yet. Results come out in input order, whatever
order the chunks finish in, so the single writer stores reports with the same ids as a
one-process run. At most a few chunks are in flight at a time: memory does not grow with
the size of the input.
"""
from __future__ import annotations

import errno
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TypeVar

from .errors import CrashError
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

# File descriptors a worker holds in this process: its two pipes and its sentinel; two more
# while it starts. Some are kept back for SQLite (the database, its -wal, -shm and journal),
# the input being read, and the modules imported on the way.
FDS_PER_WORKER = 3
FDS_TO_START = 2
FDS_KEPT_BACK = 24


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def usable_jobs(requested: int | None = None) -> int:
    """The processes that may extract: ``requested`` (default: one per core), at most one
    per core (more only take turns on them) and as many as the open-file limit lets this
    process talk to (:func:`max_workers`)."""
    return max(1, min(requested or default_jobs(), default_jobs(), 1 + max_workers()))


def max_workers() -> int:
    """How many worker processes the file descriptors left to this process allow
    (``ulimit -n``), or a large number where the system does not say."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        in_use = len(os.listdir("/proc/self/fd" if os.path.isdir("/proc/self/fd")
                                else "/dev/fd"))
    except (ImportError, OSError, ValueError):
        return 1 << 16
    if soft == resource.RLIM_INFINITY:
        return 1 << 16
    return max(0, (soft - in_use - FDS_KEPT_BACK - FDS_TO_START) // FDS_PER_WORKER)


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
        jobs: processes that extract, this one included (``jobs - 1`` workers, fewer
            when the open-file limit allows fewer: :func:`max_workers`); with 1, or when
            all the items fit in one chunk, extraction runs in this process and no pool is
            started. It then extracts a chunk's reports before it yields the first
            of them too: a caller that stores them gets them in runs, and an ingest runs
            11 % faster (tests/perf/bench.py) when extraction and storage each keep their
            code and data in the processor's caches for a run.

    Yields:
        ``(item, rows)``: what ``extract`` returned, or a :class:`Rejection` when it raised.
        Closing the generator early ends the workers at once; what they were extracting
        is dropped.

    Raises:
        CrashError: a worker process died (killed, out of memory).
    """
    chunks = _chunks(items, report_of, chunk_chars)
    claims_of = partial(extract, lexicon=lexicon)
    jobs = min(jobs, 1 + max_workers())
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
    """A chunk this process extracts itself, a report at a time between looks at the workers."""

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
    extracts it: a worker (a _Worker), this process (a _Local), or nobody yet (None)."""

    __slots__ = ("batch", "positions", "reports", "work")

    def __init__(self, chunk: tuple[list, list[int], list[Report]]):
        self.batch, self.positions, self.reports = chunk
        self.work: _Worker | _Local | None = None if self.reports else _Local([])


def _pooled(head: list, chunks: Iterator, claims_of: Callable, jobs: int) -> Iterator:
    """The chunks' results in input order, extracted by ``jobs`` processes: ``jobs - 1``
    workers and this one, which stores the results as well.

    Chunks are read ahead, and a chunk goes to a worker only when the worker's queue runs
    short. Whenever the chunk next in line is not back from its worker, this process
    extracts the latest chunk nobody has taken, a report at a time between looks at the
    workers, so it takes on as much of the extraction as storing leaves it time for, and at
    the end of the input it shares the last chunks out instead of waiting for a worker to
    extract them one after the other. (With ``jobs`` workers beside this process, three busy
    processes on two cores spent a sixth of their time on sharing them.)
    """
    workers = _Workers(jobs - 1, claims_of)
    if not workers.all:  # the system would start none: all of it here, as with --jobs 1
        for chunk in (*head, *chunks):
            yield from _in_process(chunk, claims_of)
        return
    in_flight: deque[_InFlight] = deque(map(_InFlight, head))
    local: _Local | None = None  # the chunk this process is extracting between looks
    exhausted = False
    try:
        while in_flight:
            # The workers get their chunks before more are read: at the start, the first
            # reaches a worker while this process reads the rest.
            workers.feed(in_flight)
            while not exhausted and len(in_flight) < jobs * IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    in_flight.append(_InFlight(chunk))
            first = in_flight[0]
            if first.work is None:  # its turn has come: extracted here rather than waited for
                first.work = _Local(first.reports)
            elif isinstance(first.work, _Worker) and not first.work.ready():
                if local is not None and local.step(claims_of):
                    continue
                local = _latest_untaken(in_flight)
                if local is not None:
                    continue
                # nothing more to take on: wait for the worker
            work = in_flight.popleft().work
            results = work.finish(claims_of)
            yield from _merge(first.batch, first.positions, results)
    finally:
        workers.close()


class _Worker:
    """A worker process and a pipe each way: chunks of reports go in, and their results come
    back in the order the chunks went in."""

    __slots__ = ("process", "tasks", "results", "queued", "outbox", "sender")

    def __init__(self, context, claims_of: Callable):
        ends = []
        try:
            tasks_out, self.tasks = context.Pipe(duplex=False)
            ends += (tasks_out, self.tasks)
            self.results, results_in = context.Pipe(duplex=False)
            ends += (self.results, results_in)
            for end in (self.tasks, self.results):
                _widen_pipe(end)
            self.process = context.Process(target=_work, name="claimtrack-extract",
                                           daemon=True,
                                           args=(tasks_out, results_in, claims_of, os.getpid()))
            self.process.start()
        except BaseException:  # out of file descriptors or processes: nothing left open
            for end in ends:
                end.close()
            raise
        # Only the worker holds these ends now: when it dies, reading its results ends.
        tasks_out.close()
        results_in.close()
        self.queued = 0  # chunks sent whose results are not read yet
        self.outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.sender: threading.Thread | None = None

    def start_sending(self) -> None:
        """Start the thread that writes the chunks to the worker (once every worker is
        forked: a process forked while threads run may inherit a lock one of them holds).

        The main thread never writes to a worker: a worker that waits for its results to be
        read does not read its own pipe meanwhile, and the main thread, waiting on that
        full pipe, would never read them.
        """
        self.sender = threading.Thread(target=_write_all, args=(self.tasks, self.outbox),
                                       name="claimtrack-send", daemon=True)
        self.sender.start()

    def send(self, reports: list[Report]) -> None:
        self.outbox.put(pickle.dumps(reports, pickle.HIGHEST_PROTOCOL))
        self.queued += 1

    def ready(self) -> bool:
        """Whether the result of the earliest chunk sent can be read (or the worker is gone)."""
        try:
            return self.results.poll()
        except OSError:
            return True  # finish() says what went wrong

    def finish(self, claims_of: Callable | None = None) -> list:
        """The result of the earliest chunk sent, waited for."""
        try:
            data = self.results.recv_bytes()
        except (EOFError, OSError):  # the worker is gone
            raise _died() from None
        self.queued -= 1
        return pickle.loads(data)

    def stop(self) -> None:
        """End the worker at once (what it would still send is not wanted), then its thread."""
        self.process.terminate()
        self.process.join()
        if self.sender is not None:
            self.outbox.put(None)
            self.sender.join()  # a write to the ended worker fails at once
        self.tasks.close()
        self.results.close()


class _Workers:
    """``count`` worker processes, forked where the system allows it."""

    def __init__(self, count: int, claims_of: Callable):
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        self.all: list[_Worker] = []
        try:
            for _ in range(count):
                try:
                    self.all.append(_Worker(context, claims_of))
                except OSError as e:
                    # No more file descriptors or processes (ulimit): fewer workers will do.
                    if e.errno not in _OUT_OF_RESOURCES:
                        raise
                    break
            for worker in self.all:
                worker.start_sending()
        except BaseException:
            self.close()
            raise

    def feed(self, in_flight: deque[_InFlight]) -> None:
        """Send the earliest untaken chunks to the workers with the shortest queues, up to
        QUEUED_PER_WORKER each."""
        for entry in in_flight:
            if entry.work is not None:
                continue
            worker = min(self.all, key=_queued)
            if worker.queued >= QUEUED_PER_WORKER:
                return
            worker.send(entry.reports)
            entry.work = worker

    def close(self) -> None:
        for worker in self.all:
            worker.stop()


_OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM})


def _died() -> CrashError:
    return CrashError("an extraction worker died (out of memory?); what was stored stays "
                      "stored: run the same command again, with --jobs 1 to use less memory")


def _queued(worker: _Worker) -> int:
    return worker.queued


def _latest_untaken(in_flight: deque[_InFlight]) -> _Local | None:
    """The latest chunk that nobody extracts yet, now this process's; or None."""
    for entry in reversed(in_flight):
        if entry.work is None:
            entry.work = _Local(entry.reports)
            return entry.work
    return None


def _widen_pipe(connection) -> None:
    """Let a chunk of reports, or its claims (100 to 200 KB), go through a pipe in one write.

    Through the default 64 KB pipe a worker waits for each 64 KB of its results to be read,
    and this process reads only between reports: the worker stood idle a fifth of the time
    (measured: --jobs 2 about 10 % faster with 1 MB). Linux only; elsewhere, or when the
    system refuses, the pipe stays as it is.
    """
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError, ValueError):
        return


def _write_all(tasks, outbox: queue.SimpleQueue) -> None:
    """A sending thread's life: write each chunk put in the outbox, until None comes."""
    while (data := outbox.get()) is not None:
        try:
            tasks.send_bytes(data)
        except OSError:  # the worker is gone: reading its results says so
            return


def _work(tasks, results, claims_of: Callable, parent: int) -> None:
    """A worker's life: extract each chunk received and send back its results, until the
    main process stops it or goes away."""
    # Ctrl-C reaches the whole process group: the main process decides what to do, and a
    # worker must neither stop on its own nor print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    try:
        while True:
            reports = pickle.loads(tasks.recv_bytes())
            extracted = [_extract_one(report, claims_of) for report in reports]
            try:
                data = pickle.dumps(extracted, pickle.HIGHEST_PROTOCOL)
            except Exception:  # one result that cannot be sent is that report's rejection
                data = pickle.dumps([_sendable(result, report)
                                     for result, report in zip(extracted, reports)],
                                    pickle.HIGHEST_PROTOCOL)
            results.send_bytes(data)
    except (EOFError, OSError):  # the main process closed the pipes, or is gone
        return


def _sendable(result: object, report: Report) -> object:
    """``result`` if it pickles, else the report's rejection."""
    try:
        pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    except Exception as e:
        return Rejection(report.name, f"extraction failed: its claims could not be sent back "
                                      f"({type(e).__name__}: {e})")
    return result


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
