"""The commands that read reports: ingest, extract and reextract."""
from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Annotated, TypeVar

import typer

from ..inputs import DEFAULT_MAX_BYTES, Meta, Rejection, check_date, read_inputs
from ..output import EXTRACT_TABLE, REEXTRACT_TABLE, render
from .common import (ConventionOpt, DbOpt, EventOpt, FormatOpt, LexiconOpt, MaxBytesOpt, OutletOpt,
                     PathsArg, db_path, err, escape, handled, plural, say_rejected, say_skipped)
from .common import lexicon_for

T = TypeVar("T")


def ingest(
    ctx: typer.Context,
    paths: PathsArg,
    event: Annotated[str | None, typer.Option(
        help="Event tag for reports that carry none (else they are grouped into events "
             "automatically).", show_default=False)] = None,
    group: Annotated[bool, typer.Option(
        "--group/--no-group",
        help="Group reports without an event tag into events automatically; --no-group puts "
             "them in event 'default' (`claimtrack events regroup` groups them later).")
    ] = True,
    outlet: OutletOpt = None,
    date: Annotated[str | None, typer.Option(
        help="ISO date for reports that carry none.", show_default=False)] = None,
    url: Annotated[str | None, typer.Option(
        help="URL for reports that carry none.", show_default=False)] = None,
    title: Annotated[str | None, typer.Option(
        help="Title for reports that carry none.", show_default=False)] = None,
    lexicon: LexiconOpt = None,
    convention: ConventionOpt = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", show_default=False,
        help="Processes that extract claims \\[default and most: the number of cores, fewer "
             "if the open-file limit says so]; 1 extracts in this one. Reports are stored "
             "in input order either way.")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary (rejections still show).")
    ] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    claims: Annotated[str | None, typer.Option(
        "--claims", metavar="ROWS", show_default=False,
        help="Claim rows extracted elsewhere (JSON lines or Parquet of "
             "claimtrack.extract_partition, or a folder of them): stored with these reports, "
             "not extracted again.")] = None,
    db: DbOpt = None,
) -> None:
    """Store reports and the claims extracted from them; a summary goes to stderr.

    A report's own metadata (front matter, JSON fields) wins; the options fill the gaps.
    The same text ingested twice is stored once; a near-duplicate of a stored report is
    stored and marked as its copy. Reports without an event tag join the event of the
    reports they are about, or open one (`claimtrack events` lists them). Exit 1 if some
    inputs were rejected.

    Each report is stored with its claims in one transaction. Ctrl-C stops after the
    report being stored (exit 130); the same command run again adds the rest.

    The database records the lexicon (the file's content) and the convention: later
    ingests and reextracts use them unless given others.

    Example: claimtrack ingest reports/almaty/ --event almaty-2022
    """
    from ..store import IngestSummary, ingest as ingest_reports, open_db  # not at start-up
    from ..extract.conventions import given_overlay
    from ..parallel import usable_jobs

    path = db_path(ctx, db)
    summary = IngestSummary()
    ingest_or_rows = ingest_reports
    with handled(ctx, path), _until_interrupted() as stop:
        overlay = given_overlay(lexicon)  # a bad file is refused before the database is made
        if claims is not None:  # checked before the database is opened
            ingest_or_rows = partial(_ingest_claims, _claim_rows(claims))
        defaults = Meta(title=title, date=check_date(date) if date else None, url=url,
                        outlet=outlet, event=event)
        label = None  # the lexicon's, once the database has told it
        try:
            database = open_db(path)
            lex, lexicon_id, label = lexicon_for(database, overlay, convention)
            with _ingest_progress(paths, quiet) as progress:
                ingest_or_rows(database, stop.inputs(
                                   read_inputs(paths, defaults=defaults, max_bytes=max_bytes)),
                               lexicon=lex, lexicon_id=lexicon_id,
                               on_reject=say_rejected, jobs=usable_jobs(jobs),
                               on_skip=lambda report, numbers: say_skipped(report.name, numbers),
                               stop=stop, on_progress=progress, summary=summary,
                               group=group)
        except KeyboardInterrupt:  # a second Ctrl-C: stopped at once, rolled back
            summary.interrupted = True
        except Exception:
            # A worker died, the disk filled…: say what was stored before the error line.
            if not quiet and (summary.added or summary.duplicates or summary.rejected):
                _say_summary(summary, path, "stopped: ", label)
            raise
        summary.interrupted = summary.interrupted or stop.cut
        if not quiet:
            _say_summary(summary, path, "interrupted: " if summary.interrupted else "",
                         label)
            if summary.interrupted:
                err().print("run the same command again to add the rest: stored reports are "
                          "skipped")
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.rejected:
        raise typer.Exit(1)


def _with_lexicon(label: str | None) -> str:
    """What a summary adds when the lexicon is not the default one."""
    return f" (lexicon: {escape(label)})" if label and label != "default" else ""


def _say_summary(summary, path: str, prefix: str, label: str | None = None) -> None:
    err().print(
        f"{prefix}added {plural(summary.added, 'report')} "
        f"({_claims_stored(summary)}), "
        f"skipped {plural(summary.duplicates, 'duplicate')}, "
        f"rejected {plural(summary.rejected, 'input')} → {escape(path)}{_with_lexicon(label)}"
    )


def _claim_rows(rows_path: str):
    from ..partition import read_claim_rows

    return read_claim_rows(rows_path)


