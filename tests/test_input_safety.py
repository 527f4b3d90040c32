"""Inputs that must neither hang nor abort an ingest: file names that are not UTF-8, named
pipes, sockets and devices, folders that cannot be listed, and dates in every shape.

Where a real process, file name or pipe is involved, the installed ``claimtrack`` runs in a
subprocess with a timeout, so that a hang fails the test instead of stopping the suite.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack.errors import UsageError
from claimtrack.inputs import check_date, iso_date, read_inputs, shown_path

KILLED = "Police said 12 people were killed in the riots on Monday."
HURT = "The Red Cross said at least 30 people were injured in the clashes."
FIFO_REASON = "a named pipe (FIFO), not a regular file: only files and stdin (-) are read"


def claimtrack() -> list[str]:
    """The console script of the environment the tests run in."""
    script = Path(sys.executable).with_name("claimtrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]


def run(*args: str, prefix: list[str] = (), timeout: float = 60,
        input: bytes | None = None) -> subprocess.CompletedProcess:
    """claimtrack in a real process; a hang fails at ``timeout`` instead of blocking."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CLAIMTRACK_DB", None)
    result = subprocess.run([*prefix, *claimtrack(), *args], capture_output=True,
                            timeout=timeout, env=env, input=input,
                            stdin=None if input is not None else subprocess.DEVNULL)
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


def stored(db: Path, column: str = "path") -> list:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute(f"SELECT {column} FROM reports ORDER BY id")]


# File names that are not UTF-8

