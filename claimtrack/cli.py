"""The command line: parse arguments, call the library, render the rows. No SQL here.

The commands live in ``claimtrack.commands``, one module per family; this module makes the
app, its global options, and names the commands in the order ``--help`` lists them
(:data:`COMMANDS`); each command's module is imported when that command is asked for.
"""
from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import Annotated

import typer

from typer._click.core import Command
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # Typer's own Click
from typer.core import TyperGroup

from .commands.common import State, check_db_path, usage_error
from .store import DEFAULT_DB, ENV_DB


# Each command, in the order `--help` lists them, and its module in claimtrack.commands (the
# function has the command's name).
COMMANDS = {"ingest": "ingest", "extract": "ingest", "reports": "listings", "claims": "listings",
            "sources": "listings", "conflicts": "compare", "timeline": "compare",
            "show": "listings", "reextract": "ingest", "search": "listings",
            "export": "listings", "events": "events"}


def flowing(help_text: str | None) -> str | None:
    """A docstring's paragraphs as flowing text: its lines are wrapped for the source file,
    and Typer keeps their line breaks, so at 80 columns every line would wrap again and
    leave a ragged stub (`… a near-duplicate of a stored report is` / `stored and …`).
    Paragraphs stay apart; the terminal wraps each one to its width."""
    if not help_text:
        return help_text
    paragraphs = inspect.cleandoc(help_text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


class Commands(MutableMapping):
    """The group's commands by name, each imported and made into a Click command when first
    asked for. Typer would make all of them at every start (import each module, read each
    signature, evaluate its annotations): a listing's start-up would pay for ingest's
    inputs and every other command; `--help` and completion still see them all."""

    def __init__(self, made: dict[str, Command]) -> None:
        self.made = dict(made)

    def __getitem__(self, name: str) -> Command:
        if name not in self.made:
            # an unknown name: KeyError, as from a dict
            module = import_module(f".commands.{COMMANDS[name]}", __package__)
            one = typer.Typer()  # Typer's own defaults for a command, as app.command() gives
            one.command()(getattr(module, name))
            made = typer.main.get_command_from_info(
                one.registered_commands[0], pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode)
            made.help = flowing(made.help)
            self.made[name] = made
        return self.made[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self.made[name] = command

    def __delitem__(self, name: str) -> None:
        del self.made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self.made]))

    def __len__(self) -> int:
        return len(COMMANDS.keys() | self.made.keys())


class OneLineErrors(TyperGroup):
    """The app's command group: a usage error (bad option value, missing argument, unknown
    command) is one line on stderr, as every other error, instead of a usage box. Parsing
    happens in these two methods for the global options and for every command. Its commands
    are made on first use (:class:`Commands`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = Commands(self.commands)
        self.help = flowing(self.help)

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

