"""`conflicts`, `timeline`, `show` and `reextract` through CliRunner, on the real samples.

The samples are copied one by one (not the whole folder, which grows) into the test's
working folder and ingested in sorted order: report 1 is the Almaty retelling, 2 the interior
ministry, 3 the update, 4 and 5 the two wire stories; claims are numbered in that order.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from claimtrack import ConflictGroup, find_conflicts, timeline
from claimtrack.conflicts import CONFLICT_COLUMNS, TIMELINE_COLUMNS
from claimtrack.db import claim_rows, open_db, store_report
from claimtrack.inputs import Meta, Report
from claimtrack.output import render_claim, render_conflicts
from conftest import make_claim
from oracles import as_cells

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = ("almaty-khabar-2022-01-06.txt", "interior-ministry-2022-01-07.md",
                "update-2022-01-08.txt", "wire.jsonl")
MACHINE = ["json", "jsonl", "csv", "tsv"]

KZ, FLOOD = "kazakhstan-2022", "kelva-flood-2023"
COMMAND = "security forces' command in Almaty"
# One row per claim, in CONFLICT_COLUMNS order (the group's reason is REASONS[group]).
CONFLICTS = [
    (1, 'kazakhstan-2022', 'arrested', 'divergent', 7, 'At least 2,000', 2000, 2000, None, 'people', 'Almaty', 'Russian news agencies', 'Ministry of the Interior', 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'interior ministry (kz)'),
    (1, 'kazakhstan-2022', 'arrested', 'divergent', 11, '3,811', 3811, 3811, 3811, 'people', 'Kazakhstan', 'Aidar Seitkali', 'Aidar Seitkali', 2, '2022-01-07', None, 'Nomad Post', 1, False, False, 'aidar seitkali'),
    (2, 'kazakhstan-2022', 'injured', 'divergent', 5, 'Hundreds', 200, 200, 999, 'civilians', None, 'Caspian Daily', 'Caspian Daily', 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'caspian daily'),
    (2, 'kazakhstan-2022', 'injured', 'divergent', 6, 'well over a thousand', 1000, 1001, None, 'people', None, 'Other sources', 'Other sources', 1, '2022-01-06', 'even speak of', 'Caspian Daily', 1, False, False, 'other sources@report:1'),
    (2, 'kazakhstan-2022', 'injured', 'divergent', 4, '353', 353, 353, 353, 'police', 'Almaty', 'Khabar-24', "security forces' command in Almaty", 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'security forces command in almaty (kz)'),
    (2, 'kazakhstan-2022', 'injured', 'divergent', 10, 'More than 1,300', 1300, 1301, None, 'security_forces', None, 'interior ministry', 'interior ministry', 2, '2022-01-07', None, 'Nomad Post', 1, False, False, 'interior ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 1, 'Dozens', 24, 24, 99, 'assailants', None, 'Saltanat Azirbek', 'Saltanat Azirbek', 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'saltanat azirbek'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 13, 'at least 26', 26, 26, None, 'assailants', None, 'interior ministry', 'interior ministry', 3, '2022-01-08', None, 'Caspian Daily', 1, False, False, 'interior ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 15, 'four', 4, 4, 4, 'children', None, 'health ministry', 'health ministry', 3, '2022-01-08', None, 'Caspian Daily', 1, False, False, 'health ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 14, '164', 164, 164, 164, 'people', None, 'health ministry', 'health ministry', 3, '2022-01-08', None, 'Caspian Daily', 1, False, False, 'health ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 3, '12', 12, 12, 12, 'police', 'Almaty', 'Khabar-24', "security forces' command in Almaty", 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'security forces command in almaty (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 12, '16', 16, 16, 16, 'police', None, 'Interior Ministry', 'Interior Ministry', 3, '2022-01-08', None, 'Caspian Daily', 1, False, False, 'interior ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 16, 'Sixteen', 16, 16, 16, 'police', None, 'Interfax news agency', 'Interior Ministry', 4, '2022-01-08', None, 'Northline Wire', 1, False, False, 'interior ministry (kz)'),
    (3, 'kazakhstan-2022', 'killed', 'divergent', 2, 'Dozens', 24, 24, 99, 'protesters', None, 'Caspian Daily', 'Caspian Daily', 1, '2022-01-06', None, 'Caspian Daily', 1, False, False, 'caspian daily'),
    (4, 'kelva-flood-2023', 'displaced', 'divergent', 19, 'About 200', 200, 180, 220, 'civilians', None, 'local fire service', 'local fire service', 5, '2023-07-14', None, 'Northline Wire', 1, False, False, 'fire service'),
    (4, 'kelva-flood-2023', 'displaced', 'divergent', 20, 'Several', 3, 3, 9, 'people', None, 'witnesses', 'witnesses', 5, '2023-07-14', None, 'Northline Wire', 1, False, False, 'witnesses@report:5'),
    (5, 'kelva-flood-2023', 'killed', 'divergent', 23, 'Six', 6, 6, 6, 'civilians', None, 'Kelstone', 'Kelstone', 5, '2023-07-14', 'feared dead', 'Northline Wire', 1, False, False, 'kelstone'),
    (5, 'kelva-flood-2023', 'killed', 'divergent', 18, 'Between 30 and 40', 30, 30, 40, 'people', None, "regional governor's office", "regional governor's office", 5, '2023-07-14', None, 'Northline Wire', 1, False, False, 'governor office'),
    (5, 'kelva-flood-2023', 'killed', 'divergent', 22, 'As many as 50', 50, 0, 50, 'people', None, 'Northline Wire', 'Northline Wire', 5, '2023-07-14', 'reportedly', 'Northline Wire', 1, False, False, 'northline wire'),
]
REASONS = {
    1: 'Nothing contradicts: Almaty lies in Kazakhstan, so the at least 2,000 the Ministry of the Interior gave for Almaty are part of the 3,811 Aidar Seitkali gave for Kazakhstan.',
    2: 'Nothing contradicts: each figure counts a different group.',
    3: "On 8 January the Interior Ministry said 16 police were killed, 2 days after the security forces' command in Almaty said 12: a toll that rose, not a contradiction.",
    4: 'Nothing contradicts: each figure counts a different group.',
    5: 'Nothing contradicts: the figures count different groups and those for people overlap.',
}

INJURED_TABLE = """\
kazakhstan-2022 · injured — divergent: 4 claims from 4 independent origins
Nothing contradicts: each figure counts a different group.
                                                       source ← origin
 #   figure                 range   subject            outlet · date                         origins