def test_a_file_name_that_is_not_utf8_is_stored_escaped_and_found_again(tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(KILLED.encode())
    (folder / "plain.txt").write_text(HURT)
    db = tmp_path / "a.db"
    result = run("--db", str(db), "ingest", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"added 2 reports (2 claims), skipped 0 duplicates, "
                             f"rejected 0 inputs → {db}\n")
    shown = f"{folder}/caf\\xe9.txt"
    assert stored(db) == [shown, str(folder / "plain.txt")]
    listed = run("--db", str(db), "reports", "-f", "json")
    assert [r["path"] for r in json.loads(listed.stdout)] == [shown, str(folder / "plain.txt")]
    found = run("--db", str(db), "show", "--report", shown, "-f", "json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["claims"][0]["figure"] == "12"


def test_a_rejected_file_whose_name_is_not_utf8_is_named_escaped(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")
    os.mkfifo(raw)
    result = run("extract", str(tmp_path), "-f", "jsonl", timeout=30)
    assert result.returncode == 1
    assert result.stderr == f"rejected {tmp_path}/\\xff\\xfe.txt: {FIFO_REASON}\n"


def test_shown_path_changes_only_what_is_not_utf8():
    assert shown_path("dir/naïve report.txt") == "dir/naïve report.txt"
    assert shown_path(os.fsdecode(b"dir/caf\xe9.txt")) == "dir/caf\\xe9.txt"
    assert shown_path(b"dir/caf\xc3\xa9.txt") == "dir/café.txt"
    assert shown_path(Path(os.fsdecode(b"\x80"))) == "\\x80"


# Named pipes, sockets, devices

def test_a_fifo_named_directly_is_rejected_without_waiting(tmp_path):
    (tmp_path / "a.txt").write_text(KILLED)
    os.mkfifo(tmp_path / "pipe.txt")
    db = tmp_path / "f.db"
    result = run("--db", str(db), "ingest", str(tmp_path / "pipe.txt"), str(tmp_path / "a.txt"),
                 timeout=30)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"rejected {tmp_path / 'pipe.txt'}: {FIFO_REASON}",
        f"added 1 report (1 claim), skipped 0 duplicates, rejected 1 input → {db}"]
    assert stored(db) == [str(tmp_path / "a.txt")]


def test_a_fifo_matched_by_a_glob_or_inside_a_folder_is_rejected(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(KILLED)
    (folder / "sub" / "b.jsonl").write_text(json.dumps({"text": HURT}) + "\n")
    os.mkfifo(folder / "sub" / "feed.jsonl")
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(folder / "unread.fifo")  # no suffix claimtrack reads: not an input, not named
    for args in ([str(folder)], [f"{folder}/**/*.*"]):
        result = run("extract", *args, "-f", "jsonl", timeout=30)
        assert result.returncode == 1, args
        rejected = [f"rejected {folder / 'pipe.md'}: {FIFO_REASON}",
                    f"rejected {folder / 'sub' / 'feed.jsonl'}: {FIFO_REASON}"]
        if args[0].endswith("*.*"):  # a glob names the file itself, whatever its suffix
            rejected.append(f"rejected {folder / 'unread.fifo'}: {FIFO_REASON}")
        assert result.stderr.splitlines() == rejected, args
        figures = [json.loads(line)["figure"] for line in result.stdout.splitlines()]
        assert figures == ["12", "at least 30"]


def test_sockets_and_devices_are_rejected_by_their_kind(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.txt"))
    except OSError as e:  # a path too long for a socket address
        pytest.skip(f"cannot make a socket here: {e}")
    try:
        result = run("extract", str(tmp_path / "s.txt"), "/dev/null", "/dev/zero", "-f", "json",
                     timeout=30)
    finally:
        server.close()
    assert result.returncode == 1
    assert result.stdout == "[]\n"
    assert result.stderr.splitlines() == [
        f"rejected {tmp_path / 's.txt'}: a socket, not a regular file: only files and stdin "
        "(-) are read",
        "rejected /dev/null: a character device, not a regular file: only files and stdin "
        "(-) are read",
        "rejected /dev/zero: a character device, not a regular file: only files and stdin "
        "(-) are read"]


def test_one_ctrl_c_stops_an_ingest_waiting_on_a_silent_pipe(tmp_path):
    """A pipe whose writer stays open but says nothing: the first Ctrl-C ends the input
    there, what was read is stored, exit 130."""
    db = tmp_path / "c.db"
    read_end, write_end = os.pipe()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    process = subprocess.Popen([*claimtrack(), "--db", str(db), "ingest", "-"], stdin=read_end,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    os.close(read_end)
    try:
        os.write(write_end, (json.dumps({"text": KILLED}) + "\n").encode())
        deadline = time.monotonic() + 60
        # until the report is read: its line is gone from the pipe, the process waits for more
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail("one Ctrl-C did not stop an ingest waiting for input")
    finally:
        os.close(write_end)
    assert process.returncode == 130, err
    assert err.decode().splitlines() == [
        f"interrupted: added 1 report (1 claim), skipped 0 duplicates, rejected 0 inputs → {db}",
        "run the same command again to add the rest: stored reports are skipped"]
    assert stored(db, "ref") == ["<stdin>:1"]


# Folders that cannot be listed

def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_read(invoke, tmp_path,
                                                                   monkeypatch):
    """In process: os.scandir fails on one folder as it does without permission (the tests
    may run as root, whom permissions do not stop)."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "hidden.txt").write_text(HURT)
    (tmp_path / "in" / "z.txt").write_text(KILLED)
    locked = tmp_path / "in" / "locked"
    scandir = os.scandir

    def failing(path=None):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", failing)
    result = invoke("--db", "s.db", "ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"rejected {locked}: cannot list this folder: Permission denied",
        "added 1 report (1 claim), skipped 0 duplicates, rejected 1 input → s.db"]
    assert stored(tmp_path / "s.db") == [str(tmp_path / "in" / "z.txt")]
    named = invoke("extract", str(locked), "-f", "json")
    assert (named.exit_code, named.stdout) == (1, "[]\n")
    assert named.stderr == f"rejected {locked}: cannot list this folder: Permission denied\n"


def _unprivileged() -> list[str]:
    """A prefix under which permissions hold: none for a normal user; for root, `unshare -U`
    (a user namespace without root's power over the files here)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") and subprocess.run(["unshare", "-U", "true"],
                                                  capture_output=True).returncode == 0:
        return ["unshare", "-U"]
    pytest.skip("running as root, whom permissions do not stop, without `unshare -U`")


def test_folders_without_permission_are_named_in_a_real_process(tmp_path):
    prefix = _unprivileged()
    folder = tmp_path / "in"
    for sub in ("closed", "open"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "r.txt").write_text(KILLED if sub == "open" else HURT)
    (folder / "closed").chmod(0o000)
    (folder / "unlisted").mkdir()
    (folder / "unlisted" / "s.txt").write_text(HURT)
    (folder / "unlisted").chmod(0o300)  # can be entered, not listed
    try:
        result = run("--db", str(tmp_path / "p.db"), "ingest", str(folder), prefix=prefix)
        whole = run("extract", str(folder / "closed"), prefix=prefix)
    finally:
        (folder / "closed").chmod(0o755)
        (folder / "unlisted").chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"rejected {folder / 'closed'}: cannot list this folder: Permission denied",
        f"rejected {folder / 'unlisted'}: cannot list this folder: Permission denied",
        f"added 1 report (1 claim), skipped 0 duplicates, rejected 2 inputs → {tmp_path}/p.db"]
    assert stored(tmp_path / "p.db") == [str(folder / "open" / "r.txt")]
    assert whole.returncode == 1
    assert whole.stderr == (f"rejected {folder / 'closed'}: cannot list this folder: "
                            "Permission denied\n")


# Dates

@pytest.mark.parametrize("written, expected", [
    ("2024-01-06", "2024-01-06"),
    ("2024-01-06T10:30:00Z", "2024-01-06"),
    ("2024-01-06 10:30", "2024-01-06"),
    ("2024-01-06T23:30:00-05:00", "2024-01-06"),  # the date where it was written
    ("2024/1/6", "2024-01-06"),
    ("January 6, 2024", "2024-01-06"),
    ("Jan. 6th, 2024", "2024-01-06"),
    ("6 Jan 2024", "2024-01-06"),
    ("6 january 2024", "2024-01-06"),
    ("Saturday, 6 January 2024", "2024-01-06"),
    ("Sat, 06 Jan 2024 10:30:00 +0000", "2024-01-06"),  # RSS
    ("Sept 30, 2023 at 9:05 p.m. EDT", "2023-09-30"),
    ("29 February 2024", "2024-02-29"),
])
def test_dates_said_without_doubt_are_stored_as_iso(written, expected):
    assert iso_date(written) == expected


@pytest.mark.parametrize("written, reason", [
    ("2024-W01-2", "not a date claimtrack reads"),  # ISO week date
    ("20240102", "not a date claimtrack reads"),  # ISO basic form
    ("2024-002", "not a date claimtrack reads"),  # ordinal date
    ("01/02/2024", "a day and a month in figures read either way round"),
    ("13.01.2024", "a day and a month in figures read either way round"),
    ("2024-02-30", "not a date (day is out of range for month)"),
    ("29 February 2023", "not a day of the calendar (day is out of range for month)"),
    ("2024-01-06T25:00", "not a date (hour must be in 0..23)"),
    ("Friday, 6 January 2024", "2024-01-06 is a Saturday, not a Friday"),
    ("6 Janvember 2024", "no month called 'Janvember'"),
    ("January 2024", "not a date claimtrack reads"),
    ("6 January", "not a date claimtrack reads"),
    ("yesterday", "not a date claimtrack reads"),
    ("6 Jan 2024 27:00", "not a time of day"),
    ("", "not a date claimtrack reads"),
])
def test_dates_in_doubt_are_refused_with_the_reason(written, reason):
    with pytest.raises(ValueError) as refused:
        iso_date(written)
    assert str(refused.value).startswith(reason)


def test_check_date_is_a_usage_error():
    assert check_date("6 Jan 2024") == "2024-01-06"
    with pytest.raises(UsageError, match=r"^--date '20240102': not a date claimtrack reads"):
        check_date("20240102")


@pytest.mark.parametrize("value", ["2024-W01-2", "20240102", "02/01/2024"])
def test_a_bad_date_option_is_a_usage_error_and_stores_nothing(invoke, value):
    result = invoke("--db", "d.db", "ingest", "-", "--date", value, input=KILLED)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"Error: --date {value!r}: ")
    assert not Path("d.db").exists()


def test_dates_of_every_input_kind_are_stored_as_iso(invoke, tmp_path):
    (tmp_path / "a.md").write_text(f"---\npublished: January 6, 2024\n---\n{KILLED}\n")
    (tmp_path / "b.txt").write_text(f"date: Sat, 06 Jan 2024 10:30:00 +0000\n\n{HURT}\n")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "Officials said 3 people were killed.",
                    "date": "2024-01-07T01:15:00+06:00"}) + "\n"
        + json.dumps({"text": "Officials said 4 people were arrested.",
                      "publishedAt": "7 Jan 2024"}) + "\n")
    (tmp_path / "d.txt").write_text("Officials said 5 people were injured.")
    result = invoke("--db", "d.db", "ingest", *(str(tmp_path / n) for n in
                    ("a.md", "b.txt", "c.jsonl", "d.txt")), "--date", "8 January 2024")
    assert result.exit_code == 0, result.stderr
    assert stored(tmp_path / "d.db", "date") == ["2024-01-06", "2024-01-06", "2024-01-07",
                                                 "2024-01-07", "2024-01-08"]


