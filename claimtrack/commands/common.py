"""What the commands share: the options they repeat, the console for talk, error handling."""
from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..store import DEFAULT_DB, ENV_DB, Reader, database_error, open_db, open_reader
from ..errors import ClaimtrackError, CrashError, UsageError
from ..output import Format

if TYPE_CHECKING:
    from rich.console import Console
    from sqlite_utils import Database

    from ..extract import Lexicon
    from ..inputs import Rejection

# Each command imports only what it needs (the extraction engine, the conflict rules, rich),
# so that a listing starts as fast as Python allows: start-up is most of its time.


@dataclass(slots=True)
class State:
    """The global options, for the commands (``ctx.obj``)."""

    db: str = DEFAULT_DB
    debug: bool = False


def check_db_path(value: str | None) -> str | None:
    """Refuse ``--db ''``, which SQLite would take for a temporary database."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the database path is empty: pass a file name")
    return value


FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="table, json, jsonl, csv or tsv \\[default: a table on a terminal, else jsonl]")]
DbOpt = Annotated[str | None, typer.Option(
    "--db", show_default=False, metavar="PATH", callback=check_db_path,
    help=f"Database file (overrides the global --db, ${ENV_DB}, {DEFAULT_DB}).")]
PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH", show_default=False,
    help="Files (.txt .md .json .jsonl .html), folders (recursive; a folder's README, "
         "LICENSE, CHANGELOG… are skipped as documentation), glob patterns, or - for stdin.")]
LexiconOpt = Annotated[str | None, typer.Option(
    "--lexicon", metavar="FILE", show_default=False,
    help="TOML file extending the default lexicon (env CLAIMTRACK_LEXICON).")]


class Convention(str, Enum):
    """The coding conventions shipped as presets (claimtrack/extract/presets), and none."""

    acled = "acled"
    ccc = "ccc"
    none = "none"


ConventionOpt = Annotated[Convention | None, typer.Option(
    "--convention", case_sensitive=False, show_default=False,
    help='Coding convention for vague numbers, laid under --lexicon: acled ("tens" 10, '
         '"dozens" 12, "hundreds" 100), ccc ("hundreds" 200, "thousands" 2,000, "tens of '
         'thousands" 20,000), or none (the default lexicon\'s).')]
OutletOpt = Annotated[str | None, typer.Option(
    help="Outlet for reports that do not name one.", show_default=False)]
def completion_of(what: str):
    """Shell completion of ``what`` (event, metric, source) from the command's database."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ..store import completions

        parent = ctx.parent.params if ctx.parent is not None else {}
        path = ctx.params.get("db") or parent.get("db") or os.environ.get(ENV_DB) or DEFAULT_DB
        return completions(path, what, incomplete)

    return complete


EventOpt = Annotated[str | None, typer.Option(help="Only this event.", show_default=False,
                                              autocompletion=completion_of("event"))]
AllOpt = Annotated[bool, typer.Option("--all", help="Include figures of metric 'other'.")]
MaxBytesOpt = Annotated[int, typer.Option(
    "--max-bytes", min=1, metavar="N",
    help="Reject a report (file, JSON line, stdin) larger than N bytes, unread.")]
MetricOpt = Annotated[str | None, typer.Option(autocompletion=completion_of("metric"),
    help="Only this metric (killed, injured, arrested…).", show_default=False)]


@cache
def err() -> Console:
    """The console on stderr for progress, summaries and errors, made on first use."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def escape(text: str) -> str:
    """``text`` to print as it is in a line on stderr: its rich markup escaped, its control
    characters (a file name's escape sequences, a line feed) shown, never obeyed. Every
    string from input or from an error passes here on its way to the terminal."""
    from rich.markup import escape as rich_escape

    from ..output import terminal_safe

    return rich_escape(terminal_safe(text, one_line=True))


def usage_error(error: Exception) -> NoReturn:
    """A Click usage error (bad option value, missing argument, unknown command) as one
    line, like every other error, naming the --help to read; its own exit code (2)."""
    ctx = getattr(error, "ctx", None)
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    if ctx is not None:
        names = []  # the command's path, named `claimtrack` however it was started
        while ctx.parent is not None:
            names.append(ctx.info_name)
            ctx = ctx.parent
        message = f"{message} (see `{' '.join(['claimtrack', *reversed(names)])} --help`)"
    usage = UsageError(" ".join(message.split()))
    usage.exit_code = getattr(error, "exit_code", UsageError.exit_code)
    fail(usage)


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
        # A crash of claimtrack itself (a bug): exit 3, apart from rejected inputs (1).
        fail(CrashError(f"unexpected {type(e).__name__}: {e} (a bug in claimtrack: run with "
                        "--debug for the traceback)"))


@contextmanager
def stored(ctx: typer.Context, db: str | None, *, write: bool = False
           ) -> Iterator[Database | Reader]:
    """The database a listing reads (its --db, else the global one), errors handled.

    Args:
        write: the command writes too (``search`` indexes what waits for the index), so it
            needs the whole ``sqlite_utils.Database``, not a :class:`Reader`.
    """
    path = db_path(ctx, db)
    with handled(ctx, path):
        yield open_db(path, create=False) if write else open_reader(path)


def db_path(ctx: typer.Context, db: str | None) -> str:
    """The database file: the command's --db, else the global --db (or its default)."""
    return db or (ctx.obj.db if ctx.obj else None) or DEFAULT_DB


def say_rejected(item: Rejection) -> None:
    """One line on stderr naming a rejected input and why."""
    err().print(f"[yellow]rejected[/yellow] {escape(item.name)}: {escape(item.reason)}")


def say_skipped(name: str, surfaces) -> None:
    """One line on stderr naming a report whose numbers were too large to be figures."""
    shown = ", ".join(f'"{escape(s[:40])}"' for s in list(surfaces)[:3])
    more = f" and {len(surfaces) - 3} more" if len(surfaces) > 3 else ""
    err().print(f"[yellow]skipped[/yellow] {escape(name)}: figure {shown}{more} too large to be a count")


def plural(n: int, word: str) -> str:
    """``1 report``, ``1,611 reports``: thousands separated as in the tables and progress."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def lexicon_for(database: Database, overlay: tuple[str, str] | None,
                convention: Convention | None) -> tuple[Lexicon, int, str]:
    """The lexicon a writing command extracts with: what it is given, else what the
    database recorded; recorded as the database's own. The lexicon, its row id, its label."""
    from ..store import record_lexicon, recorded_lexicon
    from ..extract.conventions import choose

    choice = choose(overlay, convention and convention.value, recorded_lexicon(database))
    lexicon = choice.lexicon()  # an invalid recorded file fails here, before it is recorded
    return lexicon, record_lexicon(database, choice), choice.label
