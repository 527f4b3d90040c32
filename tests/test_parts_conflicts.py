"""How conflicts treat a part (a subset of a counted group) and a period (a running count) over
hand-made claim rows (SPEC §6 "Parts and totals"): no database, no extraction."""
from __future__ import annotations

from claimtrack.conflicts import CONTRADICTION, DIVERGENT, find_conflicts, timeline

EVENT = "dover-road-2024"


def row(id, figure, low, high="same", *, report=1, origin="police", kind="police", part=False,
        period=None, metric="injured", group="people", date="2024-04-02", derived=None, parts=None):
    high = low if high == "same" else high
    return {
        "id": id, "event": EVENT, "metric": metric, "subject_group": group, "location": None,
        "figure": figure, "qualifier": "exact", "value": low, "low": low, "high": high,
        "unit": None, "hedge": None, "source": origin, "source_kind": kind,
        "source_key": origin.casefold(), "origin": origin, "origin_kind": kind,
        "origin_key": origin.casefold(), "report": report, "outlet": f"outlet {report}",
        "title": f"report {report}", "date": date, "individual": False, "derived": derived,
        "as_of": None, "parts": parts, "part": part, "period": period,
    }


def verdicts(rows):
    return [(g.metric, g.verdict, sorted(c.claim for c in g.claims)) for g in find_conflicts(rows)]


def test_a_part_below_another_total_is_no_contradiction():
    # report 1's police give only the badly hurt; report 2's hospital counts everyone hurt
    rows = [row(1, "two", 2, part=True), row(2, "five", 5, report=2, origin="hospital", kind="medical")]
    assert verdicts(rows) == [("injured", DIVERGENT, [1, 2])]
    # the same figure, not flagged, was a contradiction
    rows[0]["part"] = False
    assert verdicts(rows) == [("injured", CONTRADICTION, [1, 2])]


def test_a_part_above_another_total_still_contradicts_it():
    # a part bounds from below: three critically hurt cannot be all of two hurt
    rows = [row(1, "three", 3, part=True), row(2, "two", 2, report=2, origin="hospital", kind="medical")]
    assert verdicts(rows) == [("injured", CONTRADICTION, [1, 2])]


def test_a_part_is_held_by_its_reports_total():
    # the report's own 6 speaks for its 2 in critical condition: the group is 6 against 6
    rows = [row(1, "six", 6, origin="fire service", kind="government"), row(2, "two", 2, part=True),
            row(3, "6", 6, report=2, origin="hospital", kind="medical")]
    groups = find_conflicts(rows, include_all=True)
    assert [(g.verdict, sorted(c.claim for c in g.claims)) for g in groups] == [("agree", [1, 3])]


def test_overlapping_subsets_are_never_summed_and_the_report_keeps_its_bound():
    # two subsets of one report (2 critical, 2 stable), no total: the first stays as 2..∞,
    # the second is held by it; a total of 3 elsewhere contradicts neither
    rows = [row(1, "two", 2, part=True), row(2, "two", 2, part=True, origin="hospital", kind="medical"),
            row(3, "three", 3, report=2, origin="fire service", kind="government")]
    assert verdicts(rows) == [("injured", DIVERGENT, [1, 3])]


def test_a_running_count_takes_no_part_in_the_incident():
    rows = [row(1, "two", 2, metric="killed"),
            row(2, "more than 140", 141, None, report=2, origin="coroner", kind="medical", metric="killed",
                period="so far this year"),
            row(3, "two", 2, report=2, origin="coroner", kind="medical", metric="killed")]
    assert find_conflicts(rows, include_all=True)[0].verdict == "agree"
    assert [c.claim for g in find_conflicts(rows, include_all=True) for c in g.claims] == [1, 3]
    assert [r["claim"] for r in timeline(rows)] == [3, 1]
    rows[1]["period"] = None
    assert verdicts(rows) == [("killed", CONTRADICTION, [1, 2, 3])]
