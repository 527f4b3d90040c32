"""The ingest loop under stress: worker processes, Ctrl-C, SIGKILL, two writers, locks.

The signal tests run the real `python -m claimtrack ingest` on a generated JSON lines file
(tests/perf/corpus.py) and send the signal once the first reports are stored. Nothing here
asserts a speed.
"""
from __future__ import annotations

import importlib.util
import io
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console

import claimtrack.store.connect as connect_module
import claimtrack.store.write as db_module
import claimtrack.parallel as parallel
from claimtrack.db import CLAIM_COLUMNS, ReportWriter, ingest, open_db
from claimtrack.errors import ClaimtrackError
from claimtrack.inputs import Meta, Report, read_inputs
from claimtrack.progress import IngestProgress
from conftest import make_claim

_spec = importlib.util.spec_from_file_location(
    "corpus", Path(__file__).parent / "perf" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
TABLES = {
    "reports": "SELECT id, sha256, ref, event FROM reports ORDER BY id",
    "claims": "SELECT id, report_id, source_id, origin_id, "
              + ", ".join(f'"{c}"' for c in CLAIM_COLUMNS) + " FROM claims ORDER BY id",
    "chain_links": "SELECT * FROM chain_links ORDER BY claim_id, position",
    "sources": "SELECT * FROM sources ORDER BY id",
}


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    """0.45 MB of generated reports: a few chunks for the workers, half a second of ingest."""
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    corpus.write_jsonl(path, 0.45, seed=3)
    return path


@pytest.fixture(scope="module")
def expected(feed, tmp_path_factory) -> dict[str, list]:
    """Every table after a plain one-process ingest of the feed."""
    path = tmp_path_factory.mktemp("expected") / "one.db"
    db = open_db(path)
    summary = ingest(db, read_inputs([str(feed)]), jobs=1)
    assert summary.rejected == 0 and summary.duplicates == 0
    return tables(db.conn)


def tables(conn: sqlite3.Connection) -> dict[str, list]:
    return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}


def lines(path: Path) -> int:
    return sum(1 for _ in path.open("rb"))


def start_ingest(db: Path, *args: str) -> subprocess.Popen:
    # A session of its own, so that a signal to its process group reaches the workers too,
    # as Ctrl-C in a terminal does.
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_for_reports(process: subprocess.Popen, db: Path, n: int = 5) -> None:
    deadline = time.monotonic() + 30
    while stored(db) < n:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "ingest stored nothing in 30 s"
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            found += [int(p) for p in f.read().split()]
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def searchable(db: Path) -> bool:
    """Every stored report and claim is in the full-text indexes, and nothing waits for them."""
    with sqlite3.connect(db) as conn:
        for table in ("reports_fts", "claims_fts"):  # rank 1: checked against the tables' rows
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        return conn.execute("SELECT count(*) FROM search_backlog").fetchone()[0] == 0


@pytest.mark.parametrize("jobs, chunk_reports", [(2, 256), (2, 7), (3, 7)])
def test_jobs_n_stores_exactly_what_jobs_1_stores(feed, expected, tmp_path, monkeypatch,
                                                   jobs, chunk_reports):
    # Small chunks: many of them, some extracted by this process between looks at the pool.
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", chunk_reports)
    db = open_db(tmp_path / "n.db")
    summary = ingest(db, read_inputs([str(feed)]), jobs=jobs)
    assert (summary.added, summary.claims) == (lines(feed), len(expected["claims"]))
    assert tables(db.conn) == expected



def test_the_pipes_to_and_from_a_worker_are_widened_where_the_system_allows():
    import multiprocessing

    reader, writer = multiprocessing.Pipe(duplex=False)
    try:
        parallel._widen_pipe(writer)
        if sys.platform == "linux":
            import fcntl

            assert fcntl.fcntl(reader.fileno(), fcntl.F_GETPIPE_SZ) == 1 << 20
    finally:
        reader.close()
        writer.close()
    parallel._widen_pipe(object())  # not a pipe: left alone, no error


def test_narrow_pipes_slow_the_workers_but_never_stall_them(feed, expected, tmp_path,
                                                          monkeypatch):
    # With the system's 64 KB pipes, a chunk (about 250 KB of reports here) and its claims
    # take several writes each, and a worker waits for this process to read its results
    # before it reads the next chunk: the chunks are written by a thread of their own.
    monkeypatch.setattr(parallel, "_widen_pipe", lambda connection: None)
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 250_000)

    def stalled(signum, frame):
        raise AssertionError("ingest --jobs 2 stalled on a full pipe")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(120)
    try:
        db = open_db(tmp_path / "narrow.db")
        summary = ingest(db, read_inputs([str(feed)]), jobs=2)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert summary.added == lines(feed)
    assert tables(db.conn) == expected


