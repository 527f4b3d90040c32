"""The table view on a narrow terminal (issue 18, "reading at a glance"): every line within
the terminal's width, no word broken but at its hyphens, no header word alone on a line, no
paragraph ending on one word, and the columns a narrow terminal can do without left out."""
from __future__ import annotations

import pytest

from claimtrack.cells import Column
from claimtrack.terminal import column_widths, hyphen_broken

FIRE = "riverside-chemical-fire-2025-03-02"
PASS = "mountain-pass-avalanche-2025-01-15"
REPORTS = {
    "a.md": ("Harbour Evening Chronicle", FIRE, "2025-03-02",
             "Chemical plant fire on the riverside keeps emergency crews busy through the night",
             "The regional civil protection directorate said 17 people were injured in the "
             "blaze. Doctors at the municipal hospital said 23 people were injured."),
    "b.md": ("Northern Provinces Broadcasting Service", FIRE, "2025-03-03", "Plant fire toll",
             "The regional civil protection directorate said 4 people were killed and 31 "
             "people were injured."),
    "c.md": ("Alpine Courier", PASS, "2025-01-15", "Avalanche on the pass",
             "Mountain rescue coordinators said nine climbers were missing."),
}


@pytest.fixture
def stored(invoke, tmp_path):
    for name, (outlet, event, date, title, text) in REPORTS.items():
        (tmp_path / name).write_text(f"---\noutlet: {outlet}\nevent: {event}\ndate: {date}\n"
                                     f"title: {title}\n---\n{text}\n", "utf-8")
    result = invoke("ingest", *REPORTS)
    assert result.exit_code == 0, result.stderr


