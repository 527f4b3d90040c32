"""The command line: parse arguments, call the library, render the rows. No SQL here."""
from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .db import DEFAULT_DB, ENV_DB, database_error, ingest as ingest_reports
from .db import list_claims, list_reports, list_sources, open_db
from .errors import ClaimtrackError
from .extract import load_lexicon
from .inputs import Meta, Rejection, check_date, claim_rows_for, read_inputs
from .output import CLAIM_TABLE, EXTRACT_TABLE, REPORT_TABLE, SOURCE_TABLE, Format, render

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Figure-bearing claims from news reports, with their sources, side by side.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass(slots=True)
class State:
    db: str = DEFAULT_DB
    debug: bool = False


FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="table, json, jsonl, csv or tsv [default: a table on a terminal, else jsonl]")]
DbOpt = Annotated[str | None, typer.Option(
    "--db", show_default=False, metavar="PATH",
    help=f"Database file (overrides the global --db, ${ENV_DB}, {DEFAULT_DB}).")]
PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH", show_default=False,
    help="Files (.txt .md .json .jsonl), folders (recursive), glob patterns, or - for stdin.")]
LexiconOpt = Annotated[str | None, typer.Option(
    "--lexicon", metavar="FILE", show_default=False,
    help="TOML file extending the default lexicon (env CLAIMTRACK_LEXICON).")]
OutletOpt = Annotated[str | None, typer.Option(
    help="Outlet for reports that do not name one.", show_default=False)]
EventOpt = Annotated[str | None, typer.Option(help="Only this event.", show_default=False)]
AllOpt = Annotated[bool, typer.Option("--all", help="Include figures of metric 'other'.")]


def fail(error: ClaimtrackError) -> NoReturn:
    """One line on stderr, then the exit code SPEC §7 gives the error's class."""
    err.print(f"[red]Error:[/red] {escape(str(error))}")
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
        err.print(f"[red]Error:[/red] unexpected {type(e).__name__}: {escape(str(e))} "
                  "(run with --debug for the traceback)")
        raise typer.Exit(1) from None


def _db_path(ctx: typer.Context, db: str | None) -> str:
    return db or (ctx.obj.db if ctx.obj else None) or DEFAULT_DB


def _say_rejected(item: Rejection) -> None:
    err.print(f"[yellow]rejected[/yellow] {escape(item.name)}: {escape(item.reason)}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _version(value: bool) -> None:
    if value:
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

    Example: claimtrack ingest samples/ && claimtrack claims
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
    db: DbOpt = None,
) -> None:
    """Store reports and the claims extracted from them; a summary goes to stderr.

    A report's own metadata (front matter, JSON fields) wins; the options fill the gaps.
    The same text ingested twice is stored once. Exit 1 if some inputs were rejected.

    Example: claimtrack ingest samples/ --event almaty-2022
    """
    path = _db_path(ctx, db)
    with handled(ctx, path):
        lex = load_lexicon(lexicon)
        defaults = Meta(title=title, date=check_date(date) if date else None, url=url,
                        outlet=outlet, event=event)
        database = open_db(path)
        summary = ingest_reports(database, read_inputs(paths, defaults=defaults),
                                 lexicon=lex, on_reject=_say_rejected)
        err.print(
            f"added {_plural(summary.added, 'report')} ({_plural(summary.claims, 'claim')}), "
            f"skipped {_plural(summary.duplicates, 'duplicate')}, "
            f"rejected {_plural(summary.rejected, 'input')} → {escape(path)}"
        )
    if summary.rejected:
        raise typer.Exit(1)


@app.command()
def extract(
    ctx: typer.Context,
    paths: PathsArg,
    fmt: FormatOpt = None,
    outlet: OutletOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Print the claims in reports, without a database: every figure, metric 'other' too.

    Each row's `report` is the input's id, else its path (path:line in JSON lines).
    Exit 1 if some inputs were rejected.

    Example: claimtrack extract --format jsonl - < reports.jsonl
    """
    rejected = 0

    def rows() -> Iterator[dict]:
        nonlocal rejected
        for item in read_inputs(paths, defaults=Meta(outlet=outlet)):
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