def test_a_report_with_a_bad_date_is_rejected_and_the_others_stored(invoke, tmp_path):
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"text": KILLED, "date": "2024-01-06"},
        {"text": HURT, "date": "01/02/2024"},
        {"text": "Officials said 4 people were arrested.", "published": 20240102},
    ]) + "\n")
    (tmp_path / "bad.md").write_text(f"date: 2024-13-01\n\n{HURT}\n")
    result = invoke("--db", "r.db", "ingest", str(tmp_path / "feed.jsonl"),
                    str(tmp_path / "bad.md"))
    assert result.exit_code == 1
    feed = tmp_path / "feed.jsonl"
    assert result.stderr.splitlines() == [
        f"rejected {feed}:2: \"date\" '01/02/2024': a day and a month in figures read either "
        "way round (01/02/2024): write it as YYYY-MM-DD",
        f"rejected {feed}:3: \"published\" must be a string, got a number",
        f"rejected {tmp_path / 'bad.md'}: date '2024-13-01': not a date (month must be in "
        "1..12): write it as YYYY-MM-DD (2024-01-06) or as 6 January 2024",
        "added 1 report (1 claim), skipped 0 duplicates, rejected 3 inputs → r.db"]
    assert stored(tmp_path / "r.db", "date") == ["2024-01-06"]


