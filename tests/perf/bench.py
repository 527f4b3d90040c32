"""claimtrack's benchmark: throughput, memory and latency, each beside a baseline.

Not a test (pytest does not collect it); run it by hand on a quiet machine::

    python tests/perf/bench.py                 # 10 MB corpus, 100 MB RSS run, 1M claims
    python tests/perf/bench.py --size 2 --rss-size 5 --claims 50000   # a quick look

It writes a deterministic synthetic corpus (tests/perf/corpus.py) and its databases to
``--workdir`` (default: a folder in the system's temp dir; the 1M-claim database is kept
there and reused), then prints one Markdown table. Every figure stands beside a baseline
measured in the same run, with their ratio: a bare regex scan over the same text, raw
sqlite3 ``executemany`` of the same rows, ``--jobs 1`` for ``--jobs 2``, the same query in
plain SQL, ``python -c pass``. ``--corpus FILE`` measures extraction on a JSON lines file of
your own as well (real news reads differently from templates).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (tests/perf/corpus.py, beside this script)

from claimtrack.store import (CLAIM_COLUMNS, REPORT_COLUMNS, ReportWriter,  # noqa: E402
                              claim_values_for, open_db)
from claimtrack.extract import default_lexicon  # noqa: E402
from claimtrack.inputs import Meta, Report, claim_rows_for, read_inputs  # noqa: E402
from claimtrack.migrations import DEFAULT_EVENT  # noqa: E402
from claimtrack.store.schema import with_tally_spans  # noqa: E402

PYTHON = sys.executable
ROUNDS = 5  # ingest runs are repeated, and the best kept: a slow spell of a virtual machine
# can last several runs
CLAIMTRACK = [PYTHON, "-m", "claimtrack"]
# What a bare scan for figures looks like: digits and the commonest number words.
BARE_SCAN = re.compile(
    r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
    r"dozens?|hundreds|thousands|scores|several)\b", re.IGNORECASE)
ROWS: list[tuple[str, str, str, str, str]] = []
# Commands run from compiled bytecode, as an installed claimtrack does: where
# PYTHONDONTWRITEBYTECODE is set (some CI and sandbox machines), every command would
# otherwise compile claimtrack's modules again (30-40 ms of each start-up).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def row(measure: str, value: str, baseline: str = "", base_value: str = "",
        ratio: float | str | None = None) -> None:
    """Record one line of the table and print it at once (long runs show progress)."""
    text = ratio if isinstance(ratio, str) else ("" if ratio is None else f"{ratio:.2f}×")
    ROWS.append((measure, value, baseline, base_value, text))
    print(f"  {measure}: {value}   [{baseline}: {base_value}] {text}", file=sys.stderr,
          flush=True)


def best_of(n: int, fn) -> float:
    """The shortest of n timings of fn(), in seconds."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_run(argv: list[str], n: int = 5) -> float:
    """The shortest wall time of n runs of a command, in seconds."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
    return min(times)


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def mb(n_bytes: float) -> float:
    return n_bytes / 1_000_000


# Extraction and storage, in this process --------------------------------------------


def bench_extract(corpus_file: Path, label: str = "synthetic") -> tuple[list, list, float]:
    reports = [r for r in read_inputs([str(corpus_file)]) if isinstance(r, Report)]
    texts = [r.text for r in reports]
    size = sum(len(t.encode("utf-8")) for t in texts)
    lexicon = default_lexicon()
    claim_rows_for(reports[0], lexicon)  # compile the patterns before the clock starts
    results: list[list[dict]] = []

    def extract() -> None:
        results[:] = [claim_rows_for(r, lexicon) for r in reports]

    def scan() -> None:
        for text in texts:
            BARE_SCAN.findall(text)

    def cpu(fn) -> float:
        start = time.process_time()
        fn()
        return time.process_time() - start

    # extraction and its baseline take turns, so that a slow spell of a shared machine weighs
    # on both sides of the ratio; each is timed on the wall clock and in processor time (on a
    # machine shared with other jobs, the wall clock of the long extraction and of the short
    # scan are stretched unevenly; processor time is what the code itself costs)
    seconds = scan_seconds = cpu_seconds = scan_cpu = float("inf")
    for _ in range(2):
        start, cpu0 = time.perf_counter(), time.process_time()
        extract()
        seconds = min(seconds, time.perf_counter() - start)
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu0)
        scan_seconds = min(scan_seconds, best_of(2, scan))
        scan_cpu = min(scan_cpu, cpu(scan), cpu(scan))
    claims = sum(map(len, results))
    row(f"extract, 1 core ({label}: {len(reports):,} reports, {mb(size):.1f} MB of text, "
        f"{claims:,} claims)", f"{mb(size) / seconds:.2f} MB/s · {len(reports) / seconds:,.0f} "
        "reports/s", "bare regex scan for numbers", f"{mb(size) / scan_seconds:.1f} MB/s",
        seconds / scan_seconds)
    row(f"extract, 1 core, processor time ({label})", f"{cpu_seconds:.2f} s CPU",
        "bare regex scan for numbers, processor time", f"{scan_cpu:.3f} s CPU", cpu_seconds / scan_cpu)
    return reports, results, seconds


GRAMMAR_REPORTS = 1_000  # the grammar layer's A/B runs on this many reports of each corpus
GRAMMAR_ROUNDS = 3


def bench_grammar_cost(reports: list[Report], label: str) -> None:
    """Extraction with the grammar layer (grammar.parse, predicates.read) against extraction
    without it, where the older reading of metrics.counted alone stands: what the layer costs,
    as a share of extraction time. Interleaved rounds, the best of each side, in processor
    time (a share of a few seconds, which other work on the machine would otherwise swamp)."""
    from claimtrack.extract import grammar, parts, predicates

    reports = reports[:GRAMMAR_REPORTS]
    size = sum(len(r.text.encode("utf-8")) for r in reports)
    lexicon = default_lexicon()

    def extract() -> None:
        for r in reports:
            claim_rows_for(r, lexicon)

    layer = (grammar.parse, predicates.read, predicates.may_count, parts.read)
    def cpu_seconds() -> float:
        start = time.process_time()
        extract()
        return time.process_time() - start

    with_it = without = float("inf")
    for _ in range(GRAMMAR_ROUNDS):
        with_it = min(with_it, cpu_seconds())
        # without the layer: no sentence is parsed and no figure read over a parse
        # (nor a part read over it)
        grammar.parse, predicates.read, predicates.may_count, parts.read = (
            lambda *a: None, lambda *a: None, lambda *a: False, lambda *a: None)
        try:
            without = min(without, cpu_seconds())
        finally:
            grammar.parse, predicates.read, predicates.may_count, parts.read = layer
    row(f"grammar layer cost, 1 core ({label}: {len(reports):,} reports, {mb(size):.1f} MB of text)",
        f"{mb(size) / with_it:.2f} MB/s with it", "the same extraction without it",
        f"{mb(size) / without:.2f} MB/s", f"{(with_it - without) / with_it:.0%} of extraction time")


def bench_token_stream(reports: list[Report], label: str) -> None:
    """What one shared token stream per sentence (#15) would cost against the text scans it
    could stand for, over the sentences that hold a figure: the grammar's tokenizer over each
    whole sentence, with offsets, and the set of its lower-cased words (what a stage's gate
    would read); against the scans of the same sentences it could replace or gate (the
    parse's tokenizer over its window, the metric cue words, the hedges, the verbs of
    saying). Processor time, best of 3."""
    from itertools import accumulate

    from claimtrack.extract import figures, grammar, hedge_in, predicates, sentence_spans
    from claimtrack.extract.cues import _SPEECH_WORD_LOWER
    from claimtrack.extract.sentences import sentence_index

    lexicon = default_lexicon()
    held: list[tuple[str, int, int]] = []  # sentence, its parse window
    for r in reports:
        spans = sentence_spans(r.text)
        by: dict[int, list] = {}
        for f in figures(r.text, lexicon):
            by.setdefault(sentence_index(spans, f.start), []).append(f)
        for i, figs in by.items():
            s0, s1 = spans[i]
            held.append((r.text[s0:s1], max(0, figs[0].start - s0 - grammar.WINDOW_LEFT),
                         figs[-1].end - s0 + grammar.WINDOW_RIGHT))
    words = re.compile(r"\w+")

    def stream() -> None:
        for sentence, _, _ in held:
            pieces = grammar._TOKEN_SPLIT.split(sentence)
            list(accumulate(map(len, pieces)))
            frozenset(words.findall(sentence.lower()))

    def scans() -> None:
        for sentence, w0, w1 in held:
            grammar._TOKEN_SPLIT.split(sentence[w0:w1])
            predicates.may_count(sentence, lexicon)
            hedge_in(sentence, lexicon)
            for _ in _SPEECH_WORD_LOWER.finditer(sentence.lower()):
                pass

    def cpu(fn) -> float:
        start = time.process_time()
        fn()
        return time.process_time() - start

    made = replaced = float("inf")
    for _ in range(3):
        made, replaced = min(made, cpu(stream)), min(replaced, cpu(scans))
    row(f"a token stream for each sentence holding a figure ({label}: {len(held):,} sentences)",
        f"{made:.2f} s CPU", "the scans of those sentences it could stand for", f"{replaced:.2f} s CPU",
        made / replaced)


# The stages of claimtrack.extract.extract_claims, in pipeline order, as (module, attribute)
# the engine calls them through: what each costs is timed around those calls.
STAGES = (
    ("figures (the scan for figures)", "claimtrack.extract", "figures"),
    ("sentences", "claimtrack.extract", "sentence_spans"),
    ("individuals.find", "claimtrack.extract.individuals", "find"),
    ("metrics.counted", "claimtrack.extract", "counted"),
    ("grammar.parse", "claimtrack.extract.grammar", "parse"),
    ("predicates.read", "claimtrack.extract.predicates", "read"),
    ("attribution: sentence_cues", "claimtrack.extract", "sentence_cues"),
    ("attribution: quotes", "claimtrack.extract", "quote_speaker"),
    ("attribution: clause subjects", "claimtrack.extract", "_clause_subject"),
    ("hedges and locations", "claimtrack.extract", "hedge_in"),
    ("hedges and locations", "claimtrack.extract.locations", "location"),
    ("dates", "claimtrack.extract.dates", "dated"),
    ("tallies", "claimtrack.extract.tallies", "tallies"),
)


def bench_stages(reports: list[Report], label: str) -> None:
    """Processor time of each stage of extraction over the corpus, as a share of the whole:
    each stage's calls are timed where the engine makes them (a stage that another calls,
    like sentence_cues for an earlier sentence's speaker, counts in both); the rest is the
    engine's own loop (claims, chains, contexts) and the conversion to rows."""
    import importlib

    lexicon = default_lexicon()
    spent: dict[str, float] = dict.fromkeys([name for name, _, _ in STAGES], 0.0)
    originals = []
    for name, module, attr in STAGES:
        mod = importlib.import_module(module)
        fn = getattr(mod, attr)
        originals.append((mod, attr, fn))

        def timed(*args, _fn=fn, _name=name, **kwargs):
            start = time.process_time()
            try:
                result = _fn(*args, **kwargs)
                # figures() is a generator: its time is spent as it is read
                return list(result) if _fn.__name__ == "figures" else result
            finally:
                spent[_name] += time.process_time() - start
        setattr(mod, attr, timed)
    try:
        start = time.process_time()
        for r in reports:
            claim_rows_for(r, lexicon)
        total = time.process_time() - start
    finally:
        for mod, attr, fn in originals:
            setattr(mod, attr, fn)
    staged = sum(spent.values())
    for name, seconds in spent.items():
        row(f"extraction stage, 1 core ({label}): {name}", f"{seconds:.2f} s CPU",
            "extraction, all stages", f"{total:.2f} s CPU", f"{seconds / total:.0%}")
    row(f"extraction stage, 1 core ({label}): the engine's own loop and the rows", f"{total - staged:.2f} s CPU",
        "extraction, all stages", f"{total:.2f} s CPU", f"{(total - staged) / total:.0%}")


def _column_value(row: dict, column: str):
    """A claim row's value as its column stores it: a flag as 0/1, a tally's parts as JSON."""
    value = row.get(column)
    if column == "quoted":
        return int(bool(value))
    return json.dumps(value) if isinstance(value, list) else value


def bench_store(workdir: Path, reports: list[Report], results: list[list[dict]]) -> None:
    """ReportWriter (one transaction per report) against one executemany transaction."""
    path = workdir / "store.db"
    lexicon = default_lexicon()
    packed = pickle.dumps([claim_values_for(r, lexicon) for r in reports])  # what ingest stores
    seconds = float("inf")
    for _ in range(2):
        remove_db(path)
        db = open_db(path)
        values = pickle.loads(packed)  # a fresh copy: storing fills in the ids
        with ReportWriter(db) as writer:  # the settings ingest uses
            start = time.perf_counter()
            for report, claims in zip(reports, values):
                writer.store(report, claims)
            seconds = min(seconds, time.perf_counter() - start)
        db.close()

    remove_db(path)
    db = open_db(path)
    conn = db.conn
    names = ("report_id", *CLAIM_COLUMNS)
    claim_values = []
    report_values = []
    for n, (report, rows) in enumerate(zip(reports, results), 1):
        meta = report.meta
        report_values.append((report.sha256, meta.title, meta.outlet, meta.url, meta.date,
                              meta.event or DEFAULT_EVENT, report.ref, report.path, "now",
                              report.text))
        for r in with_tally_spans(rows):  # a tally stands where its first part does
            claim_values.append((n, *(_column_value(r, c) for c in CLAIM_COLUMNS)))
    start = time.perf_counter()
    with conn:
        conn.executemany(f"INSERT INTO reports ({', '.join(REPORT_COLUMNS)}) VALUES "
                         f"({', '.join('?' for _ in REPORT_COLUMNS)})", report_values)
        conn.executemany(f"INSERT INTO claims ({', '.join(f'[{n}]' for n in names)}) VALUES "
                         f"({', '.join('?' for _ in names)})", claim_values)
    raw_seconds = time.perf_counter() - start
    db.close()
    claims = len(claim_values)
    row(f"store, 1 core, one transaction per report ({len(reports):,} reports, {claims:,} "
        "claims with chains and sources)",
        f"{len(reports) / seconds:,.0f} reports/s · {claims / seconds:,.0f} claims/s",
        "raw executemany of the same reports and claims, one transaction, no chains",
        f"{claims / raw_seconds:,.0f} claims/s", seconds / raw_seconds)


# The CLI, in subprocesses -------------------------------------------------------------


class TreeRSS(threading.Thread):
    """Samples the memory of a process and its descendants: the peak of their summed PSS
    (proportional set size: pages a forked worker shares with the main process count once,
    split between them) and the peak RSS of the main process alone."""

    def __init__(self, pid: int, every: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak, self.peak_main = pid, every, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = 0
            for pid in self.tree():
                total += _memory_kb(pid, "Pss:", "smaps_rollup")
                if pid == self.pid:
                    self.peak_main = max(self.peak_main, _memory_kb(pid, "VmRSS:", "status"))
            self.peak = max(self.peak, total)
            time.sleep(self.every)

    def tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as f:
                        todo.extend(int(c) for c in f.read().split())
            except OSError:
                pass
        return pids


def _memory_kb(pid: int, field: str, file: str) -> int:
    try:
        with open(f"/proc/{pid}/{file}") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_ingest(db: Path, files: list[Path], jobs: int, *, measure_rss: bool = False
               ) -> tuple[float, int, int]:
    """Wall seconds, peak RSS of the whole tree and of the main process (KB)."""
    argv = [*CLAIMTRACK, "--db", str(db), "ingest", *map(str, files), "--jobs", str(jobs),
            "--quiet"]
    if hasattr(os, "sync"):
        # What earlier runs wrote goes to disk now, not while this one is timed: the kernel
        # writing it back takes a core from --jobs 2 more than from --jobs 1.
        os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=ENV)
    sampler = TreeRSS(process.pid) if measure_rss and sys.platform == "linux" else None
    if sampler:
        sampler.start()
    status = process.wait()
    seconds = time.perf_counter() - start
    if sampler:
        sampler.done.set()
        sampler.join()
    if status != 0:
        raise SystemExit(f"ingest failed with exit {status}: {' '.join(argv)}")
    return seconds, (sampler.peak if sampler else 0), (sampler.peak_main if sampler else 0)


# One process's extraction of the first reports of a corpus, timed from an agreed moment, so
# that processes started together extract at the same time.
PROBE = """
import itertools, sys, time
from claimtrack.extract import default_lexicon
from claimtrack.inputs import Report, claim_rows_for, read_inputs
inputs = (r for r in read_inputs([sys.argv[1]]) if isinstance(r, Report))
reports = list(itertools.islice(inputs, int(sys.argv[2])))
lexicon = default_lexicon()
claim_rows_for(reports[0], lexicon)
time.sleep(max(0.0, float(sys.argv[3]) - time.time()))
start = time.perf_counter()
for report in reports:
    claim_rows_for(report, lexicon)
print(time.perf_counter() - start)
"""
PROBE_REPORTS = 600


def extraction_seconds(corpus_file: Path, processes: int) -> float:
    """Seconds until ``processes`` processes, each extracting the same reports, are done."""
    start_at = time.time() + 2.0  # each has loaded claimtrack and its reports by then
    argv = [PYTHON, "-c", PROBE, str(corpus_file), str(PROBE_REPORTS), repr(start_at)]
    running = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=ENV)
               for _ in range(processes)]
    return max(float(p.communicate()[0]) for p in running)