def test_closing_the_results_early_ends_the_workers(feed, tmp_path):
    reports = [r for r in read_inputs([str(feed)]) if isinstance(r, Report)]
    before = set(children(os.getpid()))
    results = parallel.extracted(reports, lambda report: report, jobs=3, chunk_chars=2_000)
    next(results)
    workers = set(children(os.getpid())) - before
    assert len(workers) == 2
    results.close()
    assert not any(alive(pid) for pid in workers)
    assert [t.name for t in threading.enumerate() if t.name == "claimtrack-send"] == []


def test_parallel_across_files_keeps_the_input_order(feed, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = feed.read_text("utf-8").splitlines(keepends=True)
    (folder / "a.jsonl").write_text("".join(rows[:100]), "utf-8")
    (folder / "b.txt").write_text("Officials said 14 people died in the floods.", "utf-8")
    (folder / "c.jsonl").write_text("".join(rows[100:200]) + "{not json\n" + rows[0], "utf-8")
    (folder / "d.txt").write_text("", "utf-8")
    results = {}
    for jobs in (1, 2):
        db = open_db(tmp_path / f"{jobs}.db")
        rejected = []
        summary = ingest(db, read_inputs([str(folder)]), jobs=jobs, on_reject=rejected.append)
        results[jobs] = (summary, [r.name for r in rejected], tables(db.conn))
    assert results[1] == results[2]
    summary, rejected, stored_rows = results[2]
    assert (summary.added, summary.duplicates, summary.rejected) == (201, 1, 2)
    assert rejected == [f"{folder / 'c.jsonl'}:101", str(folder / "d.txt")]
    assert [r[2] for r in stored_rows["reports"]][100] == str(folder / "b.txt")


def test_a_report_that_breaks_extraction_is_rejected_and_the_rest_stored(feed, tmp_path,
                                                                          monkeypatch):
    real = db_module.claim_values_for

    def fragile(report, lexicon=None):
        if report.ref.endswith("-7"):
            raise ValueError("cannot read this one")
        return real(report, lexicon)

    monkeypatch.setattr(db_module, "claim_values_for", fragile)  # the forked workers inherit it
    part = tmp_path / "part.jsonl"
    part.write_text("".join(feed.read_text("utf-8").splitlines(keepends=True)[:200]), "utf-8")
    for jobs in (1, 2):
        rejected = []
        db = open_db(tmp_path / f"{jobs}.db")
        summary = ingest(db, read_inputs([str(part)]), jobs=jobs, on_reject=rejected.append)
        assert summary.rejected == 1 and summary.added == 199
        assert [(r.name, r.reason) for r in rejected] == [
            (f"{part}:7", "extraction failed: ValueError: cannot read this one")]


def test_a_worker_that_dies_stops_the_ingest_with_a_clear_error(feed, tmp_path, monkeypatch):
    real = db_module.claim_values_for
    main = os.getpid()
    # Chunks of 40 reports: the first two always go to the worker (this process extracts
    # later ones itself when the worker is behind), so reports 40 to 79 reach it.
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", 40)

    def lethal(report, lexicon=None):
        if os.getpid() != main and report.name.endswith(":60"):
            # Die only once the writer has stored something: the first chunk, if it is still
            # being extracted when the pool breaks, fails with it (a busy machine's ordering).
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not stored(tmp_path / "dead.db"):
                time.sleep(0.02)
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(report, lexicon)

    monkeypatch.setattr(db_module, "claim_values_for", lethal)
    db = open_db(tmp_path / "dead.db")
    summary = db_module.IngestSummary()
    with pytest.raises(ClaimtrackError, match="an extraction worker died"):
        ingest(db, read_inputs([str(feed)]), jobs=2, summary=summary)
    assert summary.added == db["reports"].count == 40  # the first chunk, and nothing after
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_after_a_report_and_a_rerun_completes(feed, expected, tmp_path, jobs):
    db = tmp_path / "c.db"
    process = start_ingest(db, str(feed), "--jobs", jobs)
    wait_for_reports(process, db)
    os.killpg(process.pid, signal.SIGINT)  # the whole group, workers included, as a terminal does
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "Traceback" not in err and out == ""
    [summary, hint] = err.splitlines()
    assert summary.startswith("interrupted: added ") and hint.startswith("run the same command")
    added = int(summary.split()[2])
    assert 0 < added == stored(db) < lines(feed)
    assert integrity(db) == "ok"
    assert searchable(db)  # the reports stored before Ctrl-C were indexed on the way out

    again = start_ingest(db, str(feed), "--jobs", jobs)
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert f"added {lines(feed) - added} reports" in err
    assert f"skipped {added} duplicates" in err
    with sqlite3.connect(db) as conn:
        assert tables(conn) == expected


def test_sigkill_leaves_a_sound_database_that_a_rerun_completes(feed, expected, tmp_path):
    db = tmp_path / "k.db"
    process = start_ingest(db, str(feed), "--jobs", "2")
    wait_for_reports(process, db)
    workers = children(process.pid)
    process.kill()
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers):  # they end with the main process
        assert time.monotonic() < deadline, "workers outlived the main process"
        time.sleep(0.05)
    assert integrity(db) == "ok"
    kept = stored(db)
    with sqlite3.connect(db) as conn:  # every stored report has all its claims
        partial = tables(conn)
    assert partial["claims"] == [c for c in expected["claims"] if c[1] <= kept]

    again = start_ingest(db, str(feed), "--jobs", "2")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert f"skipped {kept} duplicates" in err
    with sqlite3.connect(db) as conn:
        assert tables(conn) == expected
    assert searchable(db)  # the killed run's backlog too


