"""What reaches a terminal, a spreadsheet or a web page from a hostile report.

- Terminal: no control character of a report field (outlet, event, title, url, sentence,
  location, ref, source names) or of an argument (a file name, --db, --lexicon, an ID) is
  written to the terminal: each is shown (``␛[2J``), in the table view and in error lines,
  and ``[red]`` or ``:fire:`` stay as written. Checked in real processes, through a pipe
  and through a pseudo-terminal (where rich writes colours of its own).
- Spreadsheet: CSV and TSV text cells that a spreadsheet would run as a formula get a
  leading apostrophe (OWASP); numbers stay numbers.
- Web page: the claimreview JSON-LD holds no ``<``, ``>`` or ``&``, and parses back the same.
"""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack.db import open_db, store_report
from claimtrack.export import json_ld_text
from claimtrack.inputs import Meta, Report
from claimtrack.output import Format, render
from conftest import make_claim

ESC = "\x1b"
CLEAR = ESC + "[2J"  # clears the screen
CLIPBOARD = ESC + "]52;c;cm0gLXJmIH4=\x07"  # OSC 52: writes to the clipboard
LINK = ESC + "]8;;https://evil.example/" + ESC + "\\here" + ESC + "]8;;" + ESC + "\\"  # OSC 8
CSI_C1 = "\x9b31m"  # the one-byte form of ESC [
RTL = "\u202e"  # right-to-left override
# What no output may hold: every C0 control but the line feed, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?")


def claimtrack() -> list[str]:
    script = Path(sys.executable).with_name("claimtrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CLAIMTRACK_DB", None)
    result = subprocess.run([*claimtrack(), *args], capture_output=True, timeout=timeout,
                            env=env, stdin=subprocess.DEVNULL)
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


def store(path: Path, reports: list[tuple[str, Report, list[dict]]]) -> Path:
    db = open_db(path)
    for _, report, rows in reports:
        store_report(db, report, rows)
    db.close()
    return path


@pytest.fixture
def hostile(tmp_path) -> Path:
    """Two reports of one event whose every field carries terminal escapes."""
    text_1 = f"Police{CLEAR} said 12 people were killed in Almaty{CLIPBOARD}."
    text_2 = f"Witnesses said 40 people were killed in Almaty{RTL}."
    return store(tmp_path / "hostile.db", [
        ("1", Report(text_1, f"one{ESC}[5m.txt", f"ref{ESC}[5m", f"one{ESC}[1m.txt",
                     Meta(title=f"Title{LINK} [red]red[/red] :fire:", outlet=f"Out{CLIPBOARD}",
                          date="2024-01-06", event=f"riots{CLEAR}",
                          url=f"https://example.org/{ESC}[0m")),
         [make_claim(text_1, "12", location=f"Alm{CSI_C1}aty",
                     chain=((f"Police{CLEAR}", "police", "said"),))]),
        ("2", Report(text_2, "two.txt", "two.txt", "two.txt",
                     Meta(outlet=f"Wire{CSI_C1}", date="2024-01-07", event=f"riots{CLEAR}")),
         [make_claim(text_2, "40", location=f"Alm{CSI_C1}aty",
                     chain=((f"Witness{RTL}es", "unnamed", "said"),))]),
    ])


DRAWN = [
    ["conflicts", "--all"], ["conflicts", "--history"], ["timeline"], ["show", "1"],
    ["show", "2"], ["show", "--report", "1"], ["show", "--report", "2"], ["reports"],
    ["claims"], ["sources"], ["search", "killed"],
]