def test_dates_written_differently_are_ordered_as_dates(invoke, tmp_path):
    """The same origin's figure of 1 February replaces its figure of 3 January, however the
    two dates were written (as text, "February…" sorts before "January…")."""
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"text": "The ministry said 14 people were killed in the riots.",
         "date": "February 1, 2024", "outlet": "Wire A", "event": "riots"},
        {"text": "The ministry said 10 people were killed in the riots.",
         "date": "January 3, 2024", "outlet": "Wire B", "event": "riots"},
    ]) + "\n")
    assert invoke("--db", "o.db", "ingest", str(tmp_path / "feed.jsonl")).exit_code == 0
    rows = json.loads(invoke("--db", "o.db", "timeline", "-f", "json").stdout)
    assert [(r["date"], r["figure"], r["superseded"]) for r in rows] == [
        ("2024-01-03", "10", True), ("2024-02-01", "14", False)]


def test_read_inputs_normalises_a_front_matter_date(tmp_path):
    (tmp_path / "a.txt").write_text(f"date 2024-01-06 {KILLED}")
    (tmp_path / "b.txt").write_text(f"Date: 6 Jan. 2024\n{KILLED} Again.")
    dates = [r.meta.date for r in read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])]
    assert dates == ["2024-01-06", "2024-01-06"]
