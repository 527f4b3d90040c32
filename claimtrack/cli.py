"""The command line: parse arguments, call the library, render the rows. No SQL here.

The commands live in ``claimtrack.commands``, one module per family; this module makes the
app, its global options, and registers the commands in the order ``--help`` lists them.
"""
from __future__ import annotations

from typing import Annotated

import typer

from .commands import compare, events, ingest, listings
from .commands.common import State
from .db import DEFAULT_DB, ENV_DB

app = typer.Typer(
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
                                    help="Database file.")] = DEFAULT_DB,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Figure-bearing claims from news reports, with their sources, side by side.

    Example: claimtrack ingest samples/ && claimtrack conflicts
    """
    ctx.obj = State(db=db, debug=debug)


for command in (ingest.ingest, ingest.extract, listings.reports, listings.claims,
                listings.sources, compare.conflicts, compare.timeline, listings.show,
                ingest.reextract, listings.search, listings.export):
    app.command()(command)
app.command()(events.events)
