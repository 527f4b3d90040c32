"""The command line: parse arguments, call the library, render the rows. No SQL here."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .db import DEFAULT_DB, ENV_DB, ReextractSummary, claim_rows, database_error, export_claims
from .db import get_claim, get_report, ingest as ingest_reports, list_claims, list_reports
from .db import list_sources, open_db, reextract as reextract_reports, search as search_db
from .errors import ClaimtrackError, UsageError
from .export import ExportFormat
from .inputs import DEFAULT_MAX_BYTES, Meta, Rejection, check_date, read_inputs
from .output import CLAIM_TABLE, EXTRACT_TABLE, REEXTRACT_TABLE, REPORT_TABLE, SEARCH_TABLE
from .output import SOURCE_TABLE, Format, render, render_claim, render_conflicts, render_report
from .output import render_timeline

if TYPE_CHECKING:
    from rich.console import Console

# Each command imports what only it needs (the extraction engine, the conflict rules, rich),
# so that a listing starts as fast as Python allows: start-up is most of its time.

app = typer.Typer(
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@cache
def err() -> Console:
    """The console on stderr for progress, summaries and errors, made on first use."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """``text`` with its rich markup escaped, to print as it is."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


@dataclass(slots=True)
class State:
    db: str = DEFAULT_DB
    debug: bool = False


FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="table, json, jsonl, csv or tsv \\[default: a table on a terminal, else jsonl]")]
DbOpt = Annotated[str | None, typer.Option(
    "--db", show_default=False, metavar="PATH",
    help=f"Database file (overrides the global --db, ${ENV_DB}, {DEFAULT_DB}).")]
PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH", show_default=False,
    help="Files (.txt .md .json .jsonl .html), folders (recursive), glob patterns, or - for "
         "stdin.")]
LexiconOpt = Annotated[str | None, typer.Option(
    "--lexicon", metavar="FILE", show_default=False,
    help="TOML file extending the default lexicon (env CLAIMTRACK_LEXICON).")]
OutletOpt = Annotated[str | None, typer.Option(
    help="Outlet for reports that do not name one.", show_default=False)]
EventOpt = Annotated[str | None, typer.Option(help="Only this event.", show_default=False)]
AllOpt = Annotated[bool, typer.Option("--all", help="Include figures of metric 'other'.")]
MaxBytesOpt = Annotated[int, typer.Option(
    "--max-bytes", min=1, metavar="N",
    help="Reject a report (file, JSON line, stdin) larger than N bytes, unread.")]


def fail(error: ClaimtrackError) -> NoReturn:
    """One line on stderr, then the exit code SPEC §7 gives the error's class."""
    err().print(f"[red]Error:[/red] {escape(str(error))}")
    raise typer.Exit(error.exit_code)


@contextmanager
def handled(ctx: typer.Context, db: str | None = None) -> Iterator[None]:
    """Turn every error raised inside into one line and an exit code (traceback: --debug)."""
    debug = ctx.obj.debug if ctx.obj else False
    try:
        yield
    except typer.Exit:
        raise
    except BrokenPipeError:
        # The reader (head, less) went away: stop quietly, without a second error at exit.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(1) from None
    except ClaimtrackError as e:
        if debug:
            raise
        fail(e)
    except sqlite3.Error as e:
        if debug:
            raise
        fail(database_error(e, db or DEFAULT_DB))
    except Exception as e:
        if debug:
            raise
        err().print(f"[red]Error:[/red] unexpected {type(e).__name__}: {escape(str(e))} "
                  "(run with --debug for the traceback)")
        raise typer.Exit(1) from None


def _db_path(ctx: typer.Context, db: str | None) -> str:
    return db or (ctx.obj.db if ctx.obj else None) or DEFAULT_DB


