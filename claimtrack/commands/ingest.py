"""The commands that read reports: ingest, extract and reextract."""
from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from ..db import ReextractSummary, ingest as ingest_reports, open_db, reextract as reextract_reports
from ..inputs import DEFAULT_MAX_BYTES, Meta, Rejection, check_date, read_inputs
from ..output import EXTRACT_TABLE, REEXTRACT_TABLE, render
from .common import (DbOpt, EventOpt, FormatOpt, LexiconOpt, MaxBytesOpt, OutletOpt, PathsArg,
                     db_path, err, escape, handled, plural, say_rejected)


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
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", show_default=False,
        help="Processes that extract claims \\[default: the number of cores]; 1 extracts in "
             "this one. Reports are stored in input order either way.")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary (rejections still show).")
    ] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
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

    Example: claimtrack ingest samples/ --event almaty-2022
    """
    from ..db import IngestSummary
    from ..extract import load_lexicon
    from ..parallel import default_jobs

    path = db_path(ctx, db)
    summary = IngestSummary()
    with handled(ctx, path), _until_interrupted() as stop:
        lex = load_lexicon(lexicon)
        defaults = Meta(title=title, date=check_date(date) if date else None, url=url,
                        outlet=outlet, event=event)
        try:
            database = open_db(path)
            with _ingest_progress(paths, quiet) as progress:
                ingest_reports(database,
                               read_inputs(paths, defaults=defaults, max_bytes=max_bytes),
                               lexicon=lex,
                               on_reject=say_rejected, jobs=jobs or default_jobs(),
                               stop=stop, on_progress=progress, summary=summary,
                               group=group)
        except KeyboardInterrupt:  # a second Ctrl-C: stopped at once, rolled back
            summary.interrupted = True
        if not quiet:
            err().print(
                f"{'interrupted: ' if summary.interrupted else ''}"
                f"added {plural(summary.added, 'report')} "
                f"({_claims_stored(summary)}), "
                f"skipped {plural(summary.duplicates, 'duplicate')}, "
                f"rejected {plural(summary.rejected, 'input')} → {escape(path)}"
            )
            if summary.interrupted:
                err().print("run the same command again to add the rest: stored reports are "
                          "skipped")
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.rejected:
        raise typer.Exit(1)


def _claims_stored(summary) -> str:
    """"9 claims", or "9 claims, 2 more with metric other": what `claims` and `--all` list."""
    listed = plural(summary.claims - summary.other, "claim")
    return f"{listed}, {summary.other} more with metric other" if summary.other else listed


@contextmanager
def _until_interrupted() -> Iterator[Callable[[], bool]]:
    """A stop flag that the first Ctrl-C raises; a second Ctrl-C interrupts at once."""
    requested: list[bool] = []

    def on_sigint(signum, frame) -> None:
        if requested:
            raise KeyboardInterrupt
        requested.append(True)

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread: Ctrl-C keeps its usual meaning
        yield lambda: False
        return
    try:
        yield lambda: bool(requested)
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
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Print the claims in reports, without a database: every figure, metric 'other' too.

    Each row's `report` is the input's id, else its path (path:line in JSON lines).
    Exit 1 if some inputs were rejected.

    Example: claimtrack extract --format jsonl - < reports.jsonl
    """
    from ..extract import load_lexicon
    from ..inputs import claim_rows_for

    rejected = 0

    def rows() -> Iterator[dict]:
        nonlocal rejected
        for item in read_inputs(paths, defaults=Meta(outlet=outlet), max_bytes=max_bytes):
            if isinstance(item, Rejection):
                rejected += 1
                say_rejected(item)
            else:
                yield from claim_rows_for(item, lex)

    with handled(ctx):
        lex = load_lexicon(lexicon)
        render(rows(), fmt, EXTRACT_TABLE, empty="no claims found")
    if rejected:
        raise typer.Exit(1)


def reextract(
    ctx: typer.Context,
    lexicon: LexiconOpt = None,
    event: EventOpt = None,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Extract the claims of stored reports again, after a lexicon or claimtrack change.

    One transaction per report: claims found unchanged keep their numbers, the others are
    replaced, and sources no claim cites any more are dropped. Lists the reports whose
    claims changed (claims before → after); a summary goes to stderr. Pass the same
    --lexicon to later ingests (or set CLAIMTRACK_LEXICON).

    Example: claimtrack reextract --lexicon acled.toml
    """
    from ..extract import load_lexicon

    path = db_path(ctx, db)
    with handled(ctx, path):
        lex = load_lexicon(lexicon)
        summary = ReextractSummary()
        changes = reextract_reports(open_db(path, create=False), lexicon=lex, event=event,
                                    summary=summary)
        render((c for c in changes if c["added"] or c["removed"]), fmt, REEXTRACT_TABLE,
               empty="no claims changed")
        err().print(
            f"re-extracted {plural(summary.reports, 'report')} "
            f"({summary.changed} changed): "
            f"{plural(summary.added, 'claim')} added, {summary.removed} removed, "
            f"{summary.unchanged} unchanged → {escape(path)}"
        )
