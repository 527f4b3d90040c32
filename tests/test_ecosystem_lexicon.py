"""Coding conventions as presets, and the lexicon a database remembers (SPEC §3)."""
from __future__ import annotations

import json
import sqlite3
import tomllib
from importlib import resources

import pytest
from sqlite_utils import Database

from claimtrack.db import open_db
from claimtrack.extract.conventions import CONVENTIONS, LexiconChoice, choose, convention_data
from claimtrack.extract.lexicon import check_lexicon, default_lexicon
from claimtrack.migrations import migrations

# Each line one vague wording; the figure and the metric each line gives.
VAGUE = """\
Organisers said tens of people were detained after the march.
The governor said dozens of residents were evacuated.
Witnesses said hundreds of protesters were arrested.
Monitors said thousands of people marched in the capital.
Organisers said tens of thousands of people took to the streets.
"""
SENTENCED = "A court spokesman said 7 activists were sentenced on Friday.\n"
SENTENCED_TOML = '[metrics.sentenced]\nafter = ["sentenced", "were sentenced"]\n'


def lows(invoke, *args: str) -> dict[str, tuple[int, int]]:
    result = invoke("extract", "vague.txt", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {r["figure"]: (r["low"], r["high"]) for r in json.loads(result.stdout)}


@pytest.mark.parametrize("args, expected", [
    ([], {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens of thousands": (20000, 99999)}),
    (["--convention", "acled"], {"tens": (10, 99), "dozens": (12, 99), "hundreds": (100, 999),
                                 "thousands": (2000, 9999), "tens of thousands": (20000, 99999)}),
    (["--convention", "ACLED"], {"tens": (10, 99), "dozens": (12, 99), "hundreds": (100, 999),
                                 "thousands": (2000, 9999), "tens of thousands": (20000, 99999)}),
    (["--convention", "ccc"], {"dozens": (24, 99), "hundreds": (200, 999),
                               "thousands": (2000, 9999), "tens of thousands": (20000, 99999)}),
    (["--convention", "none"], {"dozens": (24, 99), "hundreds": (200, 999),
                                "thousands": (2000, 9999), "tens of thousands": (20000, 99999)}),
])
def test_extract_with_a_convention(invoke, tmp_path, args, expected):
    (tmp_path / "vague.txt").write_text(VAGUE)
    assert lows(invoke, *args) == expected


def test_a_lexicon_file_goes_over_the_convention(invoke, tmp_path):
    (tmp_path / "vague.txt").write_text(VAGUE)
    (tmp_path / "mine.toml").write_text('[vague]\n"dozens" = [30, 99]\n')
    got = lows(invoke, "--convention", "acled", "--lexicon", "mine.toml")
    assert (got["tens"], got["dozens"], got["hundreds"]) == ((10, 99), (30, 99), (100, 999))


def test_an_unknown_convention_is_a_usage_error(invoke, tmp_path):
    (tmp_path / "vague.txt").write_text(VAGUE)
    result = invoke("extract", "vague.txt", "--convention", "gdelt")
    assert result.exit_code == 2
    assert "gdelt" in result.stderr and "acled" in result.stderr
    assert not (tmp_path / "claimtrack.db").exists()


@pytest.mark.parametrize("name", sorted(CONVENTIONS))
def test_the_presets_are_shipped_and_valid(name):
    text = resources.files("claimtrack.extract").joinpath(f"presets/{name}.toml").read_text()
    data = tomllib.loads(text)
    assert set(data) == {"vague"}
    check_lexicon(data, name, text)
    assert convention_data(name) == data


def test_the_ccc_preset_states_what_spec_gives():
    assert convention_data("ccc")["vague"] == {
        "hundreds": [200, 999], "thousands": [2000, 9999], "tens of thousands": [20000, 99999]}
    assert {k: v[0] for k, v in convention_data("acled")["vague"].items()} == {
        "tens": 10, "dozens": 12, "hundreds": 100}


def test_choose_keeps_each_part_unless_given():
    recorded = LexiconChoice("acled", SENTENCED_TOML, "sentenced.toml")
    assert choose(None, None, recorded) == recorded
    assert choose(None, "ccc", recorded) == LexiconChoice("ccc", SENTENCED_TOML, "sentenced.toml")
    assert choose(("x = 1\n", "other.toml"), None, recorded) == LexiconChoice(
        "acled", "x = 1\n", "other.toml")
    assert choose(None, "none", recorded) == LexiconChoice(None, SENTENCED_TOML, "sentenced.toml")
    assert choose(("# nothing\n", "empty.toml"), "none", recorded) == LexiconChoice()
    assert choose() == LexiconChoice()
    assert choose().lexicon() is default_lexicon()
    assert [c.label for c in (LexiconChoice(), recorded, LexiconChoice(None, "", "a.toml"),
                              LexiconChoice("ccc"))] == [
        "default", "acled + sentenced.toml", "a.toml", "ccc"]
    # identity is the content: the same file under another name is the same lexicon
    assert LexiconChoice(None, "x", "a.toml").sha256 == LexiconChoice(None, "x", "b.toml").sha256
    assert LexiconChoice(None, "x").sha256 != LexiconChoice("ccc", "x").sha256


def claims_of(invoke) -> list[tuple]:
    rows = json.loads(invoke("claims", "-f", "json").stdout)
    return [(r["figure"], r["metric"], r["low"]) for r in rows]


def test_the_database_keeps_its_lexicon(invoke, tmp_path):
    (tmp_path / "court.txt").write_text(SENTENCED)
    (tmp_path / "vague.txt").write_text(VAGUE)
    (tmp_path / "sentenced.toml").write_text(SENTENCED_TOML)

    result = invoke("ingest", "court.txt", "vague.txt", "--lexicon", "sentenced.toml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("→ claimtrack.db (lexicon: sentenced.toml)\n")
    assert ("7", "sentenced", 7) in claims_of(invoke)
    (tmp_path / "sentenced.toml").unlink()  # the content is recorded, not the path

    # a plain reextract keeps it: nothing changes
    result = invoke("reextract", "-f", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n"), result.stderr
    assert result.stderr == ("re-extracted 2 reports (0 changed): 0 claims added, 0 removed, "
                             "5 unchanged → claimtrack.db (lexicon: sentenced.toml)\n")

    # a convention given alone keeps the file; the vague claims change, the metric stays
    result = invoke("reextract", "--convention", "acled", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [(r["report"], r["added"], r["removed"]) for r in json.loads(result.stdout)] == [
        (2, 3, 2)]  # "tens" is new; "dozens" and "hundreds" moved
    assert ("tens", "arrested", 10) in claims_of(invoke)
    assert ("7", "sentenced", 7) in claims_of(invoke)

    # a later ingest with no options extracts with the recorded lexicon and convention
    (tmp_path / "later.txt").write_text("Officials said 3 men were sentenced and tens of "
                                        "people were detained.\n")
    assert invoke("ingest", "later.txt").exit_code == 0
    reports = json.loads(invoke("reports", "-f", "json").stdout)
    assert [(r["id"], r["lexicon"]) for r in reports] == [
        (1, "acled + sentenced.toml"), (2, "acled + sentenced.toml"),
        (3, "acled + sentenced.toml")]
    later = json.loads(invoke("claims", "--report", "3", "-f", "json").stdout)
    assert [(r["figure"], r["metric"]) for r in later] == [("3", "sentenced"), ("tens", "arrested")]

    # --convention none drops the convention; `show --report` says what was used
    assert invoke("reextract", "--convention", "none").exit_code == 0
    shown = json.loads(invoke("show", "--report", "2", "-f", "json").stdout)[0]
    assert shown["lexicon"] == "sentenced.toml"
    table = invoke("show", "--report", "2", "-f", "table").stdout
    assert "lexicon   sentenced.toml" in table

    conn = sqlite3.connect(tmp_path / "claimtrack.db")
    assert conn.execute("SELECT convention, name, overlay, label FROM lexicons ORDER BY id"
                        ).fetchall() == [
        (None, "sentenced.toml", SENTENCED_TOML, "sentenced.toml"),
        ("acled", "sentenced.toml", SENTENCED_TOML, "acled + sentenced.toml")]
    assert conn.execute("SELECT value FROM settings WHERE key = 'lexicon_id'").fetchone() == ("1",)


def test_a_bad_lexicon_file_leaves_the_database_alone(invoke, tmp_path):
    (tmp_path / "court.txt").write_text(SENTENCED)
    (tmp_path / "bad.toml").write_text("[vague\n")
    result = invoke("ingest", "court.txt", "--lexicon", "bad.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: lexicon bad.toml is not valid TOML")
    assert not (tmp_path / "claimtrack.db").exists()
    assert invoke("ingest", "court.txt", "--convention", "ccc").exit_code == 0
    result = invoke("reextract", "--lexicon", "bad.toml")
    assert result.exit_code == 2
    assert json.loads(invoke("reports", "-f", "json").stdout)[0]["lexicon"] == "ccc"


def test_a_database_from_before_the_record_is_upgraded(invoke, tmp_path):
    """Reports stored before m016 have no lexicon until a reextract records one."""
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m016_lexicons")
    old["reports"].insert({"sha256": "x", "ingested_at": "2024-01-01", "event": "e",
                           "text": SENTENCED})
    old.close()
    assert [r["lexicon"] for r in json.loads(invoke("--db", "old.db", "reports", "-f", "json").stdout)
            ] == [None]
    assert invoke("--db", "old.db", "reextract").exit_code == 0
    assert [r["lexicon"] for r in json.loads(invoke("--db", "old.db", "reports", "-f", "json").stdout)
            ] == ["default"]
    assert open_db(path)["lexicons"].count == 1