def _say_rejected(item: Rejection) -> None:
    err().print(f"[yellow]rejected[/yellow] {escape(item.name)}: {escape(item.reason)}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _version(value: bool) -> None:
    if value:
        from . import __version__  # importlib.metadata: only --version pays for it

        print(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[str, typer.Option("--db", envvar=ENV_DB, metavar="PATH",
                                    help="Database file.")] = DEFAULT_DB,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Figure-bearing claims from news reports, with their sources, side by side.

    Example: claimtrack ingest samples/ && claimtrack conflicts
    """
    ctx.obj = State(db=db, debug=debug)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: PathsArg,
    event: Annotated[str | None, typer.Option(
        help="Event tag for reports that carry none.", show_default=False)] = None,
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
    The same text ingested twice is stored once. Exit 1 if some inputs were rejected.

    Each report is stored with its claims in one transaction. Ctrl-C stops after the
    report being stored (exit 130); the same command run again adds the rest.

    Example: claimtrack ingest samples/ --event almaty-2022
    """
    from .db import IngestSummary
    from .extract import load_lexicon
    from .parallel import default_jobs

    path = _db_path(ctx, db)
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
                               on_reject=_say_rejected, jobs=jobs or default_jobs(),
                               stop=stop, on_progress=progress, summary=summary)
        except KeyboardInterrupt:  # a second Ctrl-C: stopped at once, rolled back
            summary.interrupted = True
        if not quiet:
            err().print(
                f"{'interrupted: ' if summary.interrupted else ''}"
                f"added {_plural(summary.added, 'report')} "
                f"({_plural(summary.claims, 'claim')}), "
                f"skipped {_plural(summary.duplicates, 'duplicate')}, "
                f"rejected {_plural(summary.rejected, 'input')} → {escape(path)}"
            )
            if summary.interrupted:
                err().print("run the same command again to add the rest: stored reports are "
                          "skipped")
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.rejected:
        raise typer.Exit(1)


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
    from .progress import IngestProgress

    with IngestProgress(paths, err()) as progress:
        yield progress


@app.command()
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
    from .extract import load_lexicon
    from .inputs import claim_rows_for

    rejected = 0

    def rows() -> Iterator[dict]:
        nonlocal rejected
        for item in read_inputs(paths, defaults=Meta(outlet=outlet), max_bytes=max_bytes):
            if isinstance(item, Rejection):
                rejected += 1
                _say_rejected(item)
            else:
                yield from claim_rows_for(item, lex)

    with handled(ctx):
        lex = load_lexicon(lexicon)
        render(rows(), fmt, EXTRACT_TABLE, empty="no claims found")
    if rejected:
        raise typer.Exit(1)


@app.command()
def reports(
    ctx: typer.Context,
    event: EventOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List stored reports with outlet, date, event and claim count.

    Example: claimtrack reports -f csv > reports.csv
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = list_reports(open_db(path, create=False), event=event, include_other=all_)
        render(rows, fmt, REPORT_TABLE, empty="no reports: run `claimtrack ingest` first")


@app.command()
def claims(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: Annotated[str | None, typer.Option(
        help="Only this metric (killed, injured, arrested…).", show_default=False)] = None,
    source: Annotated[str | None, typer.Option(
        help="Only claims with a source, origin or chain link whose name contains this.",
        show_default=False)] = None,
    subject: Annotated[str | None, typer.Option(
        help="Only this subject group, or subjects containing this.", show_default=False)] = None,
    report: Annotated[str | None, typer.Option(
        help="Only this report (its number, id or path).", show_default=False)] = None,
    location: Annotated[str | None, typer.Option(
        help="Only locations containing this.", show_default=False)] = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List stored claims: figure, interval, metric, subject, source ← origin, report.

    Example: claimtrack claims --metric killed --source police -f csv
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = list_claims(open_db(path, create=False), event=event, metric=metric,
                           source=source, subject=subject, report=report, location=location,
                           include_other=all_)
        render(rows, fmt, CLAIM_TABLE, empty="no claims match (metric 'other' needs --all)")


@app.command()
def sources(
    ctx: typer.Context,
    event: EventOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List sources with their kind, how many claims each stands behind, and events.

    Example: claimtrack sources --event almaty-2022
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = list_sources(open_db(path, create=False), event=event, include_other=all_)
        render(rows, fmt, SOURCE_TABLE, empty="no sources (metric 'other' needs --all)")


MetricOpt = Annotated[str | None, typer.Option(
    help="Only this metric (killed, injured, arrested…).", show_default=False)]


@app.command()
def conflicts(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: MetricOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Only contradictions: figures for the same group, from different "
                         "origins, that cannot both be true.")] = False,
    all_: Annotated[bool, typer.Option(
        "--all", help="Also the groups whose figures agree.")] = False,
    history: Annotated[bool, typer.Option(
        "--history", help="Also the figures an origin has since replaced, marked superseded.")
    ] = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List the figures given for the same event and metric that disagree, side by side.

    One group per event and metric, with a verdict: contradiction (figures for the same
    group of people, from different origins, that cannot both be true), divergent (figures
    differ, but none rules another out), agree (only with --all). Each origin counts with
    its latest figure; 'origins' is how many independent origins give a figure, however
    many outlets repeat it. Other formats give one row per claim: group, event, metric,
    verdict, claim, figure, value, low, high, subject_group, location, source, origin,
    report, date, hedge, outlet, origins, superseded, contradicted, voice.

    Example: claimtrack conflicts --event kazakhstan-2022 --strict
    """
    from .conflicts import conflicts_by_event

    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = claim_rows(open_db(path, create=False), event=event, metric=metric,
                          include_other=False, by_event=True)
        groups = conflicts_by_event(rows, event=event, metric=metric, strict=strict,
                                    include_all=all_, history=history)
        hint = "" if all_ or strict else " (groups whose figures agree need --all)"
        render_conflicts(groups, fmt, empty=f"no conflicting figures{hint}")


@app.command()
def timeline(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: MetricOpt = None,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Show how each origin's figures moved over time, per event, metric and group.

    A figure an origin later replaced is marked superseded (conflicts counts only the
    latest). Other formats give one row per claim: event, metric, subject_group, origin,
    date, figure, value, low, high, claim, report, superseded, location, source, voice.

    Example: claimtrack timeline --metric killed
    """
    from .conflicts import timeline_by_event

    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = claim_rows(open_db(path, create=False), event=event, metric=metric,
                          include_other=False, by_event=True)
        render_timeline(timeline_by_event(rows, event=event, metric=metric), fmt,
                        empty="no figures match")


@app.command()
def show(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(
        metavar="ID", show_default=False,
        help="A claim number (the # of `claims` and `conflicts`); with --report, a report "
             "number (the # of `reports`), or the input's id or path.")],
    report: Annotated[bool, typer.Option(
        "--report", "-r", help="ID names a report: show its metadata and its claims.")] = False,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Show one claim in its sentence, with its chain of sources and its report.

    With --report, show a report's metadata and its claims instead. The figure is marked
    **like this** when the output is not a terminal. An unknown ID exits 2.

    Example: claimtrack show 4; claimtrack show --report 1 -f json
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        database = open_db(path, create=False)
        if report:
            found = get_report(database, ident)
            if found is None:
                raise UsageError(f"no report {ident} in {path}: `claimtrack reports` lists them")
            claim_list = list(list_claims(database, report=found["id"], include_other=all_))
            render_report(found, claim_list, fmt)
            return
        if not ident.isdigit():
            raise UsageError(f"claim numbers are whole numbers, not {ident!r}; "
                             "for a report, use `claimtrack show --report ID`")
        claim = get_claim(database, int(ident))
        if claim is None:
            raise UsageError(f"no claim {ident} in {path}: `claimtrack claims` lists them")
        render_claim(claim, fmt)


@app.command()
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
    from .extract import load_lexicon

    path = _db_path(ctx, db)
    with handled(ctx, path):
        lex = load_lexicon(lexicon)
        summary = ReextractSummary()
        changes = reextract_reports(open_db(path, create=False), lexicon=lex, event=event,
                                    summary=summary)
        render((c for c in changes if c["added"] or c["removed"]), fmt, REEXTRACT_TABLE,
               empty="no claims changed")
        err().print(
            f"re-extracted {_plural(summary.reports, 'report')} "
            f"({summary.changed} changed): "
            f"{_plural(summary.added, 'claim')} added, {summary.removed} removed, "
            f"{summary.unchanged} unchanged → {escape(path)}"
        )


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(
        metavar="QUERY", show_default=False,
        help="Words that must all occur (quotes, OR, * and - are plain text without --raw).")],
    event: EventOpt = None,
    raw: Annotated[bool, typer.Option(
        "--raw", help='QUERY is an SQLite FTS5 query: "a phrase", OR, NOT, prefix*, NEAR(a b).')
    ] = False,
    limit: Annotated[int | None, typer.Option(
        min=1, metavar="N", show_default=False, help="At most N claims and N reports.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also claims of metric 'other'.")] = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Find the claims whose sentence, and the reports whose title or text, hold QUERY.

    Full-text search: every word must occur, whole words in any case; a snippet shows
    each match «like this». Claims come first, then reports, each best match first; the
    kind column tells them apart.

    Example: claimtrack search interior ministry -f csv
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = search_db(open_db(path, create=False), " ".join(query), event=event,
                         include_other=all_, raw=raw, limit=limit)
        render(rows, fmt, SEARCH_TABLE, empty="nothing matches")


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="json, jsonl, csv, tsv, or claimreview (schema.org Claim objects, JSON-LD)")
    ] = ExportFormat.json,
    event: EventOpt = None,
    db: DbOpt = None,
) -> None:
    """Write every stored claim with its source and report, for other tools.

    json, jsonl, csv and tsv give one row per claim, metric 'other' included: the fields
    of `claims`, the sources' keys, and the report's url and ref. claimreview gives one
    JSON-LD document of schema.org Claim objects (sentence, author, appearance in the
    report, the rest of the chain as citation), one list per conflict group, ready for a
    fact-checker's ClaimReview.

    Example: claimtrack export -f claimreview > claims.jsonld
    """
    from .export import claimreview

    path = _db_path(ctx, db)
    with handled(ctx, path):
        rows = export_claims(open_db(path, create=False), event=event)
        if fmt is ExportFormat.claimreview:
            sys.stdout.write(json.dumps(claimreview(rows), ensure_ascii=False, indent=2) + "\n")
        else:
            render(rows, Format(fmt.value))