────────────────────────────────────────────────────────────────────────────────────────────────────
 5   Hundreds             200–999   civilians          the report itself                           1
                                                       Caspian Daily · 2022-01-06

 6   well over a           1,001–   people             Other sources                               1
     thousand                                          Caspian Daily · 2022-01-06
     “even speak of”

 4   353                      353   police in Almaty   Khabar-24 ← security forces'                1
                                                       command in Almaty
                                                       Caspian Daily · 2022-01-06

10   More than 1,300       1,301–   security forces    interior ministry                           1
                                                       Nomad Post · 2022-01-07
"""

KILLED_TABLE = """\
kazakhstan-2022 · killed — divergent: 8 claims from 5 independent origins
On 8 January the Interior Ministry said 16 police were killed, 2 days after the security forces'
command in Almaty said 12: a toll that rose, not a contradiction.
                                              source ← origin
 #   figure        range   subject            outlet · date                                  origins
────────────────────────────────────────────────────────────────────────────────────────────────────
 1   Dozens        24–99   assailants         Saltanat Azirbek                                     1
                                              Caspian Daily · 2022-01-06

13   at least 26     26–   assailants         interior ministry                                    1
                                              Caspian Daily · 2022-01-08

15   four              4   children           health ministry                                      1
                                              Caspian Daily · 2022-01-08

14   164             164   people             health ministry                                      1
                                              Caspian Daily · 2022-01-08

 3   12               12   police in Almaty   Khabar-24 ← security forces' command in              1
                                              Almaty
                                              Caspian Daily · 2022-01-06

12   16               16   police             Interior Ministry                                    1
                                              Caspian Daily · 2022-01-08

16   Sixteen          16   police             Interfax news agency ← Interior Ministry             1
                                              Northline Wire · 2022-01-08

 2   Dozens        24–99   protesters         the report itself                                    1
                                              Caspian Daily · 2022-01-06
"""

FLOOD_TABLES = """\
kelva-flood-2023 · displaced — divergent: 2 claims from 2 independent origins
Nothing contradicts: each figure counts a different group.
                                       source ← origin
 #   figure        range   subject     outlet · date                                         origins
────────────────────────────────────────────────────────────────────────────────────────────────────
19   About 200   180–220   civilians   local fire service                                          1
                                       Northline Wire · 2023-07-14

20   Several         3–9   people      witnesses                                                   1
                                       Northline Wire · 2023-07-14

kelva-flood-2023 · killed — divergent: 3 claims from 3 independent origins
Nothing contradicts: the figures count different groups and those for people overlap.
                                             source ← origin
 #   figure              range   subject     outlet · date                                   origins
────────────────────────────────────────────────────────────────────────────────────────────────────
23   Six                     6   civilians   Kelstone                                              1
     “feared dead”                           Northline Wire · 2023-07-14

18   Between 30 and 40   30–40   people      regional governor's office                            1
                                             Northline Wire · 2023-07-14

22   As many as 50        0–50   people      the report itself                                     1
     “reportedly”                            Northline Wire · 2023-07-14
"""

ARRESTED_TABLE = """\
kazakhstan-2022 · arrested — divergent: 2 claims from 2 independent origins
Nothing contradicts: Almaty lies in Kazakhstan, so the at least 2,000 the Ministry of the Interior
gave for Almaty are part of the 3,811 Aidar Seitkali gave for Kazakhstan.
                                                      source ← origin
 #   figure            range   subject                outlet · date                          origins
────────────────────────────────────────────────────────────────────────────────────────────────────
 7   At least 2,000   2,000–   people in Almaty       Russian news agencies ← Ministry of          1
                                                      the Interior
                                                      Caspian Daily · 2022-01-06

11   3,811             3,811   people in Kazakhstan   Aidar Seitkali                               1
                                                      Nomad Post · 2022-01-07