def bench_ingest(workdir: Path, corpus_file: Path, reports: int,
                 extract_mb_s: float | None) -> None:
    size = corpus_file.stat().st_size
    timings = {1: float("inf"), 2: float("inf")}
    alone = together = float("inf")
    for _ in range(ROUNDS):  # interleaved, best of each: other work on the machine adds noise
        for jobs in (1, 2):
            db = workdir / f"ingest-{jobs}.db"
            remove_db(db)
            seconds, _, _ = run_ingest(db, [corpus_file], jobs)
            timings[jobs] = min(timings[jobs], seconds)
        # What two cores give two processes that share nothing: the ceiling for --jobs 2.
        alone = min(alone, extraction_seconds(corpus_file, 1))
        together = min(together, extraction_seconds(corpus_file, 2))
    one, two = timings[1], timings[2]
    row(f"ingest end to end, --jobs 1 ({mb(size):.0f} MB JSON lines)",
        f"{mb(size) / one:.2f} MB/s · {reports / one:,.0f} reports/s",
        "extract alone, 1 core", f"{extract_mb_s:.2f} MB/s" if extract_mb_s else "",
        (extract_mb_s / (mb(size) / one)) if extract_mb_s else None)
    row(f"ingest end to end, --jobs 2 ({mb(size):.0f} MB JSON lines)",
        f"{mb(size) / two:.2f} MB/s · {reports / two:,.0f} reports/s",
        "--jobs 1", f"{mb(size) / one:.2f} MB/s", f"{one / two:.2f}× faster")
    row(f"extraction in 2 processes at once, {PROBE_REPORTS} reports each (nothing shared: "
        "what this machine's 2 cores allow --jobs 2)", f"{together:.2f} s",
        "1 process alone", f"{alone:.2f} s", f"{2 * alone / together:.2f}× the reports/s")
    same = _same_rows(workdir / "ingest-1.db", workdir / "ingest-2.db")
    row("--jobs 2 stores what --jobs 1 stores (ids, claims, links, sources)",
        "identical" if same else "DIFFERENT")


