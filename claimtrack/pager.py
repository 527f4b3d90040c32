"""Long output on a terminal goes through a pager, as git does.

When standard output is a terminal, what a command writes there is held (tables are drawn
exactly as for the screen: the buffer says it is one); when the command ends, output longer
than the screen goes to ``$PAGER`` (``less`` when unset, with ``LESS=FRX`` unless ``$LESS`` is
set, as git sets it: quit if one screen, colours, no clearing), shorter output straight to the
terminal. ``--no-pager``, ``PAGER=`` or ``PAGER=cat`` turn it off. Output to a pipe or a
file is never held: ``claimtrack conflicts | less`` gets JSON lines as they come.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import IO

__all__ = ["page_output", "pager_command"]


class _Screen(io.StringIO):
    """What a command writes to the terminal, held: a terminal to whoever asks, with the
    real one's size (its file descriptor), so that tables are drawn as for the screen."""

    def __init__(self, terminal: IO):
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.terminal.fileno()


def pager_command(environ: os._Environ | dict | None = None) -> str | None:
    """The pager to run (a shell command, as ``$PAGER`` is), or None for none."""
    environ = os.environ if environ is None else environ
    pager = environ.get("PAGER")
    if pager is None:
        return "less" if shutil.which("less") else None
    return None if pager.strip() in ("", "cat") else pager


def page_output(enabled: bool = True) -> Callable[[], None] | None:
    """Hold standard output if it is a terminal and a pager is set; returns the function
    that ends it (pages or writes what was held), or None when nothing is held."""
    terminal = sys.stdout
    pager = pager_command()
    if not enabled or pager is None or not _is_terminal(terminal):
        return None
    screen = _Screen(terminal)
    sys.stdout = screen

    def finish() -> None:
        if sys.stdout is screen:
            sys.stdout = terminal
        text = screen.getvalue()
        if text.count("\n") < _screen_lines():
            terminal.write(text)
            terminal.flush()
            return
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        try:
            terminal.flush()
            subprocess.run(pager, shell=True, input=text, text=True, env=env, check=False)
        except (OSError, BrokenPipeError):
            terminal.write(text)  # the pager would not start: the output all the same
        except KeyboardInterrupt:
            pass

    return finish


def _is_terminal(stream: IO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _screen_lines() -> int:
    """The screen's height: $LINES, else the terminal's, else 24 (a terminal that reports
    0 lines, as a new pseudo-terminal does, counts as 24 too)."""
    return shutil.get_terminal_size().lines