"""


def lines(out: str) -> str:
    """Rich pads table lines to the full width: compare them without trailing blanks."""
    return "".join(line.rstrip() + "\n" for line in out.splitlines())



def parse(fmt: str, out: str) -> list[dict]:
    """Rows back from a machine format; CSV and TSV give every value as text."""
    if fmt == "json":
        return json.loads(out)
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    return list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))


def expected(rows: list[tuple], columns, fmt: str) -> list[dict]:
    if columns == CONFLICT_COLUMNS:
        rows = [row if len(row) == len(columns) else (*row, REASONS[row[0]]) for row in rows]
    dicts = [dict(zip(columns, row, strict=True)) for row in rows]
    if fmt in ("csv", "tsv"):
        return [as_cells(d) for d in dicts]
    return dicts


@pytest.fixture
def samples_db(invoke, tmp_path) -> Path:
    folder = tmp_path / "samples"
    folder.mkdir()
    for name in SAMPLE_FILES:
        shutil.copyfile(SAMPLES / name, folder / name)
    result = invoke("ingest", "samples")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "claimtrack.db"


def add_report(invoke, tmp_path, name: str, text: str, *, event: str, date: str,
               outlet: str = "Steppe Times"):
    (tmp_path / name).write_text(f"outlet: {outlet}\nevent: {event}\ndate: {date}\n\n{text}\n")
    result = invoke("ingest", name)
    assert result.exit_code == 0, result.stderr


def test_samples_table_at_100_columns(invoke, samples_db):
    result = invoke("conflicts", "-f", "table")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert lines(result.stdout) == "\n".join(
        [ARRESTED_TABLE, INJURED_TABLE, KILLED_TABLE, FLOOD_TABLES])
    assert max(len(line) for line in result.stdout.splitlines()) == 100
    assert "\x1b[" not in result.stdout  # no colour off a terminal


@pytest.mark.parametrize("fmt", MACHINE)
def test_samples_rows_in_every_format(invoke, samples_db, fmt):
    result = invoke("conflicts", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert parse(fmt, result.stdout) == expected(CONFLICTS, CONFLICT_COLUMNS, fmt)


def test_rows_default_to_json_lines_in_a_pipe(invoke, samples_db):
    result = invoke("conflicts")
    assert parse("jsonl", result.stdout) == expected(CONFLICTS, CONFLICT_COLUMNS, "jsonl")


def test_the_seed_groups_and_verdicts(samples_db):
    """The library gives the same groups the command shows (SPEC §6, docs/samples.md)."""
    groups = find_conflicts(claim_rows(open_db(samples_db)))
    assert all(isinstance(g, ConflictGroup) for g in groups)
    assert [(g.event, g.metric, g.verdict, len(g.claims), g.voices) for g in groups] == [
        (KZ, "arrested", "divergent", 2, 2),
        (KZ, "injured", "divergent", 4, 4),
        (KZ, "killed", "divergent", 8, 5),
        (FLOOD, "displaced", "divergent", 2, 2),
        (FLOOD, "killed", "divergent", 3, 3),
    ]


FALLING = "A regional health department said nine police officers had been killed."


def test_a_falling_toll_is_the_one_contradiction(invoke, samples_db, tmp_path):
    # the samples' police toll only rises (12, then 16): nothing for --strict
    result = invoke("conflicts", "--strict", "-f", "table")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "no conflicting figures\n"
    # a body that gives 9 police killed on the day the ministry says 16 contradicts it
    add_report(invoke, tmp_path, "falling.txt", FALLING, event=KZ, date="2022-01-09")
    table = lines(invoke("conflicts", "--strict", "-f", "table").stdout)
    assert table.splitlines()[:3] == [
        "kazakhstan-2022 · killed — contradiction: 9 claims from 6 independent origins",
        "On 9 January the regional health department said 9 police were killed, a day after the Interior",
        "Ministry said 16. 2 more figures disagree the same way.",
    ]
    rows = parse("json", invoke("conflicts", "--strict", "-f", "json").stdout)
    assert {r["verdict"] for r in rows} == {"contradiction"}
    assert [r["claim"] for r in rows if r["contradicted"]] == [3, 12, 16, 24]


def test_metric_and_event_filters(invoke, samples_db):
    result = invoke("conflicts", "--metric", "injured", "-f", "table")
    assert lines(result.stdout) == INJURED_TABLE
    result = invoke("conflicts", "--event", FLOOD, "-f", "table")
    assert lines(result.stdout) == FLOOD_TABLES
    rows = parse("jsonl", invoke("conflicts", "--event", KZ, "--metric", "killed").stdout)
    # groups are numbered within the result
    assert rows == expected([(1, *r[1:], REASONS[3]) for r in CONFLICTS if r[0] == 3],
                            CONFLICT_COLUMNS, "jsonl")
    # a single voice is no conflict, even with --all
    result = invoke("conflicts", "--metric", "deployed", "--all", "-f", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


@pytest.mark.parametrize("args, message", [
    (("conflicts", "--event", "kazakstan-2022"), "no event 'kazakstan-2022'; did you mean "
                                                 "kazakhstan-2022?"),
    (("conflicts", "--metric", "kiled"), "no metric 'kiled'; did you mean killed?"),
    (("timeline", "--event", "nowhere"), "no event 'nowhere'; stored: kazakhstan-2022, "
                                         "kelva-flood-2023"),
    (("claims", "--event", "Kazakhstan-2022"), "no event 'Kazakhstan-2022'; did you mean "
                                               "kazakhstan-2022?"),
    (("sources", "--event", "flood"), "no event 'flood'; stored: kazakhstan-2022, "
                                      "kelva-flood-2023"),
])
def test_a_filter_that_names_nothing_says_what_exists(invoke, samples_db, args, message):
    result = invoke(*args, "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")


def test_a_valid_filter_that_matches_nothing_exits_0(invoke, samples_db):
    # kidnapped is a lexicon metric with no claim stored
    result = invoke("conflicts", "--metric", "kidnapped", "-f", "table")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "no conflicting figures (groups whose figures agree need --all)\n"
    for fmt, out in (("json", "[]\n"), ("jsonl", ""), ("csv", "")):
        assert invoke("conflicts", "--metric", "kidnapped", "-f", fmt).stdout == out


def test_history_marks_the_superseded_figure(invoke, samples_db):
    rows = parse("json", invoke("conflicts", "--metric", "killed", "--event", KZ, "--history",
                                "-f", "json").stdout)
    police = [(r["claim"], r["figure"], r["date"], r["superseded"], r["origins"])
              for r in rows if r["subject_group"] == "police"]
    assert police == [(3, "12", "2022-01-06", False, 1), (9, "Eight", "2022-01-07", True, 0),
                      (12, "16", "2022-01-08", False, 1), (16, "Sixteen", "2022-01-08", False, 1)]
    assert {r["verdict"] for r in rows} == {"divergent"}
    table = lines(invoke("conflicts", "--metric", "killed", "--event", KZ, "--history",
                         "-f", "table").stdout)
    assert table.splitlines()[0] == \
        "kazakhstan-2022 · killed — divergent: 9 claims (1 superseded) from 5 independent origins"
    assert (" 9   Eight             8   police             Interior Ministry"
            "                                    0\n"
            "     superseded                               Nomad Post · 2022-01-07\n") in table
    # without --history the ministry's own earlier figure is not a conflict at all
    assert "Eight" not in invoke("conflicts", "-f", "table").stdout


def test_independent_origins_are_counted_once(invoke, samples_db, tmp_path):
    # Two outlets carry the ministry's 16: one voice. A second body giving 16 makes two.
    before = parse("json", invoke("conflicts", "--metric", "killed", "--event", KZ,
                                  "-f", "json").stdout)
    assert [(r["claim"], r["origins"], r["voice"]) for r in before if r["figure"] in ("16", "Sixteen")] \
        == [(12, 1, "interior ministry (kz)"), (16, 1, "interior ministry (kz)")]
    add_report(invoke, tmp_path, "hrw.txt",
               "Human Rights Watch said 16 police officers had been killed.",
               event=KZ, date="2022-01-09")
    after = parse("json", invoke("conflicts", "--metric", "killed", "--event", KZ,
                                 "-f", "json").stdout)
    assert [(r["claim"], r["source"], r["origins"]) for r in after if r["value"] == 16] == [
        (12, "Interior Ministry", 2), (16, "Interfax news agency", 2),
        (24, "Human Rights Watch", 2)]
    table = invoke("conflicts", "--metric", "killed", "--event", KZ, "-f", "table").stdout
    assert table.splitlines()[0] == \
        "kazakhstan-2022 · killed — divergent: 9 claims from 6 independent origins"


def test_a_reports_named_victims_are_compared_through_its_count(invoke, tmp_path):
    # One report names two dead, one of them through the coroner, and gives no total: its
    # tally (2) speaks for it, so nothing is listed beside it.
    add_report(invoke, tmp_path, "harbor.txt",
               "Lena Ortiz, 41, was killed in the crash, the county coroner said. A second "
               "driver, Tom Avery, also died at the scene.", event="quay-crash", date="2024-05-02")
    assert invoke("conflicts", "-f", "json").stdout == "[]\n"
    # a second report counts three: the report's 2 stands against it, not its victims
    add_report(invoke, tmp_path, "wire.txt", "Three people were killed in the crash, police said.",
               event="quay-crash", date="2024-05-02", outlet="Coast Wire")
    rows = parse("json", invoke("conflicts", "-f", "json").stdout)
    assert [(r["verdict"], r["figure"], r["value"], r["origin"]) for r in rows] == [
        ("contradiction", "2", 2, "Steppe Times"), ("contradiction", "Three", 3, "police")]
    assert invoke("conflicts", "-f", "json").exit_code == 0


def test_all_adds_the_groups_that_agree(invoke, samples_db, tmp_path):
    add_report(invoke, tmp_path, "missing.txt",
               "Up to 15 people are still missing, the Red Cross said.",
               event=FLOOD, date="2023-07-14")
    assert invoke("conflicts", "--metric", "missing", "-f", "json").stdout == "[]\n"
    result = invoke("conflicts", "--metric", "missing", "--all", "-f", "table")
    assert lines(result.stdout).splitlines()[:2] == [
        "kelva-flood-2023 · missing — agree: 2 claims from 2 independent origins",
        "The figures agree: their ranges overlap.",
    ]
    rows = parse("json", invoke("conflicts", "--metric", "missing", "--all", "-f", "json").stdout)
    assert [(r["verdict"], r["figure"], r["low"], r["high"], r["origin"]) for r in rows] == [
        ("agree", "up to 15", 0, 15, "regional emergencies ministry"),
        ("agree", "Up to 15", 0, 15, "Red Cross"),
    ]
    assert invoke("conflicts", "--metric", "missing", "--all", "--strict",
                  "-f", "json").stdout == "[]\n"


def test_colour_only_on_a_terminal(samples_db, monkeypatch):
    groups = find_conflicts(claim_rows(open_db(samples_db)), metric="killed", event=KZ)
    plain = io.StringIO()
    render_conflicts(groups, "table", file=plain)
    assert "\x1b[" not in plain.getvalue()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    coloured = io.StringIO()
    render_conflicts(groups, "table", file=coloured)
    assert re.search(r"\x1b\[[0-9;]*33m[^\x1b]*divergent", coloured.getvalue())
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.getvalue()) == plain.getvalue()
    claim = io.StringIO()
    render_claim({"id": 1, "event": "e", "metric": "killed", "figure": "12", "qualifier": "exact",
                  "low": 12, "high": 12, "sentence": "Police said 12 died.", "start": 12,
                  "end": 14, "sentence_start": 0, "chain": []}, "table", file=claim)
    assert "**12**" not in claim.getvalue()
    assert "Police said \x1b[1;7m12\x1b[0m died." in claim.getvalue()


TIMELINE_KILLED = """\
kazakhstan-2022 · killed
subject            origin                         figures over time
────────────────────────────────────────────────────────────────────────────────────────────────────
assailants         interior ministry              at least 26 (2022-01-08)
assailants         Saltanat Azirbek               Dozens (2022-01-06)
children           health ministry                4 (2022-01-08)
people             health ministry                164 (2022-01-08)
police             Interior Ministry              8 (2022-01-07) → 16 (2022-01-08, 2 reports)
police in Almaty   security forces' command in    12 (2022-01-06)
                   Almaty