def table(invoke, width: int, *args: str) -> list[str]:
    result = invoke(*args, "-f", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    return [line.rstrip() for line in lines]


def test_sources_at_80_columns(invoke, stored):
    assert table(invoke, 80, "sources") == [
        "#   name              kind         claims   origin of   events",
        "─" * 80,
        "1   regional civil    government        3           3   riverside-chemical-fire-",
        "    protection                                          2025-03-02",
        "    directorate",
        "2   Doctors at the    medical           1           1   riverside-chemical-fire-",
        "    municipal                                           2025-03-02",
        "    hospital",
        "3   Mountain rescue   unnamed           1           1   mountain-pass-avalanche-",
        "    coordinators                                        2025-01-15",
    ]


def test_reports_at_80_columns_leave_the_lexicon_out(invoke, stored):
    assert table(invoke, 80, "reports") == [
        "#   date         outlet         event                  title              claims",
        "─" * 80,
        "1   2025-03-02   Harbour        riverside-chemical-    Chemical plant          2",
        "                 Evening        fire-2025-03-02        fire on the",
        "                 Chronicle                             riverside keeps",
        "                                                       emergency crews",
        "                                                       busy through the",
        "                                                       night",
        "2   2025-03-03   Northern       riverside-chemical-    Plant fire toll         2",
        "                 Provinces      fire-2025-03-02",
        "                 Broadcasting",
        "                 Service",
        "3   2025-01-15   Alpine         mountain-pass-         Avalanche on the        1",
        "                 Courier        avalanche-2025-01-15   pass",
    ]


def test_reports_at_100_columns_name_the_lexicon(invoke, stored):
    lines = table(invoke, 100, "reports")
    assert lines[0].split() == ["#", "date", "outlet", "event", "title", "claims", "lexicon"]
    assert lines[2].endswith("   2   default")
    assert lines[3] == ("                 Chronicle         2025-03-02                 on the "
                        "riverside")


def test_claims_at_80_and_100_columns(invoke, stored):
    assert table(invoke, 80, "claims")[:4] == [
        "#   figure   range   metric    subject   source ← origin              date",
        "─" * 80,
        "1   17          17   injured   people    regional civil protection    2025-03-02",
        "                                         directorate",
    ]
    assert table(invoke, 100, "claims")[2] == (
        "1   17          17   injured   people    regional civil protection directorate   "
        "2025-03-02")


def test_a_conflict_group_at_80_columns(invoke, stored):
    lines = table(invoke, 80, "conflicts")
    assert lines == [
        f"{FIRE} · injured — divergent: 2 claims from 2",
        "independent origins",  # two words on the last line: never one alone
        "On 3 March the regional civil protection directorate said 31 were injured, a",
        "day after the Doctors at the municipal hospital said 23: a toll that rose, not",
        "a contradiction.",
        "                               source ← origin",
        "#   figure   range   subject   outlet · date                             origins",
        "─" * 80,
        "2   23          23   people    Doctors at the municipal hospital               1",
        "                               Harbour Evening Chronicle · 2025-03-02",
        "",
        "4   31          31   people    regional civil protection directorate           1",
        "                               Northern Provinces Broadcasting Service",
        "                               2025-03-03",  # too long beside its outlet: its own line
    ]


def test_the_timeline_at_80_columns(invoke, stored):
    lines = table(invoke, 80, "timeline")
    assert lines[5:10] == [
        f"{FIRE} · injured",
        "subject   origin                         figures over time",
        "─" * 80,
        "people    Doctors at the municipal       23 (2025-03-02)",
        "          hospital",
    ]


@pytest.mark.parametrize("text, width, expected", [
    # a long name breaks after the hyphens that fit a line
    ("riverside-chemical-fire-2025-03-02", 24, "riverside-chemical-fire-\n2025-03-02"),
    ("riverside-chemical-fire-2025-03-02", 20, "riverside-chemical-\nfire-2025-03-02"),
    ("a-b-c-d-e-f", 4, "a-b-\nc-d-\ne-f"),
    # words beside it are left to the table to wrap
    ("north riverside-chemical-fire", 20, "north riverside-chemical-\nfire"),
    # traps: a word that fits, a word without a hyphen, a hyphen past the width
    ("kazakhstan-2022", 24, "kazakhstan-2022"),
    ("Organization", 5, "Organization"),
    ("abcdefgh-ij", 5, "abcdefgh-ij"),
])
def test_long_words_break_at_their_hyphens(text, width, expected):
    assert hyphen_broken(text, width) == expected


COLUMNS = (Column("id", "#", "right", no_wrap=True), Column("name"),
           Column("note", min_width=10), Column("extra", optional=True))


@pytest.mark.parametrize("width, expected", [
    (80, [1, 31, 29, 5]),  # all fits: each column as wide as its longest line
    (50, [1, 17, 18, 5]),  # the widest shrink first, toward their longest word
    (34, [1, 13, 14, None]),  # the optional column goes before a word would break
    (28, [1, 10, 11, None]),  # "Kazakhstan" and the note's minimum: still no word breaks
    (20, [1, 6, 7, None]),  # narrower than every minimum: the widest columns give
])
def test_column_widths(width, expected):
    cells = [["1", "Interior ministry of Kazakhstan", "twenty-six as of Friday night", "yes"],
             ["2", "Mayor of Almaty", "rising", "no"]]
    headers = ["#", "name", "note", "extra"]
    assert column_widths(COLUMNS, headers, cells, width) == expected


def test_a_figure_and_a_subject_read_as_one_in_a_narrow_conflict_table(monkeypatch):
    import io

    from claimtrack.conflicts import find_conflicts
    from claimtrack.output import render_conflicts

    monkeypatch.setenv("COLUMNS", "80")
    base = {"event": "valley-storm", "metric": "displaced", "unit": None, "qualifier": "approx",
            "source_kind": "government", "origin_kind": "government", "title": "t"}
    rows = [
        {**base, "id": 1, "figure": "Roughly 700", "value": 700, "low": 630, "high": 770,
         "subject_group": "civilians", "location": None, "source": "district council",
         "origin": "district council", "report": 1, "outlet": "Eastern Valley Herald",
         "date": "2024-05-01"},
        {**base, "id": 2, "figure": "Nearly 1,500", "value": 1500, "low": 1350, "high": 1500,
         "subject_group": "people", "location": "Tamsk", "source": "aid mission",
         "origin": "aid mission", "report": 2, "outlet": "Northern Provinces Broadcasting",
         "date": "2024-05-02"},
    ]
    out = io.StringIO()
    render_conflicts(find_conflicts(rows), "table", file=out)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    assert max(len(line) for line in out.getvalue().splitlines()) <= 80
    assert lines == [
        "valley-storm · displaced — divergent: 2 claims from 2 independent origins",
        "Nothing contradicts: each figure counts a different group.",
        "                                              source ← origin",
        "#   figure               range   subject      outlet · date              origins",
        "─" * 80,
        "1   Roughly 700        630–770   civilians    district council                 1",
        "                                              Eastern Valley Herald",
        "                                              2024-05-01",  # too long beside it
        "",
        "2   Nearly 1,500   1,350–1,500   people in    aid mission                      1",
        "                                 Tamsk        Northern Provinces",
        "                                              Broadcasting",
        "                                              2024-05-02",
    ]
