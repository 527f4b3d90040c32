"""Shell completion offers what the database holds: events, metrics, sources."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from claimtrack.db import completions

FLOOD = """---
event: river-flood-2025
---
The Coast Guard said 9 people were killed. The regional hospital said 4 people were injured.
"""
STORM = """---
event: coast-storm-2025
---
Officials at the port authority said 3 people were missing.
"""


@pytest.fixture
def stored(invoke, tmp_path):
    (tmp_path / "flood.md").write_text(FLOOD)
    (tmp_path / "storm.md").write_text(STORM)
    assert invoke("--db", "news.db", "ingest", "flood.md", "storm.md").exit_code == 0
    return tmp_path


def complete(cwd, words: str, **env: str) -> list[str]:
    """What bash completion offers for the last (possibly empty) word of ``words``."""
    parts = words.split(" ")
    done = subprocess.run(
        [sys.executable, "-c", "from claimtrack.cli import app; app(prog_name='claimtrack')"],
        cwd=cwd, capture_output=True, text=True, check=True,
        env={**os.environ, "_CLAIMTRACK_COMPLETE": "complete_bash", "COMP_WORDS": words,
             "COMP_CWORD": str(len(parts) - 1), **env})
    return done.stdout.splitlines()


@pytest.mark.parametrize("what, prefix, expected", [
    ("event", "", ["coast-storm-2025", "river-flood-2025"]),
    ("event", "riv", ["river-flood-2025"]),
    ("event", "RIV", ["river-flood-2025"]),
    ("event", "x", []),
    ("metric", "", ["injured", "killed", "missing"]),
    ("metric", "in", ["injured"]),
    ("source", "coast", ["Coast Guard"]),
    ("source", "%", []),  # a LIKE wildcard is a plain character
    ("nothing", "", []),
])
def test_completions(stored, what, prefix, expected):
    assert completions(stored / "news.db", what, prefix) == expected


def test_no_database_no_completions(tmp_path):
    assert completions(tmp_path / "none.db", "event") == []
    (tmp_path / "text.db").write_text("not a database")
    assert completions(tmp_path / "text.db", "event") == []


def test_the_shell_is_offered_the_stored_values(stored):
    assert complete(stored, "claimtrack --db news.db conflicts --event ") == [
        "coast-storm-2025", "river-flood-2025"]
    assert complete(stored, "claimtrack claims --db news.db --metric k") == ["killed"]
    assert complete(stored, "claimtrack claims --source Coa", CLAIMTRACK_DB="news.db") == [
        "Coast Guard"]
    assert complete(stored, "claimtrack claims --event ") == [""]  # no claimtrack.db here