protesters         the report itself              Dozens (2022-01-06)
"""


def test_timeline_shows_the_ministry_moving_from_8_to_16(invoke, samples_db):
    result = invoke("timeline", "--event", KZ, "--metric", "killed", "-f", "table")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == TIMELINE_KILLED
    everything = lines(invoke("timeline", "-f", "table").stdout)
    assert [line for line in everything.splitlines() if " · " in line] == [
        f"{KZ} · arrested", f"{KZ} · deployed", f"{KZ} · injured", f"{KZ} · killed",
        f"{FLOOD} · displaced", f"{FLOOD} · killed", f"{FLOOD} · missing"]


@pytest.mark.parametrize("fmt", MACHINE)
def test_timeline_rows(invoke, samples_db, fmt):
    result = invoke("timeline", "--event", KZ, "--metric", "killed", "-f", fmt)
    police = [r for r in parse(fmt, result.stdout) if r["subject_group"] == "police"]
    assert police == expected([
        (KZ, "killed", "police", "Interior Ministry", "2022-01-07", "Eight", 8, 8, 8, 9, 2, True,
         None, "Interior Ministry", "interior ministry (kz)", False),
        (KZ, "killed", "police", "Interior Ministry", "2022-01-08", "16", 16, 16, 16, 12, 3, False,
         None, "Interior Ministry", "interior ministry (kz)", False),
        (KZ, "killed", "police", "Interior Ministry", "2022-01-08", "Sixteen", 16, 16, 16, 16, 4,
         False, None, "Interfax news agency", "interior ministry (kz)", False),
        (KZ, "killed", "police", COMMAND, "2022-01-06", "12", 12, 12, 12, 3, 1, False,
         "Almaty", "Khabar-24", "security forces command in almaty (kz)", False),
    ], TIMELINE_COLUMNS, fmt)
    assert timeline(claim_rows(open_db("claimtrack.db")), event=KZ, metric="killed") == \
        parse("json", invoke("timeline", "--event", KZ, "--metric", "killed", "-f", "json").stdout)


SHOW_CLAIM = """\
Claim 4 · kazakhstan-2022 · injured
The fighting has left 12 members of the police forces dead and **353** wounded, according to figures
released by the regional broadcaster Khabar-24, which cites the security forces' command in Almaty.