@pytest.mark.parametrize("command", DRAWN, ids=" ".join)
def test_the_table_view_shows_escapes_instead_of_obeying_them(hostile, command):
    result = run("--db", str(hostile), *command, "-f", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert not UNSAFE.search(result.stdout), repr(UNSAFE.search(result.stdout))
    assert not UNSAFE.search(result.stderr)


def test_every_field_is_shown_with_its_escapes_visible(hostile):
    claim = run("--db", str(hostile), "show", "1", "-f", "table").stdout
    assert "Claim 1 · riots␛[2J · killed" in claim
    assert "Police␛[2J said **12** people were killed in Almaty␛]52;c;cm0gLXJmIH4=␇." in claim
    assert "Alm\\x9b31maty" in claim
    assert "Title␛]8;;https://evil.example/␛\\here␛]8;;␛\\ [red]red[/red] :fire:" in claim
    assert "https://example.org/␛[0m" in claim
    assert "1 · Out␛]52;c;cm0gLXJmIH4=␇ · 2024-01-06" in claim
    report = run("--db", str(hostile), "show", "--report", "1", "-f", "table").stdout
    assert "one␛[1m.txt" in report and "ref␛[5m" in report
    conflicts = run("--db", str(hostile), "conflicts", "--all", "-f", "table").stdout
    assert "riots␛[2J · killed" in conflicts
    assert "Witness\\u202ees" in conflicts and "Wire\\x9b31m" in conflicts
    assert "Police␛[2J" in conflicts


def test_the_data_itself_is_kept_as_it_came(hostile):
    """Only what is drawn on a terminal is changed: JSON gives the fields back exactly."""
    claim = json.loads(run("--db", str(hostile), "show", "1", "-f", "json").stdout)[0]
    assert claim["title"] == f"Title{LINK} [red]red[/red] :fire:"
    assert claim["location"] == f"Alm{CSI_C1}aty"
    assert claim["chain"][0]["name"] == f"Police{CLEAR}"


def _through_a_terminal(args: list[str], timeout: float = 60) -> str:
    """What claimtrack writes to a pseudo-terminal (colours on), until it exits."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "50"}
    for name in ("NO_COLOR", "CLAIMTRACK_DB"):
        env.pop(name, None)
    controller, terminal = pty.openpty()
    process = subprocess.Popen([*claimtrack(), *args], stdin=subprocess.DEVNULL,
                               stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the terminal's other end closed: the process is done
                    break
                if not chunk:
                    break
                out += chunk
            elif process.poll() is not None:
                break
        else:
            pytest.fail(f"claimtrack {' '.join(args)} did not finish")
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    return out.decode("utf-8")


@pytest.mark.parametrize("command", [["conflicts", "--all"], ["timeline"], ["show", "1"],
                                     ["show", "--report", "1"], ["claims"]], ids=" ".join)
def test_on_a_real_terminal_only_claimtrack_s_own_colours_are_written(hostile, command):
    out = _through_a_terminal(["--db", str(hostile), *command])
    assert "Police" in out, out
    assert re.search(r"\x1b\[[0-9;]*m", out), "no colour: not drawn as on a terminal"
    # rich's colours and styles (SGR) are the only sequences; the reports' are shown
    rest = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r\n", "\n")
    assert not UNSAFE.search(rest), repr(UNSAFE.search(rest))
    assert "␛[" in rest or "\\x9b" in rest


@pytest.mark.parametrize("args, message", [
    (["show", "--report", f"x{CLEAR}\n[red]y"],
     "Error: no report x␛[2J␊[red]y in {db}: `claimtrack reports` lists them"),
    (["--db", f"{ESC}]52;c;eA==\x07.db", "claims"],
     "Error: no database at ␛]52;c;eA==␇.db: run `claimtrack ingest` first, or pass --db"),
    (["extract", f"no{CLEAR}:fire:[b].txt"],
     "rejected no␛[2J:fire:[b].txt: no file matches this pattern\nno claims found"),
    (["extract", "-", "--lexicon", f"lex{ESC}[8m.toml"],
     "Error: cannot read lexicon lex␛[8m.toml: No such file or directory"),
    (["extract", f"two\nlines{CSI_C1}.txt"], "rejected two␊lines\\x9b31m.txt: no such file or "
                                              "folder\nno claims found"),
])
def test_error_lines_show_escapes_and_stay_one_line(hostile, args, message):
    result = run(*(["--db", str(hostile)] if args[0] != "--db" else []), *args, "-f", "table")
    assert result.stderr == message.format(db=hostile) + "\n"
    assert not UNSAFE.search(result.stderr)


def test_a_rejected_file_name_with_escapes_is_shown(tmp_path):
    name = tmp_path / f"pipe{ESC}]0;title\x07.txt"
    os.mkfifo(name)
    result = run("extract", str(tmp_path), "-f", "json")
    assert result.returncode == 1
    assert result.stderr == (f"rejected {tmp_path}/pipe␛]0;title␇.txt: a named pipe (FIFO), "
                             "not a regular file: only files and stdin (-) are read\n")


# Spreadsheets

@pytest.fixture
def formulas(tmp_path) -> Path:
    """Reports whose outlet, event, title, ref and source start as a formula would."""
    text_1 = "The ministry said 12 people were killed."
    text_2 = "Witnesses said 40 people were killed."
    return store(tmp_path / "formulas.db", [
        ("1", Report(text_1, "a.txt", "@ref", "a.txt",
                     Meta(title="=HYPERLINK(\"https://evil.example\",\"click\")",
                          outlet="+Outlet", date="2024-01-06", event="-riots")),
         [make_claim(text_1, "12", chain=(("@ministry", "government", "said"),))]),
        ("2", Report(text_2, "b.txt", "b.txt", "b.txt",
                     Meta(title="\t=1+1", outlet="@SUM(A1:A9)", date="2024-01-07",
                          event="-riots")),
         [make_claim(text_2, "40", chain=(("=cmd|' /C calc'!A0", "unnamed", "said"),))]),
    ])


def cells(out: str, fmt: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out, newline=""),
                               delimiter="," if fmt == "csv" else "\t"))


def runs_as_formula(cell: str) -> bool:
    return cell.startswith(FORMULA) and not NUMBER.fullmatch(cell)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("command, column, expected", [
    (["reports"], "outlet", ["'+Outlet", "'@SUM(A1:A9)"]),
    (["reports"], "title", ["'=HYPERLINK(\"https://evil.example\",\"click\")", "'\t=1+1"]),
    (["claims"], "source", ["'@ministry", "'=cmd|' /C calc'!A0"]),
    (["export"], "event", ["'-riots", "'-riots"]),
    (["export"], "ref", ["'@ref", "b.txt"]),
    (["search", "killed"], "outlet", ["'+Outlet", "'+Outlet", "'@SUM(A1:A9)", "'@SUM(A1:A9)"]),
    (["sources"], "name", ["'=cmd|' /C calc'!A0", "'@ministry"]),
    (["timeline"], "origin", ["'@ministry", "'=cmd|' /C calc'!A0"]),
    (["conflicts", "--all"], "event", ["'-riots", "'-riots"]),
])
def test_delimited_text_cells_never_start_a_formula(formulas, fmt, command, column, expected):
    result = run("--db", str(formulas), *command, "-f", fmt)
    assert result.returncode == 0, result.stderr
    rows = cells(result.stdout, fmt)
    assert sorted(row[column] for row in rows) == sorted(expected)
    assert not [c for row in rows for c in row.values() if runs_as_formula(c)]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_extract_neutralises_formulas_too(tmp_path, fmt):
    (tmp_path / "r.json").write_text(json.dumps(
        {"id": "=1+2", "text": "Officials said 7 people were injured."}))
    result = run("extract", str(tmp_path / "r.json"), "--outlet", "@outlet", "-f", fmt)
    assert result.returncode == 0, result.stderr
    [row] = cells(result.stdout, fmt)
    assert (row["report"], row["figure"], row["value"]) == ("'=1+2", "7", "7")


def test_numbers_stay_numbers_and_only_text_is_marked():
    out = io.StringIO(newline="")
    render([{"int": -5, "float": -1.5, "text_number": "-12", "exp": "+1e5", "dash": "-x",
             "at": "@a", "tab": "\tx", "cr": "\rx", "eq": "=1", "inner": "a=b", "plain": "x",
             "list": ["=a"], "none": None}], Format.csv, file=out)
    assert out.getvalue() == (
        "int,float,text_number,exp,dash,at,tab,cr,eq,inner,plain,list,none\n"
        "-5,-1.5,-12,+1e5,'-x,'@a,'\tx,\"'\rx\",'=1,a=b,x,\"[\"\"=a\"\"]\",\n")


# Web pages

def test_claimreview_holds_no_html_and_parses_back_the_same(tmp_path):
    text = "Police said 12 people were killed."
    db = store(tmp_path / "ld.db", [
        ("1", Report(text, "a.txt", "a.txt", "a.txt",
                     Meta(title="</script><script>alert(1)</script>", outlet="A & B <news>",
                          date="2024-01-06", event="e", url="https://x.example/?a=1&b=2")),
         [make_claim(text, "12", chain=(("Police", "police", "said"),))])])
    result = run("--db", str(db), "export", "-f", "claimreview")
    assert result.returncode == 0, result.stderr
    assert not set("<>&") & set(result.stdout)
    assert "\\u003c/script\\u003e" in result.stdout and "A \\u0026 B" in result.stdout
    document = json.loads(result.stdout)
    appearance = document["@graph"][0]["itemListElement"][0]["item"]["appearance"]
    assert appearance["headline"] == "</script><script>alert(1)</script>"
    assert appearance["publisher"]["name"] == "A & B <news>"
    assert appearance["url"] == "https://x.example/?a=1&b=2"


@pytest.mark.parametrize("value", ["</script>", "<!--", "a & b", "\u2028\u2029", "\\<", ""])
def test_json_ld_text_escapes_and_round_trips(value):
    text = json_ld_text({"name": value, "n": 1})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"name": value, "n": 1}