def test_two_ingests_into_one_new_database_both_succeed(feed, tmp_path):
    rows = feed.read_text("utf-8").splitlines(keepends=True)
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    halves[0].write_text("".join(rows[: len(rows) // 2]), "utf-8")
    halves[1].write_text("".join(rows[len(rows) // 2:]), "utf-8")
    db = tmp_path / "both.db"
    processes = [start_ingest(db, str(half), "--jobs", "1") for half in halves]
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
    assert stored(db) == len(rows)
    assert integrity(db) == "ok"
    with sqlite3.connect(db) as conn:
        # each report has exactly its own claims, however the two writers interleaved
        orphans = conn.execute("SELECT count(*) FROM chain_links l LEFT JOIN claims c "
                               "ON c.id = l.claim_id WHERE c.id IS NULL").fetchone()[0]
        assert orphans == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert searchable(db)


TEXT = "Police said 12 people were killed in the city."


def test_a_locked_database_is_retried_then_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(connect_module, "BUSY_TIMEOUT", 0.1)
    path = tmp_path / "locked.db"
    db = open_db(path)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock for a while
    threading.Timer(0.4, blocker.rollback).start()
    report = Report(TEXT, "a.txt", "a.txt", "a.txt", Meta())
    assert ReportWriter(db).store(report, [make_claim(TEXT, "12")]) == 1
    assert db["claims"].count == 1


def test_a_database_locked_for_good_is_a_database_error(tmp_path, monkeypatch, invoke):
    monkeypatch.setattr(connect_module, "BUSY_TIMEOUT", 0.05)
    monkeypatch.setattr(connect_module, "LOCK_RETRIES", 1)
    path = tmp_path / "locked.db"
    open_db(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    (tmp_path / "a.txt").write_text(TEXT)
    result = invoke("--db", str(path), "ingest", str(tmp_path / "a.txt"), "--jobs", "1")
    blocker.rollback()
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: database {path} is locked by another process")
    assert stored(path) == 0


def test_quiet_prints_nothing_and_progress_needs_a_terminal(tmp_path, invoke):
    (tmp_path / "a.txt").write_text(TEXT)
    quiet = invoke("ingest", str(tmp_path / "a.txt"), "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    loud = invoke("ingest", str(tmp_path / "a.txt"))  # stderr is no terminal: no bar
    assert loud.stderr == "added 0 reports (0 claims), skipped 1 duplicate, rejected 0 " \
                          "inputs → claimtrack.db\n"


def test_progress_counts_bytes_files_and_reports(tmp_path):
    (tmp_path / "a.txt").write_text("x" * 99)
    (tmp_path / "b.jsonl").write_text('{"text": "yy"}\n' * 10)
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    progress = IngestProgress([str(tmp_path)], console)
    task = progress.progress.tasks[0]
    assert task.total == 99 + 150 and progress.files_total == 2
    summary = db_module.IngestSummary(added=1, claims=3)
    with progress:
        progress(Report("x" * 99, "a.txt", "a.txt", str(tmp_path / "a.txt")), summary)
        assert task.completed == 99  # at most the file's size
        progress(Report("yy", "b:1", "b:1", str(tmp_path / "b.jsonl")), summary)
        assert (task.completed, progress.files_done) == (99 + 3, 1)
        assert task.fields == {"files": "1/2 files", "reports": 1, "claims": 3}