figure    353
subject   police (“members of the police forces”)
location  Almaty
chain     Khabar-24 (media, regional broadcaster) — “according to”
          ← security forces' command in Almaty (military) — “cites”
hedge     –
quoted    no
report    1 · Caspian Daily · 2022-01-06
title     Almaty police say dozens of attackers were "eliminated" overnight
url       –
"""

SHOW_REPORT = """\
Report 2 · Nomad Post · 2022-01-07 · kazakhstan-2022
title     Interior ministry puts the police death toll at eight
url       https://example.org/kazakhstan/interior-ministry-2022-01-07
input     samples/interior-ministry-2022-01-07.md
ingested  TIME
lexicon   default
claims    3

 #   figure             range   metric     subject           source ← origin     hedge
──────────────────────────────────────────────────────────────────────────────────────
 9   Eight                  8   killed     police            Interior Ministry
10   More than 1,300   1,301–   injured    security forces   interior ministry
11   3,811              3,811   arrested   people            Aidar Seitkali
"""


def test_show_a_claim(invoke, samples_db):
    result = invoke("show", "4", "-f", "table")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == SHOW_CLAIM
    hedged = lines(invoke("show", "6", "-f", "table").stdout)
    assert hedged.splitlines()[1] == \
        "Other sources even speak of **well over a thousand** people hurt in the violence."
    assert "hedge     “even speak of”\n" in hedged
    quoted = lines(invoke("show", "1", "-f", "table").stdout)
    assert "“**Dozens** of attackers were eliminated" in quoted
    assert "quoted    yes\n" in quoted


def test_show_names_the_report_itself_and_says_what_a_figure_allows(invoke, samples_db):
    shown = lines(invoke("show", "2", "-f", "table").stdout).splitlines()
    assert shown[0] == "Claim 2 · kazakhstan-2022 · killed"
    assert "figure    Dozens (24 to 99)" in shown
    assert "chain     the report itself (Caspian Daily)" in shown
    assert "figure    At least 2,000 (2,000 or more)" in \
        lines(invoke("show", "7", "-f", "table").stdout).splitlines()
    assert "figure    More than 1,300 (1,301 or more)" in \
        lines(invoke("show", "10", "-f", "table").stdout).splitlines()


def test_show_a_claim_as_json(invoke, samples_db):
    rows = parse("json", invoke("show", "4", "-f", "json").stdout)
    assert len(rows) == 1
    claim = rows[0]
    assert claim["chain"] == [
        {"name": "Khabar-24", "kind": "media", "cue": "according to", "key": "khabar 24",
         "text": "the regional broadcaster Khabar-24", "descriptor": "regional broadcaster",
         "role": None},
        {"name": COMMAND, "kind": "military", "cue": "cites",
         "key": "security forces command in almaty (kz)",
         "text": "the security forces' command in Almaty", "descriptor": None,
         "role": None},
    ]
    offset = claim["sentence_start"]
    assert claim["sentence"][claim["start"] - offset:claim["end"] - offset] == "353"
    assert {k: claim[k] for k in ("id", "report", "event", "metric", "figure", "source",
                                  "origin", "outlet", "date", "url")} == {
        "id": 4, "report": 1, "event": KZ, "metric": "injured", "figure": "353",
        "source": "Khabar-24", "origin": COMMAND, "outlet": "Caspian Daily",
        "date": "2022-01-06", "url": None}
    # the same row as `claims` lists it, plus url and sentence_start
    listed = parse("json", invoke("claims", "--report", "1", "-f", "json").stdout)
    assert {k: v for k, v in claim.items() if k not in ("url", "sentence_start")} == \
        next(r for r in listed if r["id"] == 4)


def test_show_a_report(invoke, samples_db):
    result = invoke("show", "--report", "2", "-f", "table")
    assert result.exit_code == 0, result.stderr
    out = re.sub(r"(?m)^(ingested  )\S+", r"\1TIME", lines(result.stdout))
    assert out == SHOW_REPORT
    by_id = invoke("show", "-r", "northline-flood-2023-07-14", "-f", "table").stdout
    assert by_id.splitlines()[0] == "Report 5 · Northline Wire · 2023-07-14 · kelva-flood-2023"
    assert "id        northline-flood-2023-07-14" in by_id
    report = parse("json", invoke("show", "2", "--report", "-f", "json").stdout)[0]
    assert report["text"].startswith("Eight police officers have been killed")
    assert [(c["id"], c["figure"]) for c in report["claims"]] == [
        (9, "Eight"), (10, "More than 1,300"), (11, "3,811")]
    # metric 'other' only with --all: the Almaty report counts six former Soviet states
    plain = parse("json", invoke("show", "-r", "1", "-f", "json").stdout)[0]["claims"]
    every = parse("json", invoke("show", "-r", "1", "--all", "-f", "json").stdout)[0]["claims"]
    assert (len(plain), len(every), every[-1]["metric"]) == (7, 8, "other")


@pytest.mark.parametrize("args, message", [
    (("show", "99"), "no claim 99 in claimtrack.db: `claimtrack claims` lists them"),
    (("show", "four"), "claim numbers are whole numbers, not 'four'; for a report, use "
                       "`claimtrack show --report ID`"),
    (("show", "--report", "9"), "no report 9 in claimtrack.db: `claimtrack reports` lists them"),
    (("show", "-r", "nothing.txt"),
     "no report nothing.txt in claimtrack.db: `claimtrack reports` lists them"),
])
def test_unknown_ids_exit_2(invoke, samples_db, args, message):
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")


@pytest.mark.parametrize("args", [("conflicts",), ("timeline",), ("show", "1"),
                                  ("show", "--report", "1"), ("reextract",)])
def test_missing_database_exits_3(invoke, tmp_path, args):
    result = invoke(*args, "--db", "absent.db")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == \
        "Error: no database at absent.db: run `claimtrack ingest` first, or pass --db\n"
    assert not (tmp_path / "absent.db").exists()


ACLED = '[vague]\n"dozens" = [12, 99]\n[metrics.killed]\nafter = ["martyred"]\n'
MARTYRS = "Witnesses said 40 people were martyred in the raid."


def consistent(path: Path) -> None:
    """Foreign keys hold, full-text indexes agree, every source is cited, every claim's
    source and origin are its first and last chain links."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("reports_fts", "claims_fts"):  # rank 1: checked against the tables' rows
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("""SELECT count(*) FROM sources s WHERE NOT EXISTS
                           (SELECT 1 FROM chain_links WHERE source_id = s.id)""").fetchone() == (0,)
    assert conn.execute("""SELECT count(*) FROM claims c WHERE source_id IS NOT
        (SELECT source_id FROM chain_links WHERE claim_id = c.id ORDER BY position LIMIT 1)
        OR origin_id IS NOT (SELECT source_id FROM chain_links WHERE claim_id = c.id
                             ORDER BY position DESC LIMIT 1)""").fetchone() == (0,)
    conn.close()


