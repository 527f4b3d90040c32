"""Long output on a terminal goes through $PAGER; pipes, short output and --no-pager do not.

The terminal is a pseudo-terminal of a given size; the pager a small Python program that
marks what it was given.
"""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys

import pytest

from claimtrack.pager import pager_command

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

PAGER = shlex.join([sys.executable, "-c",
                    "import sys; sys.stdout.write('PAGED\\n' + sys.stdin.read())"])
LINES = "".join(f"Police said {n} people were injured in district {chr(65 + n)}.\n"
                for n in range(2, 14))


@pytest.mark.parametrize("environ, expected", [
    ({"PAGER": "most -s"}, "most -s"),
    ({"PAGER": ""}, None),
    ({"PAGER": "cat"}, None),
    ({"PAGER": " cat "}, None),
])
def test_which_pager(environ, expected):
    assert pager_command(environ) == expected


def on_terminal(args: list[str], cwd, rows: int, **env: str) -> tuple[int, str]:
    """Run the CLI with its standard output on a terminal of ``rows`` lines."""
    import struct

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    code = "from claimtrack.cli import app; app()"
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=slave,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=cwd,
                               env={**os.environ, "NO_COLOR": "1", "TERM": "dumb", **env})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(master)
    return process.returncode, out.decode().replace("\r\n", "\n")


@pytest.fixture
def stored(invoke, tmp_path):
    (tmp_path / "news.txt").write_text(LINES)
    assert invoke("ingest", "news.txt").exit_code == 0
    return tmp_path


def test_long_output_is_paged(stored):
    code, out = on_terminal(["claims"], stored, rows=10, PAGER=PAGER)
    assert code == 0
    assert out.startswith("PAGED\n")
    assert out.count("Police") == 12  # every claim, drawn as a table


def test_short_output_is_not_paged(stored):
    code, out = on_terminal(["claims"], stored, rows=40, PAGER=PAGER)
    assert code == 0
    assert "PAGED" not in out and out.count("Police") == 12


@pytest.mark.parametrize("args, env", [
    (["--no-pager", "claims"], {"PAGER": PAGER}),
    (["claims"], {"PAGER": "cat"}),
    (["claims"], {"PAGER": ""}),
])
def test_paging_turned_off(stored, args, env):
    code, out = on_terminal(args, stored, rows=10, **env)
    assert code == 0
    assert "PAGED" not in out and out.count("Police") == 12


def test_a_pipe_gets_json_lines_unpaged(stored):
    done = subprocess.run([sys.executable, "-c", "from claimtrack.cli import app; app()",
                           "claims"], cwd=stored, capture_output=True, text=True,
                          env={**os.environ, "PAGER": PAGER})
    assert done.returncode == 0
    assert [json.loads(line)["figure"] for line in done.stdout.splitlines()] == [
        str(n) for n in range(2, 14)]


def test_an_error_is_not_held(stored):
    code, out = on_terminal(["show", "99"], stored, rows=10, PAGER=PAGER)
    assert code == 2 and "PAGED" not in out