def _ingest_claims(rows, database, inputs, *, lexicon=None, jobs=1, **options):
    """ingest --claims: the reports with the rows extracted elsewhere (SPEC §12)."""
    from ..store import ingest_rows

    return ingest_rows(database, inputs, rows, **options)


def _claims_stored(summary) -> str:
    """"9 claims", or "9 claims, 2 more with metric other": what `claims` and `--all` list."""
    listed = plural(summary.claims - summary.other, "claim")
    return f"{listed}, {summary.other:,} more with metric other" if summary.other else listed


class _Interrupt:
    """Ctrl-C during an ingest: the first stops after the report being stored, a second
    stops at once. While the ingest waits for input (a pipe nobody writes to yet), the
    first ends the input there, and what was read is stored."""

    def __init__(self) -> None:
        self.requested = False
        self.reading = False  # waiting for the next input: nothing half done to finish
        self.cut = False  # the input was ended by Ctrl-C

    def __call__(self) -> bool:
        return self.requested

    def on_sigint(self, signum, frame) -> None:
        if self.requested or self.reading:
            raise KeyboardInterrupt
        self.requested = True

    def inputs(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, until they end or Ctrl-C comes while the next is awaited."""
        items = iter(items)
        while True:
            self.reading = True
            try:
                item = next(items)
            except StopIteration:
                return
            except KeyboardInterrupt:
                self.cut = True
                return
            finally:
                self.reading = False
            yield item


@contextmanager
def _until_interrupted() -> Iterator[_Interrupt]:
    """A stop flag that the first Ctrl-C raises; a second Ctrl-C interrupts at once."""
    state = _Interrupt()
    try:
        previous = signal.signal(signal.SIGINT, state.on_sigint)
    except ValueError:  # not the main thread: Ctrl-C keeps its usual meaning
        yield state
        return
    try:
        yield state
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _ingest_progress(paths: list[str], quiet: bool) -> Iterator[Callable | None]:
    """A progress bar on stderr when it is a terminal (and not --quiet), else nothing."""
    if quiet or not err().is_terminal:
        yield None
        return
    from ..progress import IngestProgress

    with IngestProgress(paths, err()) as progress:
        yield progress


def extract(
    ctx: typer.Context,
    paths: PathsArg,
    fmt: FormatOpt = None,
    outlet: OutletOpt = None,
    lexicon: LexiconOpt = None,
    convention: ConventionOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Print the claims in reports, without a database: every figure, metric 'other' too.

    Each row's `report` is the input's id, else its path (path:line in JSON lines).
    Exit 1 if some inputs were rejected.

    Example: claimtrack extract --format jsonl - < reports.jsonl
    """
    from ..extract.conventions import choose, given_overlay
    from ..inputs import claim_rows_for

    rejected = 0

    def rows() -> Iterator[dict]:
        nonlocal rejected
        for item in read_inputs(paths, defaults=Meta(outlet=outlet), max_bytes=max_bytes):
            if not isinstance(item, Rejection):
                skipped: list = []
                try:
                    found = claim_rows_for(item, lex, skipped)
                except Exception as e:  # a bug on one odd text: name it, go on with the rest
                    item = Rejection(item.name, f"extraction failed: {type(e).__name__}: {e}")
                else:
                    if skipped:
                        say_skipped(item.name, [f.surface for f in skipped])
                    yield from found
                    continue
            rejected += 1
            say_rejected(item)

    with handled(ctx):
        lex = choose(given_overlay(lexicon), convention and convention.value).lexicon()
        render(rows(), fmt, EXTRACT_TABLE, empty="no claims found")
    if rejected:
        raise typer.Exit(1)


def reextract(
    ctx: typer.Context,
    lexicon: LexiconOpt = None,
    convention: ConventionOpt = None,
    event: EventOpt = None,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Extract the claims of stored reports again, after a lexicon or claimtrack change.

    One transaction per report: claims found unchanged keep their numbers, the others are
    replaced, and sources no claim cites any more are dropped. Lists the reports whose
    claims changed (claims before → after); a summary goes to stderr. A report whose
    extraction fails keeps its claims and is named on stderr (exit 1).

    Without --lexicon or --convention, the ones the database recorded are kept; each one
    given replaces its recorded value, and later ingests use them too.

    Example: claimtrack reextract --convention acled
    """
    from ..extract.conventions import given_overlay
    from ..store import ReextractSummary, open_db, reextract as reextract_reports  # not at start-up

    path = db_path(ctx, db)
    with handled(ctx, path):
        overlay = given_overlay(lexicon)
        database = open_db(path, create=False)
        lex, lexicon_id, label = lexicon_for(database, overlay, convention)
        summary = ReextractSummary()
        changes = reextract_reports(database, lexicon=lex, event=event,
                                    summary=summary, on_reject=say_rejected,
                                    lexicon_id=lexicon_id)
        render((c for c in changes if c["added"] or c["removed"]), fmt, REEXTRACT_TABLE,
               empty="no claims changed")
        err().print(
            f"re-extracted {plural(summary.reports, 'report')} "
            f"({summary.changed:,} changed): "
            f"{plural(summary.added, 'claim')} added, {summary.removed:,} removed, "
            f"{summary.unchanged:,} unchanged"
            f"{f', {summary.rejected:,} rejected' if summary.rejected else ''} → {escape(path)}"
            f"{_with_lexicon(label)}"
        )
    if summary.rejected:
        raise typer.Exit(1)
