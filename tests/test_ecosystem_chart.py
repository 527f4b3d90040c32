"""`timeline --chart FILE`: the series drawn from a timeline (pure), and the files made."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from claimtrack.chart import Point, Series, chart_series, overlaps
from claimtrack.errors import UsageError


def row(origin, figure, low, high, day, claim, *, group="people", superseded=False,
        event="storm", metric="killed"):
    return {"event": event, "metric": metric, "subject_group": group, "origin": origin,
            "voice": origin.casefold(), "date": day, "figure": figure, "value": low,
            "low": low, "high": high, "claim": claim, "superseded": superseded}


def test_one_series_per_origin_and_group_in_date_order():
    rows = [row("Coast Guard", "9", 9, 9, "2025-02-02", 3, superseded=True),
            row("Coast Guard", "at least 12", 12, None, "2025-02-03", 5),
            row("coast guard", "4", 4, 4, "2025-02-02", 4, group="children"),
            row("Port Clinic", "about 20", 18, 22, "2025-02-01", 1)]
    (pair, series) = chart_series(rows, contradicted={5, 1})
    assert pair == ("storm", "killed")
    assert [(s.label, [(p.day, p.figure, p.low, p.high, p.superseded, p.contradicted)
                       for p in s.points]) for s in series] == [
        ("coast guard · children", [(date(2025, 2, 2), "4", 4, 4, False, False)]),
        ("Coast Guard · people", [(date(2025, 2, 2), "9", 9, 9, True, False),
                                  (date(2025, 2, 3), "at least 12", 12, None, False, True)]),
        ("Port Clinic · people", [(date(2025, 2, 1), "about 20", 18, 22, False, True)]),
    ]


def test_undated_figures_are_left_out():
    rows = [row("Coast Guard", "9", 9, 9, None, 1), row("Coast Guard", "11", 11, 11,
                                                        "2025-02-03T10:00:00", 2)]
    _, series = chart_series(rows)
    assert [[(p.claim, p.day) for p in s.points] for s in series] == [[(2, date(2025, 2, 3))]]


@pytest.mark.parametrize("rows, message", [
    ([], "no dated figures to chart"),
    ([row("Coast Guard", "9", 9, 9, None, 1)], "no dated figures to chart"),
    ([row("A", "9", 9, 9, "2025-02-02", 1), row("B", "3", 3, 3, "2025-02-02", 2, metric="injured")],
     "a chart draws one event and metric; pass --event and --metric (these have figures: "
     "storm injured, storm killed)"),
])
def test_what_cannot_be_charted(rows, message):
    with pytest.raises(UsageError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        chart_series(rows)


def test_series_that_repeat_earlier_figures_are_counted():
    rows = [row("Coast Guard", "9", 9, 9, "2025-02-02", 1),
            row("Port Clinic", "nine", 9, 9, "2025-02-02", 2),
            row("Red Cross", "9", 9, 9, "2025-02-02", 3),
            row("Mayor", "9", 9, 9, "2025-02-03", 4),
            row("Shore Police", "9", 9, 9, "2025-02-02", 5, group="children")]
    _, series = chart_series(rows)
    assert [(s.label, rank) for s, rank in zip(series, overlaps(series))] == [
        ("Shore Police · children", 0), ("Coast Guard · people", 1), ("Mayor · people", 0),
        ("Port Clinic · people", 2), ("Red Cross · people", 3)]


def test_series_label():
    assert Series("Port Clinic", "people", [Point(date(2025, 1, 1), "3", 3, 3, 1, False,
                                                  False)]).label == "Port Clinic · people"


STORM_1 = """---
title: Storm hits the coast
outlet: Shore News
date: 2025-02-01
event: coast-storm
---
The Coast Guard said 9 people were killed in the storm.
"""
STORM_2 = """---
title: Storm toll rises
outlet: Bay Times
date: 2025-02-03
event: coast-storm
---
The Coast Guard said at least 12 people were killed. The regional hospital said 30 people were killed.
"""


@pytest.fixture
def storm(invoke, tmp_path):
    (tmp_path / "one.md").write_text(STORM_1)
    (tmp_path / "two.md").write_text(STORM_2)
    assert invoke("ingest", "one.md", "two.md").exit_code == 0
    return tmp_path


def test_svg_holds_the_series(invoke, storm):
    pytest.importorskip("matplotlib")
    result = invoke("timeline", "--event", "coast-storm", "--metric", "killed",
                    "--chart", "storm.svg")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ("drew 2 series (3 figures) of killed in coast-storm → "
                             "storm.svg\n")
    svg = ET.parse(storm / "storm.svg").getroot()
    ids = {e.get("id") for e in svg.iter() if e.get("id")}
    assert {"series-1", "series-2", "series-1-band"} <= ids  # at least 12: a band to the top
    assert "series-3" not in ids
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    for label in ("Coast Guard · people", "regional hospital · people", "at least 12",
                  "killed · coast-storm", "contradicted"):
        assert label in texts
    claims = {int(i.split("-")[1]) for i in ids if i.startswith("claim-")}
    assert claims == {1, 2, 3}
    # the hospital's 30 and the Coast Guard's "at least 12" can both be true; 9 was replaced
    assert not {i for i in ids if i.startswith("contradicted-")}


def test_contradicted_figures_are_marked(invoke, storm):
    pytest.importorskip("matplotlib")
    (storm / "three.md").write_text(STORM_2.replace("2025-02-03", "2025-02-04").replace(
        "title: Storm toll rises", "title: Storm toll revised").replace(
        "at least 12 people were killed. The regional hospital said 30", "7 people were "
        "killed. The regional hospital said 31"))
    assert invoke("ingest", "three.md").exit_code == 0
    assert invoke("timeline", "--event", "coast-storm", "--chart", "storm.svg").exit_code == 0
    svg = (storm / "storm.svg").read_text()
    assert 'id="contradicted-' in svg


def test_identical_series_stay_visible(invoke, storm):
    pytest.importorskip("matplotlib")
    (storm / "three.md").write_text(STORM_1.replace("2025-02-01", "2025-02-03").replace(
        "The Coast Guard said 9", "The fire brigade said 30").replace(
        "title: Storm hits the coast", "title: Brigade counts the dead"))
    assert invoke("ingest", "three.md").exit_code == 0
    assert invoke("timeline", "--event", "coast-storm", "--chart", "storm.svg").exit_code == 0
    svg = ET.parse(storm / "storm.svg").getroot()
    dashed = {e.get("id") for e in svg.iter() if (e.get("id") or "").startswith("series-")
              and "stroke-dasharray" in " ".join(p.get("style") or "" for p in e.iter())}
    # the fire brigade's 30 on 3 February repeats the hospital's: drawn second, dashed
    assert dashed == {"series-3"}
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "fire brigade · people" in texts and "regional hospital · people" in texts


def test_png_and_html(invoke, storm):
    pytest.importorskip("matplotlib")
    assert invoke("timeline", "--event", "coast-storm", "--chart", "storm.png").exit_code == 0
    png = (storm / "storm.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1440, 792)
    assert invoke("timeline", "--event", "coast-storm", "--chart", "storm.html").exit_code == 0
    page = (storm / "storm.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<?xml" not in page
    assert "<td>Coast Guard</td><td>people</td><td>2025-02-03</td><td>at least 12</td>" \
           "<td>12–</td>" in page
    assert "src=" not in page and "href=\"http" not in page  # self-contained


@pytest.mark.parametrize("args, message", [
    (["--chart", "storm.pdf", "--event", "coast-storm"], "--chart storm.pdf: the file must "
                                                         "end in .svg, .png or .html"),
    (["--chart", "storm.svg", "--event", "elsewhere"], "no dated figures to chart"),
])
def test_chart_errors(invoke, storm, args, message):
    result = invoke("timeline", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")
    assert not list(storm.glob("storm.*"))


def test_without_matplotlib_it_says_what_to_install(storm):
    code = ("import sys; sys.modules['matplotlib'] = None; from claimtrack.cli import app; "
            "app(['timeline', '--event', 'coast-storm', '--chart', 'storm.svg'])")
    done = subprocess.run([sys.executable, "-c", code], cwd=storm, capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 2
    assert done.stderr == ("Error: timeline --chart needs matplotlib: pip install "
                           "'claimtrack[chart]'\n")
