"""The command line: parse arguments, call the library, render the rows. No SQL here.

The commands live in ``claimtrack.commands``, one module per family; this module makes the
app, its global options, and registers the commands in the order ``--help`` lists them.
"""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from typer._click.exceptions import ClickException, NoArgsIsHelpError  # Typer's own Click
from typer.core import TyperGroup

from .commands import compare, events, ingest, listings
from .commands.common import State, check_db_path, usage_error
from .store import DEFAULT_DB, ENV_DB


class OneLineErrors(TyperGroup):
    """The app's command group: a usage error (bad option value, missing argument, unknown
    command) is one line on stderr, as every other error, instead of a usage box. Parsing
    happens in these two methods for the global options and for every command."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except NoArgsIsHelpError:  # `claimtrack` alone: the help, as asked
            raise
        except ClickException as e:
            usage_error(e)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except ClickException as e:
            usage_error(e)


app = typer.Typer(
    cls=OneLineErrors,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__  # importlib.metadata: only --version pays for it

        print(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[str, typer.Option("--db", envvar=ENV_DB, metavar="PATH",
                                    callback=check_db_path, help="Database file.")] = DEFAULT_DB,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Never page: long output on a terminal goes through $PAGER "
                           "(less) otherwise.")] = False,
) -> None:
    """Figure-bearing claims from news reports, with their sources, side by side.

    Exit codes: 0 all good; 1 some inputs were rejected (the rest were stored); 2 usage
    error; 3 database error (locked, corrupt, not claimtrack's, newer) or a crash of
    claimtrack itself (a worker died, a bug).

    Example: claimtrack ingest samples/ && claimtrack conflicts
    """
    ctx.obj = State(db=db, debug=debug)
    if not no_pager and sys.stdout.isatty():  # a pipe or a file is never held
        from .pager import page_output

        finish = page_output()
        if finish is not None:
            ctx.call_on_close(finish)


for command in (ingest.ingest, ingest.extract, listings.reports, listings.claims,
                listings.sources, compare.conflicts, compare.timeline, listings.show,
                ingest.reextract, listings.search, listings.export):
    app.command()(command)
app.command()(events.events)