def _same_rows(a: Path, b: Path) -> bool:
    queries = [
        "SELECT id, sha256 FROM reports ORDER BY id",
        f"SELECT id, report_id, source_id, origin_id, {', '.join(f'[{c}]' for c in CLAIM_COLUMNS)} "
        "FROM claims ORDER BY id",
        "SELECT * FROM chain_links ORDER BY claim_id, position",
        "SELECT * FROM sources ORDER BY id",
    ]
    with sqlite3.connect(a) as ca, sqlite3.connect(b) as cb:
        return all(ca.execute(q).fetchall() == cb.execute(q).fetchall() for q in queries)


def bench_concurrent(workdir: Path, corpus_file: Path) -> None:
    """Two ingest processes writing one database at once, each on half the corpus."""
    lines = corpus_file.read_text("utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    parts = [workdir / "half-1.jsonl", workdir / "half-2.jsonl"]
    parts[0].write_text("".join(lines[:half]), "utf-8")
    parts[1].write_text("".join(lines[half:]), "utf-8")
    alone = float("inf")
    ends = [float("inf"), float("inf")]
    for _ in range(ROUNDS):
        db = workdir / "alone.db"
        remove_db(db)
        alone = min(alone, run_ingest(db, [parts[0]], 1)[0])
        db = workdir / "together.db"
        remove_db(db)
        open_db(db).close()
        argv = [[*CLAIMTRACK, "--db", str(db), "ingest", str(p), "--jobs", "1", "--quiet"]
                for p in parts]
        start = time.perf_counter()
        processes = [subprocess.Popen(a, stdout=subprocess.DEVNULL, env=ENV) for a in argv]
        times = []
        for process in processes:
            status = process.wait()
            times.append(time.perf_counter() - start)
            if status != 0:
                raise SystemExit(f"concurrent ingest failed with exit {status}")
        if max(times) < max(ends):
            ends = times
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    counts = [half, len(lines) - half]
    rates = " and ".join(f"{n / s:,.0f}" for n, s in zip(counts, ends))
    row("2 ingest processes on one database at once, --jobs 1 each "
        f"({stored:,}/{len(lines):,} reports stored, integrity {check})",
        f"{rates} reports/s", "one process alone", f"{half / alone:,.0f} reports/s",
        f"{sum(n / s for n, s in zip(counts, ends)) / (half / alone):.2f}× together")


def bench_rss(workdir: Path, megabytes: float, small: Path) -> None:
    """Peak memory of a big ingest, beside that of a small one: it should not grow."""
    big = workdir / f"corpus-{megabytes:g}mb.jsonl"
    if not big.exists():
        corpus.write_jsonl(big, megabytes, seed=1)
    db = workdir / "rss-small.db"
    remove_db(db)
    _, small_tree, small_main = run_ingest(db, [small], 2, measure_rss=True)
    db = workdir / "rss.db"
    remove_db(db)
    seconds, tree, main = run_ingest(db, [big], 2, measure_rss=True)
    size = big.stat().st_size
    row(f"peak memory, ingest of {mb(size):.0f} MB, --jobs 2: PSS of main + worker "
        "(RSS of main)", f"{tree / 1024:.0f} MB ({main / 1024:.0f} MB)",
        f"ingest of {mb(small.stat().st_size):.0f} MB, --jobs 2",
        f"{small_tree / 1024:.0f} MB ({small_main / 1024:.0f} MB)", tree / small_tree)
    row(f"ingest end to end, --jobs 2 ({mb(size):.0f} MB JSON lines)",
        f"{mb(size) / seconds:.2f} MB/s · {sum(1 for _ in big.open('rb')) / seconds:,.0f} "
        "reports/s", "", "")


def _stress_texts(megabytes: float) -> dict[str, str]:
    """Reports a splitter that knows only ASCII capitals reads as one sentence (issue #14)."""
    size = int(megabytes * 1_000_000)
    # no sentence stop at all: a list of figures, then the verb
    no_stops = ("1, " * (size // 3))[:size - 7] + " killed"
    # lower-case Cyrillic prose, as a lower-cased copy of a news story would come
    words = ("полиция сообщила что в столкновениях погибли 12 человек и ещё 40 были ранены. "
             "по данным министерства задержаны 300 участников. ")
    cyrillic = (words * (size // len(words.encode("utf-8")) + 1))
    cyrillic = cyrillic.encode("utf-8")[:size].decode("utf-8", "ignore")
    return {"no sentence stops (`1, 1, … killed`)": no_stops, "lower-case Cyrillic": cyrillic}


def bench_stress(workdir: Path, megabytes: float) -> None:
    """Storage, memory and time of one large report without the sentence stops the splitter
    knew, beside the plain corpus of the same size: database bytes per input byte stay flat."""
    plain_small = workdir / f"corpus-{megabytes:g}mb.jsonl"
    if not plain_small.exists():
        corpus.write_jsonl(plain_small, megabytes)

    def ingest_one(db: Path, path: Path) -> tuple[float, str]:
        """Bytes of database per input byte, and the figures as printed."""
        remove_db(db)
        seconds, tree, _ = run_ingest(db, [path], 1, measure_rss=True)
        ratio = db.stat().st_size / path.stat().st_size
        return ratio, f"{ratio:.1f} · {tree / 1024:.0f} MB · {seconds:.1f} s"

    base_ratio, base = ingest_one(workdir / "stress-plain.db", plain_small)
    row(f"ingest of the plain corpus ({mb(plain_small.stat().st_size):.1f} MB), --jobs 1: "
        "database bytes per input byte · peak memory · time", base, "", "")
    for label, text in _stress_texts(megabytes).items():
        path = workdir / f"stress-{len(text)}.txt"
        path.write_text(text, encoding="utf-8")
        ratio, figures = ingest_one(workdir / "stress.db", path)
        row(f"ingest of one {mb(path.stat().st_size):.1f} MB report, {label}, --jobs 1: "
            "database bytes per input byte · peak memory · time",
            figures, "the plain corpus", base, ratio / base_ratio)


# Queries on a large database -----------------------------------------------------------


def build_claims_db(path: Path, n_claims: int, *, events: int = 1000, seed: int = 7) -> None:
    """A database of about n_claims claims: real extraction output of a pool of generated
    reports, stored again and again under other events, dates and outlets."""
    rng = random.Random(seed)
    lexicon = default_lexicon()
    pool = []
    for obj in itertools.islice(corpus.reports(seed), 400):
        report = Report(obj["text"], obj["id"], obj["id"], None, Meta())
        rows = claim_rows_for(report, lexicon)
        if rows:
            pool.append((obj["text"], rows))
    event_names = [f"{place.lower().replace(' ', '-')}-{kind}-{2000 + n % 25}"
                   for n, (place, kind) in enumerate(itertools.product(corpus.PLACES,
                                                                       corpus.DISASTERS))]
    event_names = (event_names * (events // len(event_names) + 1))[:events]
    event_names = [f"{e}-{n}" for n, e in enumerate(event_names)]
    remove_db(path)
    db = open_db(path)
    stored = n = 0
    with ReportWriter(db) as writer:
        while stored < n_claims:
            with db.atomic():  # a transaction per 2,000 reports: the store functions nest
                for _ in range(2000):
                    text, rows = pool[n % len(pool)]
                    n += 1
                    meta = Meta(title=f"Report {n}", outlet=rng.choice(corpus.OUTLETS),
                                date=f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-"
                                     f"{rng.randint(1, 28):02d}",
                                event=rng.choice(event_names))
                    writer.store(Report(f"{text}\n\nArchive copy {n}.", f"r{n}", f"r{n}",
                                        None, meta), rows)
                    stored += len(rows)
                    if stored >= n_claims:
                        break
    db.close()  # no ANALYZE: the planner works without statistics, as on a user's database


def bench_queries(workdir: Path, n_claims: int) -> None:
    path = workdir / f"claims-{n_claims}.db"
    marker = Path(f"{path}.v3.complete")  # bump when build_claims_db or the schema changes
    if not marker.exists():
        start = time.perf_counter()
        build_claims_db(path, n_claims)
        marker.write_text("ok")
        print(f"  built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    else:
        open_db(path).close()  # apply any new migration before timing
    with sqlite3.connect(path) as conn:
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        # a typical event: the one with the median number of claims
        per_event = conn.execute(
            "SELECT r.event, count(*) FROM claims c JOIN reports r ON r.id = c.report_id "
            "GROUP BY r.event ORDER BY 2").fetchall()
    event, event_claims = per_event[len(per_event) // 2]
    where = f"{claims:,} claims; --event {event}: {event_claims:,} claims"
    base = [*CLAIMTRACK, "--db", str(path)]

    def plain(sql: str, *params: str) -> float:
        code = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                "c.execute(sys.argv[2], sys.argv[3:]).fetchall()")
        return best_run([PYTHON, "-c", code, str(path), sql, *params])

    whole_sql = ("SELECT c.*, r.outlet FROM claims c JOIN reports r ON r.id = c.report_id "
                 "WHERE c.metric != 'other'")
    base_label = "same rows in plain SQL (python + sqlite3)"
    # `conflicts` keeps each event's verdicts (claimtrack.store.verdicts): the first read
    # after a write to an event computes that event's again. Every event marked as written
    # to, the first whole-database read computes and stores them all: what an upgrade or
    # a new lexicon costs once.
    dirty(path)
    seconds = best_run([*base, "conflicts", "-f", "jsonl"], n=1)
    baseline = plain(whole_sql)
    row(f"`conflicts`, whole database, first read after a write to every event: computes and "
        f"stores all verdicts ({claims:,} claims)", f"{seconds:,.1f} s", base_label,
        f"{baseline:,.1f} s", seconds / baseline)
    event_sql = ("SELECT c.*, r.outlet, r.date, r.title FROM claims c JOIN reports r "
                 "ON r.id = c.report_id WHERE r.event = ? AND c.metric != 'other'")
    event_base = plain(event_sql, event)
    times = []
    for _ in range(5):
        dirty(path, event)
        times.append(best_run([*base, "conflicts", "--event", event, "-f", "jsonl"], n=1))
    row(f"`conflicts --event E`, first read after a write to E: computes and stores E's "
        f"verdicts ({where})", f"{min(times) * 1000:,.0f} ms", base_label,
        f"{event_base * 1000:,.0f} ms", min(times) / event_base)
    cases = [
        ("conflicts --event E", ["conflicts", "--event", event], event_base),
        ("timeline --event E", ["timeline", "--event", event], event_base),
        ("claims --event E --metric killed", ["claims", "--event", event, "--metric", "killed"],
         plain(event_sql + " AND c.metric = ?", event, "killed")),
        ("conflicts --event E --metric killed --strict",
         ["conflicts", "--event", event, "--metric", "killed", "--strict"],
         plain(event_sql + " AND c.metric = ?", event, "killed")),
    ]
    for label, argv, baseline in cases:
        seconds = best_run([*base, *argv, "-f", "jsonl"])
        row(f"`{label}` ({where})", f"{seconds * 1000:,.0f} ms", base_label,
            f"{baseline * 1000:,.0f} ms", seconds / baseline)
    _in_process_conflicts(path, event, event_sql, where)
    whole = [
        ("claims --metric killed", ["claims", "--metric", "killed"],
         "SELECT c.*, r.outlet FROM claims c JOIN reports r ON r.id = c.report_id "
         "WHERE c.metric = ?", ("killed",)),
        ("conflicts", ["conflicts"], whole_sql, ()),
        ("timeline --metric killed", ["timeline", "--metric", "killed"],
         "SELECT c.*, r.outlet FROM claims c JOIN reports r ON r.id = c.report_id "
         "WHERE c.metric = ?", ("killed",)),
    ]
    for label, argv, sql, params in whole:
        seconds = best_run([*base, *argv, "-f", "jsonl"], n=1)
        baseline = plain(sql, *params)
        row(f"`{label}`, whole database ({claims:,} claims)", f"{seconds:,.1f} s",
            base_label, f"{baseline:,.1f} s", seconds / baseline)


def dirty(path: Path, event: str | None = None) -> None:
    """Mark one event's stored verdicts (or every event's) as a write to it would."""
    with sqlite3.connect(path) as conn:
        if event is None:
            conn.execute("INSERT OR IGNORE INTO verdict_dirty (event) "
                         "SELECT DISTINCT event FROM reports")
        else:
            conn.execute("INSERT OR IGNORE INTO verdict_dirty (event) VALUES (?)", [event])
    conn.close()


def _in_process_conflicts(path: Path, event: str, event_sql: str, where: str) -> None:
    """What `conflicts --event E` costs once Python is up: the database work and the
    grouping, without the start-up of a new process (see the last row)."""
    from claimtrack.conflicts import find_conflicts
    from claimtrack.store import claim_rows, open_reader

    def library() -> None:
        db = open_reader(path)  # as the command opens it
        find_conflicts(claim_rows(db, event=event, include_other=False), event=event)
        db.close()

    def plain() -> None:
        with sqlite3.connect(path) as conn:
            conn.execute(event_sql, [event]).fetchall()

    seconds, baseline = best_of(5, library), best_of(5, plain)
    row(f"`conflicts --event E` in process: open_reader + claim_rows + find_conflicts ({where})",
        f"{seconds * 1000:,.1f} ms", "same rows in plain SQL, in process",
        f"{baseline * 1000:,.1f} ms", seconds / baseline)


def bench_startup() -> None:
    script = Path(PYTHON).with_name("claimtrack")
    argv = [str(script)] if script.exists() else CLAIMTRACK
    help_seconds = best_run([*argv, "--help"], n=11)
    pass_seconds = best_run([PYTHON, "-c", "pass"], n=11)
    row("`claimtrack --help` start-up", f"{help_seconds * 1000:.0f} ms", "`python -c pass`",
        f"{pass_seconds * 1000:.0f} ms", help_seconds / pass_seconds)


# One process mapping claimtrack.extract_partition over a JSON-lines corpus in partitions of
# PARTITION_LINES lines, on N processes (a pool, one partition per task), rows to JSON lines.
MAPPER = """
import itertools, json, sys, time
from concurrent.futures import ProcessPoolExecutor
from claimtrack import extract_partition
path, processes, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def part(args):
    first, lines = args
    return extract_partition(lines, name=path, first_line=first, path=path)
def parts():
    with open(path, "rb") as f:
        n = 1
        while lines := list(itertools.islice(f, 500)):
            yield n, lines
            n += len(lines)
start = time.perf_counter()
with open(out, "w") as sink:
    if processes == 1:
        results = map(part, parts())
    else:
        pool = ProcessPoolExecutor(processes)
        results = pool.map(part, parts(), chunksize=1)
    for rows in results:
        sink.writelines(json.dumps(r) + "\\n" for r in rows)
print(time.perf_counter() - start)
"""

DASK_RUN = """
import sys, time
import distributed
from claimtrack.dask import extract_parquet
start = time.perf_counter()
with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, distributed.Client(cluster) as client:
    ready = time.perf_counter()
    extract_parquet([sys.argv[1]], sys.argv[2], client=client, partition_bytes=500_000)
    done = time.perf_counter()
print(ready - start, done - ready)
"""


def bench_scale(workdir: Path, corpus_file: Path, reports: int) -> None:
    """SPEC §12: the API mapper on 1 and 2 processes, Dask local, and the merge, beside
    ingest --jobs 2 (one run each: a cluster-sized question, answered in ratios)."""
    size = mb(corpus_file.stat().st_size)
    db = workdir / "scale-ingest-2.db"
    remove_db(db)
    ingest2, _, _ = run_ingest(db, [corpus_file], 2)
    row(f"ingest --jobs 2 ({size:.0f} MB JSON lines, {reports:,} reports)",
        f"{size / ingest2:.2f} MB/s · {reports / ingest2:,.0f} reports/s")
    rows_file = workdir / "scale-rows.jsonl"
    mapped = {}
    for processes in (1, 2):
        out = subprocess.run([PYTHON, "-c", MAPPER, str(corpus_file), str(processes),
                              str(rows_file)], capture_output=True, text=True, env=ENV, check=True)
        mapped[processes] = float(out.stdout)
        row(f"API mapper (extract_partition, 500 lines a partition), {processes} "
            f"process{'es' if processes > 1 else ''}",
            f"{size / mapped[processes]:.2f} MB/s · {reports / mapped[processes]:,.0f} reports/s",
            "ingest --jobs 2", f"{size / ingest2:.2f} MB/s", f"{ingest2 / mapped[processes]:.2f}×")
    try:
        import distributed  # noqa: F401
    except ImportError:
        row("Dask local", "not measured: pip install 'claimtrack[dask]'")
    else:
        out = subprocess.run([PYTHON, "-c", DASK_RUN, str(corpus_file),
                              str(workdir / "scale-parquet")],
                             capture_output=True, text=True, env=ENV, check=True)
        startup, seconds = map(float, out.stdout.split())
        row("Dask LocalCluster, 2 worker processes → Parquet (cluster start-up apart: "
            f"{startup:.1f} s)", f"{size / seconds:.2f} MB/s · {reports / seconds:,.0f} reports/s",
            "ingest --jobs 2", f"{size / ingest2:.2f} MB/s", f"{ingest2 / seconds:.2f}×")
    merged = workdir / "scale-merged.db"
    remove_db(merged)
    start = time.perf_counter()
    subprocess.run([*CLAIMTRACK, "--db", str(merged), "ingest", str(corpus_file), "--quiet",
                    "--claims", str(rows_file)], env=ENV, check=True)
    merge = time.perf_counter() - start
    row("merge: ingest --claims ROWS.jsonl (no extraction)",
        f"{size / merge:.2f} MB/s · {reports / merge:,.0f} reports/s",
        "ingest --jobs 2", f"{size / ingest2:.2f} MB/s", f"{ingest2 / merge:.2f}× faster")
    row("merged database equals ingest --jobs 2's (ids, claims, links, sources)",
        "identical" if _same_rows(db, merged) else "DIFFERENT")


def untagged_corpus(path: Path, *, megabytes: float | None = None, reports: int | None = None,
                    per_day: int | None = None, seed: int = 0) -> int:
    """The synthetic corpus without event tags (what automatic events group), written to
    ``path`` up to ``megabytes`` MB or ``reports`` reports; with ``per_day``, report n is
    dated n // per_day days after 2000-01-01, so that the density of reports in time, which
    grouping's cost follows, stays the same however many there are."""
    import datetime
    import json

    size = count = 0
    with open(path, "w", encoding="utf-8") as f:
        for obj in corpus.reports(seed):
            obj.pop("event")
            if per_day:
                day = datetime.date(2000, 1, 1) + datetime.timedelta(days=count // per_day)
                obj["date"] = day.isoformat()
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            count += 1
            if (megabytes and size >= megabytes * 1_000_000) or (reports and count >= reports):
                return count
    return count


def _ingest_seconds(db: Path, files: list[Path], jobs: int, *flags: str,
                    cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one ingest; with ``cpu``, its processor seconds (user and
    system, the worker processes' too) are appended to it."""
    import resource

    argv = [*CLAIMTRACK, "--db", str(db), "ingest", *map(str, files), "--jobs", str(jobs),
            "--quiet", *flags]
    if hasattr(os, "sync"):
        os.sync()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, env=ENV, check=True)
    seconds = time.perf_counter() - start
    if cpu is not None:
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    return seconds


def bench_events(workdir: Path, megabytes: float, scale: int) -> None:
    """Ingest of untagged reports with automatic events against ``--no-group`` (the ingest
    of before events), and, with ``scale``, the cost per report as the database grows.

    On a machine shared with other work the wall-clock rows drift with the load; the
    processor time that the ingest's processes use does much less, so it has rows too."""
    path = workdir / f"untagged-{megabytes:g}mb.jsonl"
    n = untagged_corpus(path, megabytes=megabytes)
    size = mb(path.stat().st_size)
    best: dict = {}
    cpu: dict = {}
    for _ in range(ROUNDS):
        for jobs in (1, 2):
            for flag in ("--group", "--no-group"):
                db = workdir / "events.db"
                remove_db(db)
                used: list[float] = []
                seconds = _ingest_seconds(db, [path], jobs, flag, cpu=used)
                best[jobs, flag] = min(best.get((jobs, flag), float("inf")), seconds)
                cpu[jobs, flag] = min(cpu.get((jobs, flag), float("inf")), used[0])
    for jobs in (1, 2):
        group, plain = best[jobs, "--group"], best[jobs, "--no-group"]
        row(f"ingest with automatic events and copies, --jobs {jobs} ({size:.0f} MB, "
            f"{n:,} untagged reports)", f"{n / group:,.0f} reports/s",
            "--no-group (no events, no copies)", f"{n / plain:,.0f} reports/s",
            f"{plain / group:.2f} of its speed")
    for jobs in (1, 2):
        group, plain = cpu[jobs, "--group"], cpu[jobs, "--no-group"]
        row(f"processor time of that ingest, --jobs {jobs} (user + system, all its processes)",
            f"{group * 1000 / n:.2f} ms/report", "--no-group",
            f"{plain * 1000 / n:.2f} ms/report", f"{plain / group:.2f} of its speed")
    if not scale:
        return
    # Constant density (20 reports a day): a report is compared with the reports of its
    # fortnight and of its rare names, so its cost should not grow with the database.
    chunk = 10_000
    whole = workdir / f"untagged-{scale}.jsonl"
    untagged_corpus(whole, reports=scale, per_day=20)
    parts = []
    with whole.open(encoding="utf-8") as f:
        for i in range(0, scale, chunk):
            part = workdir / f"untagged-{scale}-part{i // chunk}.jsonl"
            part.write_text("".join(itertools.islice(f, chunk)), encoding="utf-8")
            parts.append(part)
    db = workdir / f"events-{scale}.db"
    remove_db(db)
    times: list[float] = []
    used: list[float] = []
    for n, part in enumerate(parts, 1):
        times.append(_ingest_seconds(db, [part], 2, cpu=used))
        print(f"events at scale: part {n} of {len(parts)}: {times[-1]:.1f} s "
              f"({used[-1]:.1f} s of processor time)", file=sys.stderr)
    for at in sorted({0, len(times) // 2, len(times) - 1}):
        row(f"automatic events at scale: ingest of reports {at * chunk + 1:,}–"
            f"{(at + 1) * chunk:,} into a database of {at * chunk:,}, --jobs 2 "
            f"(20 reports a day)", f"{chunk / times[at]:,.0f} reports/s",
            f"reports 1–{chunk:,} into an empty one", f"{chunk / times[0]:,.0f} reports/s",
            f"{times[0] / times[at]:.2f} of its speed")
        row("processor time of the same ingest (user + system, all its processes)",
            f"{used[at] * 1000 / chunk:.2f} ms/report", f"reports 1–{chunk:,}",
            f"{used[0] * 1000 / chunk:.2f} ms/report", f"{used[0] / used[at]:.2f} of its speed")
    grouped = sqlite3.connect(db).execute(
        "SELECT count(*), (SELECT count(*) FROM events) FROM reports").fetchone()
    row(f"automatic events at scale: {grouped[0]:,} reports", f"{grouped[1]:,} events")


SECTIONS = ("extract", "store", "ingest", "concurrent", "rss", "stress", "queries", "startup",
            "scale", "events")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=10,
                        help="MB of corpus for throughput (default 10)")
    parser.add_argument("--rss-size", type=float, default=100,
                        help="MB of corpus for the peak-RSS ingest (default 100)")
    parser.add_argument("--claims", type=int, default=1_000_000,
                        help="claims in the query database (default 1,000,000)")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="also measure extraction on this JSON lines file")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "claimtrack-bench")
    parser.add_argument("--fresh", action="store_true", help="empty the workdir first")
    parser.add_argument("--events-scale", type=int, default=0, metavar="N",
                        help="also ingest N untagged reports (e.g. 100000) in parts of 10,000, "
                             "timing each part: automatic events' cost as the database grows")
    args = parser.parse_args(argv)
    if args.fresh and args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus_file = args.workdir / f"corpus-{args.size:g}mb.jsonl"
    if not corpus_file.exists():
        corpus.write_jsonl(corpus_file, args.size)
    n_reports = sum(1 for _ in corpus_file.open("rb"))
    print(f"claimtrack benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}, load average "
          f"{os.getloadavg()[0]:.2f} at start; workdir {args.workdir}", file=sys.stderr)

    extract_mb_s = None  # extraction speed in MB of input file per second, as ingest counts
    reports: list = []
    results: list = []
    if "extract" in args.only or "store" in args.only:
        reports, results, seconds = bench_extract(corpus_file)
        extract_mb_s = mb(corpus_file.stat().st_size) / seconds
        extras = [(extra.name, bench_extract(extra, label=extra.name)[0]) for extra in args.corpus]
        if "extract" in args.only:
            bench_grammar_cost(reports, "synthetic")
            for name, extra_reports in extras:
                bench_grammar_cost(extra_reports, name)
            bench_stages(reports, "synthetic")
            for name, extra_reports in extras:
                bench_stages(extra_reports, name)
            bench_token_stream(reports, "synthetic")
            for name, extra_reports in extras:
                bench_token_stream(extra_reports, name)
            extras = []
    if "store" in args.only:
        bench_store(args.workdir, reports, results)
    reports = results = []  # free them before the subprocess measurements
    if "ingest" in args.only:
        bench_ingest(args.workdir, corpus_file, n_reports, extract_mb_s)
    if "concurrent" in args.only:
        bench_concurrent(args.workdir, corpus_file)
    if "rss" in args.only:
        bench_rss(args.workdir, args.rss_size, corpus_file)
    if "stress" in args.only:
        bench_stress(args.workdir, 1)
    if "queries" in args.only:
        bench_queries(args.workdir, args.claims)
    if "startup" in args.only:
        bench_startup()
    if "scale" in args.only:
        bench_scale(args.workdir, corpus_file, n_reports)
    if "events" in args.only:
        bench_events(args.workdir, args.size, args.events_scale)

    print(f"\nload average {os.getloadavg()[0]:.2f} at the end\n", file=sys.stderr)
    print("| measure | value | baseline | baseline value | ratio |")
    print("|---|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