def claims_without_ids(invoke, *db: str) -> list[dict]:
    rows = parse("json", invoke("claims", "--all", "-f", "json", *db).stdout)
    return sorted((json.dumps({k: v for k, v in r.items() if k != "id"}, sort_keys=True)
                   for r in rows))


def test_reextract_after_a_lexicon_change(invoke, samples_db, tmp_path):
    add_report(invoke, tmp_path, "martyrs.txt", MARTYRS, event=KZ, date="2022-01-09")
    (tmp_path / "acled.toml").write_text(ACLED)

    result = invoke("reextract", "-f", "jsonl")  # nothing changed yet
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == ("re-extracted 6 reports (0 changed): 0 claims added, 0 removed, "
                             "24 unchanged → claimtrack.db\n")

    result = invoke("reextract", "--lexicon", "acled.toml", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert parse("jsonl", result.stdout) == [
        {"report": 1, "date": "2022-01-06", "outlet": "Caspian Daily",
         "title": 'Almaty police say dozens of attackers were "eliminated" overnight',
         "before": 8, "after": 8, "added": 2, "removed": 2, "unchanged": 6},
        {"report": 6, "date": "2022-01-09", "outlet": "Steppe Times", "title": None,
         "before": 1, "after": 1, "added": 1, "removed": 1, "unchanged": 0},
    ]
    assert result.stderr == ("re-extracted 6 reports (2 changed): 3 claims added, 3 removed, "
                             "21 unchanged → claimtrack.db (lexicon: acled.toml)\n")
    consistent(samples_db)

    # the new convention and the new word are in force; unchanged claims keep their numbers
    dozens = parse("json", invoke("claims", "--event", KZ, "--metric", "killed", "-f", "json").stdout)
    assert [(r["id"], r["figure"], r["low"], r["high"], r["subject_group"]) for r in dozens] == [
        (3, "12", 12, 12, "police"), (9, "Eight", 8, 8, "police"),
        (12, "16", 16, 16, "police"), (13, "at least 26", 26, None, "assailants"),
        (14, "164", 164, 164, "people"), (15, "four", 4, 4, "children"),
        (16, "Sixteen", 16, 16, "police"), (25, "Dozens", 12, 99, "assailants"),
        (26, "Dozens", 12, 99, "protesters"), (27, "40", 40, 40, "people")]
    # ... and conflicts see them: the witnesses' 40, a day after the health ministry's 164, is
    # a toll that fell
    table = invoke("conflicts", "--event", KZ, "--metric", "killed", "-f", "table").stdout
    assert table.splitlines()[1] == \
        "On 9 January Witnesses said 40 were killed, a day after the health ministry said 164."

    # the database holds what a fresh ingest with that lexicon would
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in (*(f"samples/{n}" for n in SAMPLE_FILES), "martyrs.txt"):
        invoke("ingest", str(tmp_path / name), "--lexicon", "acled.toml",
               "--db", str(fresh / "fresh.db"))
    assert claims_without_ids(invoke) == claims_without_ids(invoke, "--db", str(fresh / "fresh.db"))

    again = invoke("reextract", "--lexicon", "acled.toml", "-f", "table")
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == ("no claims changed\nre-extracted 6 reports (0 changed): 0 claims "
                            "added, 0 removed, 24 unchanged → claimtrack.db (lexicon: acled.toml)\n")


def test_reextract_table_and_event(invoke, samples_db, tmp_path):
    (tmp_path / "acled.toml").write_text(ACLED)
    result = invoke("reextract", "--lexicon", "acled.toml", "--event", FLOOD, "-f", "table")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.endswith("re-extracted 1 report (0 changed): 0 claims added, "
                                  "0 removed, 6 unchanged → claimtrack.db (lexicon: acled.toml)\n")
    result = invoke("reextract", "--lexicon", "acled.toml", "--event", KZ, "-f", "table")
    assert lines(result.stdout) == """\
#   date         outlet          title                                      claims   added   removed
────────────────────────────────────────────────────────────────────────────────────────────────────
1   2022-01-06   Caspian Daily   Almaty police say dozens of attackers       8 → 8      +2        −2
                                 were "eliminated" overnight
"""


def test_reextract_drops_sources_no_claim_cites(invoke, tmp_path):
    text = "Police said 12 people were killed in the city on Monday."
    db = open_db(tmp_path / "hand.db")
    store_report(db, Report(text, "one.txt", "one.txt", "one.txt", Meta(event="clashes")),
                 [make_claim(text, "12", chain=(("Red Cross", "ngo", "according to"),))])
    db.close()
    result = invoke("reextract", "--db", "hand.db", "-f", "json")
    assert [(r["before"], r["after"], r["added"], r["removed"])
            for r in parse("json", result.stdout)] == [(1, 1, 1, 1)]
    sources = parse("json", invoke("sources", "--db", "hand.db", "-f", "json").stdout)
    assert [(s["name"], s["kind"], s["claims"]) for s in sources] == [("Police", "police", 1)]
    consistent(tmp_path / "hand.db")
    conn = sqlite3.connect(tmp_path / "hand.db")
    assert conn.execute("SELECT key FROM sources").fetchall() == [("police",)]


def test_names_that_look_like_markup_are_printed_as_written(invoke, tmp_path):
    one, two = "Police said 12 people were killed.", "Medics said 30 people were killed."
    db = open_db(tmp_path / "hand.db")
    for name, text, figure, source in (("a.txt", one, "12", "[bold]Police[/bold]"),
                                       ("b.txt", two, "30", "Medics [red]")):
        store_report(db, Report(text, name, name, name, Meta(event="e", outlet="[i]Wire")),
                     [make_claim(text, figure, chain=((source, "police", "said"),))])
    db.close()
    table = invoke("conflicts", "--db", "hand.db", "-f", "table").stdout
    assert "[bold]Police[/bold]" in table and "Medics [red]" in table and "[i]Wire" in table
    assert "[bold]Police[/bold] said 12 were killed; the Medics [red] said 30." in table
    shown = invoke("show", "1", "--db", "hand.db", "-f", "table").stdout
    assert "chain     [bold]Police[/bold] (police) — “said”" in shown
    assert "report    1 · [i]Wire · undated" in shown


CUSTODY_A = """---
title: Court hands down terms
outlet: Harbour Gazette
date: 2025-03-04
event: port-strike-2025
---
A court spokesman said 22 picketers were sentenced for blocking the port road.
"""
CUSTODY_B = """---
title: Union counts the sentenced
outlet: Dock Voice
date: 2025-03-06
event: port-strike-2025
---
The dockworkers' union said 14 picketers were sentenced after the trials.
"""


@pytest.mark.parametrize("cumulative, verdict", [("true", "contradiction"),
                                                  ("false", "divergent")])
def test_conflicts_read_cumulative_from_the_lexicon_the_database_recorded(
        invoke, tmp_path, monkeypatch, cumulative, verdict):
    # a count that only grows cannot fall from 22 to 14 two days later; one that goes up
    # and down can: the database's own lexicon says which, with no --lexicon on conflicts
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(CUSTODY_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(CUSTODY_B, encoding="utf-8")
    (tmp_path / "sentenced.toml").write_text(
        f'[metrics.sentenced]\ncumulative = {cumulative}\nafter = ["were sentenced"]\n\n'
        '[subjects]\nprotesters = ["picketers"]\n', encoding="utf-8")
    stored = invoke("ingest", "a.md", "b.md", "--lexicon", "sentenced.toml")
    assert stored.exit_code == 0, stored.stderr
    result = invoke("conflicts", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["metric"], r["figure"], r["verdict"]) for r in rows] == [
        ("sentenced", "22", verdict), ("sentenced", "14", verdict)]


def _hostile_rows() -> list[dict]:
    """Two voices of one event and metric whose every text needs escaping in JSON."""
    base = {"event": 'ev "1"\\', "metric": "killed", "subject_group": "people", "unit": None,
            "qualifier": "exact", "source_kind": "government", "origin_kind": "government",
            "date": "2024-02-01", "title": "t", "hedge": None, "location": None}
    return [
        {**base, "id": 1, "figure": "12\x1b[2J", "value": 12, "low": 12, "high": 12,
         "source": "Ministère «A»\n", "origin": "Ministère «A»\n", "report": 1,
         "outlet": "عربي 👩‍👩‍👧", "hedge": "\u2028reportedly\t"},
        {**base, "id": 2, "figure": "40", "value": 40, "low": 40, "high": None,
         "source": "B\\x", "origin": "B\\x", "report": 2, "outlet": None,
         "location": "\x00place"},
    ]


@pytest.mark.parametrize("history", [False, True])
def test_json_lines_of_conflicts_are_conflict_rows_as_json(samples_db, history):
    # render_conflicts writes JSON lines without a dict per claim: the same text as
    # json.dumps(row, ensure_ascii=False) over conflict_rows, one line each
    from claimtrack.conflicts import conflict_rows

    db = open_db(samples_db)
    for rows in (list(claim_rows(db)), list(claim_rows(db, tuples=True)), _hostile_rows()):
        groups = find_conflicts(rows, include_all=True, history=history)
        assert groups
        out = io.StringIO()
        assert render_conflicts(groups, "jsonl", file=out) == len(conflict_rows(groups))
        assert out.getvalue() == "".join(json.dumps(row, ensure_ascii=False) + "\n"
                                         for row in conflict_rows(groups))
        # GroupClaim records once built are what the lines are written from
        for g in groups:
            assert g.claims
        again = io.StringIO()
        render_conflicts(groups, "jsonl", file=again)
        assert again.getvalue() == out.getvalue()
