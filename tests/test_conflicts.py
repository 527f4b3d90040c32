"""Conflicts, updates and independence (SPEC §6) over hand-made claim rows: no database, no extraction."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.conflicts import (
    AGREE, CONFLICT_COLUMNS, CONTRADICTION, DIVERGENT, TIMELINE_COLUMNS, conflict_rows,
    conflicts_by_event, disjoint, find_conflicts, timeline, timeline_by_event,
)

SAME = object()
EVENT = "kazakhstan-2022"


def claim(id, figure, low, high=SAME, *, metric="killed", group="police", origin="Interior Ministry",
          kind="government", source=None, source_kind=None, report=1, date="2022-01-07",
          location=None, event=EVENT, outlet="Nomad Post", hedge=None, unit=None):
    """A claim row as db.claim_rows yields it; the source is the origin unless given."""
    high = low if high is SAME else high
    source = source or origin
    return {
        "id": id, "event": event, "metric": metric, "subject_group": group, "location": location,
        "figure": figure, "qualifier": "exact" if high == low else "vague", "value": low,
        "low": low, "high": high, "unit": unit, "hedge": hedge,
        "source": source, "source_kind": source_kind or kind, "source_key": source.casefold(),
        "origin": origin, "origin_kind": kind, "origin_key": origin.casefold(),
        "report": report, "outlet": outlet, "title": f"report {report}", "date": date,
    }


def outlet_claim(id, figure, low, high=SAME, *, outlet="Caspian Daily", **kw):
    """A claim the report makes itself: its outlet speaks (no source keys stored)."""
    row = claim(id, figure, low, high, outlet=outlet, **kw)
    row.update(source=outlet, source_kind="outlet", source_key=None,
               origin=outlet, origin_kind="outlet", origin_key=None)
    return row


def unattributed(id, figure, low, high=SAME, **kw):
    """A claim from a report with no outlet and no attribution."""
    row = claim(id, figure, low, high, outlet=None, **kw)
    row.update(source=None, source_kind="unattributed", source_key=None,
               origin=None, origin_kind="unattributed", origin_key=None)
    return row


def summary(groups):
    return [(g.event, g.metric, g.verdict, sorted(c.claim for c in g.claims)) for g in groups]


COMMAND = dict(origin="security forces' command in Almaty", kind="military", source="Khabar-24",
               source_kind="media")

CASES = {
    "contradiction: same group, different origins, disjoint": (
        [claim(1, "12", 12, **COMMAND), claim(2, "eight", 8)],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "divergent: different subject groups": (
        [claim(1, "12", 12, **COMMAND), claim(2, "dozens", 24, 99, group="assailants", origin="Saltanat Azirbek",
                                              kind="person")],
        {},
        [(EVENT, "killed", DIVERGENT, [1, 2])],
    ),
    "divergent: overlapping intervals": (
        [claim(1, "at least 2,000", 2000, None, metric="arrested", group="people"),
         claim(2, "3,811", 3811, metric="arrested", group="people", origin="Aidar Seitkali", kind="person")],
        {},
        [(EVENT, "arrested", DIVERGENT, [1, 2])],
    ),
    "contradiction wins over a divergent pair in the same group": (
        [claim(1, "12", 12, **COMMAND), claim(2, "8", 8),
         claim(3, "dozens", 24, 99, group="assailants", origin="Saltanat Azirbek", kind="person")],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2, 3])],
    ),
    "agreement is hidden": (
        [claim(1, "12", 12, **COMMAND), claim(2, "twelve", 12)],
        {},
        [],
    ),
    "agreement is listed with include_all": (
        [claim(1, "12", 12, **COMMAND), claim(2, "twelve", 12)],
        {"include_all": True},
        [(EVENT, "killed", AGREE, [1, 2])],
    ),
    "a single voice is never a group, even with include_all": (
        [claim(1, "8", 8), claim(2, "3,811", 3811, metric="killed", group="people")],
        {"include_all": True},
        [],
    ),
    "strict keeps contradictions only": (
        [claim(1, "12", 12, **COMMAND), claim(2, "8", 8),
         claim(3, "353", 353, metric="injured", **COMMAND),
         claim(4, "hundreds", 200, 999, metric="injured", group="civilians", origin="Caspian Daily", kind="outlet")],
        {"strict": True},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "without strict both groups are listed": (
        [claim(1, "12", 12, **COMMAND), claim(2, "8", 8),
         claim(3, "353", 353, metric="injured", **COMMAND),
         claim(4, "hundreds", 200, 999, metric="injured", group="civilians", origin="Caspian Daily", kind="outlet")],
        {},
        [(EVENT, "injured", DIVERGENT, [3, 4]), (EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "different known locations are not compared": (
        [claim(1, "12", 12, location="Almaty", **COMMAND), claim(2, "8", 8, location="Aktobe")],
        {"include_all": True},
        [(EVENT, "killed", AGREE, [1, 2])],
    ),
    "a missing location is compatible with any": (
        [claim(1, "12", 12, location="Almaty", **COMMAND), claim(2, "8", 8, location=None)],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "locations compare case-insensitively": (
        [claim(1, "12", 12, location="Almaty", **COMMAND), claim(2, "8", 8, location="ALMATY")],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "different units are not compared": (
        [claim(1, "12", 12, metric="participants", group="people", unit="percent", **COMMAND),
         claim(2, "8", 8, metric="participants", group="people")],
        {"include_all": True},
        [(EVENT, "participants", AGREE, [1, 2])],
    ),
    "unbounded intervals overlap everything above their low": (
        [claim(1, "over a thousand", 1001, None, metric="injured", group="people", origin="other sources",
               kind="unnamed"),
         claim(2, "5,000", 5000, metric="injured", group="people")],
        {},
        [(EVENT, "injured", DIVERGENT, [1, 2])],
    ),
    "an unbounded interval is disjoint from figures below its low": (
        [claim(1, "at least 2,000", 2000, None, metric="arrested", group="people"),
         claim(2, "up to 1,500", 0, 1500, metric="arrested", group="people", origin="Kazinform", kind="media")],
        {},
        [(EVENT, "arrested", CONTRADICTION, [1, 2])],
    ),
    "two unbounded intervals always overlap": (
        [claim(1, "at least 2,000", 2000, None, metric="arrested", group="people"),
         claim(2, "more than 100", 101, None, metric="arrested", group="people", origin="Kazinform", kind="media")],
        {},
        [(EVENT, "arrested", DIVERGENT, [1, 2])],
    ),
    "unattributed claims: each report is its own voice": (
        [unattributed(1, "12", 12, report=1), unattributed(2, "8", 8, report=2)],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "unattributed claims in one report are one voice": (
        [unattributed(1, "12", 12, report=1), unattributed(2, "8", 8, report=1)],
        {"include_all": True},
        [],
    ),
    "two outlets' own claims are two voices": (
        [outlet_claim(1, "dozens", 24, 99, outlet="Caspian Daily", report=1),
         outlet_claim(2, "8", 8, outlet="Nomad Post", report=2)],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "unnamed sources are scoped to their report": (
        [claim(1, "5", 5, origin="witnesses", kind="unnamed", report=1, date="2022-01-07"),
         claim(2, "50", 50, origin="witnesses", kind="unnamed", report=2, date="2022-01-07")],
        {},
        [(EVENT, "killed", CONTRADICTION, [1, 2])],
    ),
    "one origin misquoted by two outlets is divergent, not a contradiction": (
        [claim(1, "16", 16, source="TASS", source_kind="media", report=1),
         claim(2, "18", 18, source="Interfax", source_kind="media", report=1)],
        {},
        [(EVENT, "killed", DIVERGENT, [1, 2])],
    ),
    "metric other never takes part": (
        [claim(1, "six", 6, metric="other", group="people", **COMMAND), claim(2, "24", 24, metric="other")],
        {"include_all": True},
        [],
    ),
    "event filter": (
        [claim(1, "12", 12, **COMMAND), claim(2, "8", 8),
         claim(3, "30", 30, event="kelva-flood-2023", group="people", origin="governor's office"),
         claim(4, "50", 50, event="kelva-flood-2023", group="people", origin="Kelpress", kind="media")],
        {"event": "kelva-flood-2023"},
        [("kelva-flood-2023", "killed", CONTRADICTION, [3, 4])],
    ),
    "metric filter": (
        [claim(1, "12", 12, **COMMAND), claim(2, "8", 8),
         claim(3, "353", 353, metric="injured", **COMMAND), claim(4, "1,300", 1300, metric="injured")],
        {"metric": "injured"},
        [(EVENT, "injured", CONTRADICTION, [3, 4])],
    ),
    "untagged reports share the default event": (
        [claim(1, "12", 12, event=None, **COMMAND), claim(2, "8", 8, event=None)],
        {"event": "default"},
        [("default", "killed", CONTRADICTION, [1, 2])],
    ),
    "groups are ordered by event, then metric": (
        [claim(1, "5", 5, event="b-event", origin="x"), claim(2, "6", 6, event="b-event", origin="y"),
         claim(3, "5", 5, event="a-event", metric="missing", origin="x"),
         claim(4, "6", 6, event="a-event", metric="missing", origin="y"),
         claim(5, "5", 5, event="a-event", origin="x"), claim(6, "6", 6, event="a-event", origin="y")],
        {},
        [("a-event", "killed", CONTRADICTION, [5, 6]), ("a-event", "missing", CONTRADICTION, [3, 4]),
         ("b-event", "killed", CONTRADICTION, [1, 2])],
    ),
}


@pytest.mark.parametrize("rows, options, expected", CASES.values(), ids=CASES.keys())
def test_find_conflicts(rows, options, expected):
    assert summary(find_conflicts(rows, **options)) == expected


UPDATES = {
    "a later report supersedes the origin's earlier figure": (
        [claim(1, "12", 12, report=1, date="2022-01-06", **COMMAND),
         claim(2, "eight", 8, report=2, date="2022-01-07"),
         claim(3, "16", 16, report=3, date="2022-01-08")],
        {3},
    ),
    "the same report never supersedes itself": (
        [claim(1, "12", 12, report=1, date="2022-01-06", **COMMAND),
         claim(2, "eight", 8, report=2), claim(3, "16", 16, report=2)],
        {2, 3},
    ),
    "the date orders reports before their ingest order": (
        [claim(1, "12", 12, report=1, **COMMAND),
         claim(2, "16", 16, report=4, date="2022-01-08"),
         claim(3, "eight", 8, report=5, date="2022-01-07")],
        {2},
    ),
    "undated reports come before dated ones": (
        [claim(1, "12", 12, report=1, **COMMAND),
         claim(2, "16", 16, report=2, date=None),
         claim(3, "eight", 8, report=3, date="2022-01-07")],
        {3},
    ),
    "undated reports follow ingest order": (
        [claim(1, "12", 12, report=1, date=None, **COMMAND),
         claim(2, "eight", 8, report=2, date=None),
         claim(3, "16", 16, report=3, date=None)],
        {3},
    ),
    "a later figure with no place supersedes one for a place": (
        [claim(1, "12", 12, report=1, **COMMAND),
         claim(2, "eight", 8, report=2, date="2022-01-07", location="Almaty"),
         claim(3, "16", 16, report=3, date="2022-01-08")],
        {3},
    ),
    "another known location is another key": (
        [claim(1, "12", 12, report=1, **COMMAND),
         claim(2, "eight", 8, report=2, date="2022-01-07", location="Almaty"),
         claim(3, "16", 16, report=3, date="2022-01-08", location="Aktobe")],
        {2, 3},
    ),
    "a figure given as an earlier one is never current": (
        [claim(1, "12", 12, report=1, **COMMAND),
         dict(claim(2, "eight", 8, report=2, date="2022-01-08"), as_of="2022-01-07"),
         claim(3, "16", 16, report=2, date="2022-01-08")],
        {3},
    ),
    "a report that dates its one figure (\"on Friday\") still gives it as current": (
        [claim(1, "12", 12, report=1, **COMMAND),
         dict(claim(2, "eight", 8, report=2, date="2022-01-08"), as_of="2022-01-07")],
        {2},
    ),
    "an earlier figure of another group in the same report stays current": (
        [claim(1, "12", 12, report=1, **COMMAND),
         dict(claim(2, "eight", 8, report=2, date="2022-01-08"), as_of="2022-01-07"),
         claim(3, "40", 40, report=2, date="2022-01-08", group="civilians")],
        {2, 3},
    ),
    "as_of orders the figures: the later-dated one is current": (
        [claim(1, "12", 12, report=1, **COMMAND),
         dict(claim(2, "16", 16, report=2, date=None), as_of="2022-01-08"),
         dict(claim(3, "eight", 8, report=3, date=None), as_of="2022-01-07")],
        {2},
    ),
    "another subject group is another key": (
        [claim(1, "12", 12, report=1, **COMMAND),
         claim(2, "eight", 8, report=2, date="2022-01-07"),
         claim(3, "16", 16, report=3, date="2022-01-08", group="security_forces")],
        {2, 3},
    ),
    "another origin's later figure supersedes nothing": (
        [claim(1, "eight", 8, report=1, date="2022-01-07"),
         claim(2, "12", 12, report=2, date="2022-01-08", **COMMAND)],
        {1},
    ),
    "a figure the latest report repeats stays current": (
        [claim(1, "12", 12, report=1, date="2022-01-06", **COMMAND),
         claim(2, "16", 16, report=2, date="2022-01-08", source="TASS", source_kind="media"),
         claim(3, "sixteen", 16, report=3, date="2022-01-09", source="Interfax", source_kind="media")],
        {2, 3},
    ),
}


@pytest.mark.parametrize("rows, current_ministry", UPDATES.values(), ids=UPDATES.keys())
def test_updates(rows, current_ministry):
    [group] = find_conflicts(rows, include_all=True)
    ministry = {c.claim for c in group.claims if c.voice == "interior ministry"}
    assert ministry == current_ministry
    assert all(not c.superseded for c in group.claims)


def test_supersession_turns_a_contradiction_into_agreement():
    rows = [claim(1, "12", 12, report=1, date="2022-01-06", **COMMAND),
            claim(2, "eight", 8, report=2, date="2022-01-07"),
            claim(3, "twelve", 12, report=3, date="2022-01-08")]
    assert find_conflicts(rows) == []
    assert summary(find_conflicts(rows[:2])) == [(EVENT, "killed", CONTRADICTION, [1, 2])]


def test_a_voice_whose_only_figures_are_superseded_by_itself_is_one_voice():
    rows = [claim(1, "eight", 8, report=1, date="2022-01-07"),
            claim(2, "16", 16, report=2, date="2022-01-08")]
    assert find_conflicts(rows, include_all=True, history=True) == []


def test_history_adds_superseded_claims_marked_and_keeps_the_verdict():
    rows = [claim(1, "12", 12, report=1, date="2022-01-06", **COMMAND),
            claim(2, "eight", 8, report=2, date="2022-01-07"),
            claim(3, "16", 16, report=3, date="2022-01-08")]
    [now] = find_conflicts(rows)
    [past] = find_conflicts(rows, history=True)
    assert [(c.claim, c.superseded) for c in now.claims] == [(1, False), (3, False)]
    assert [(c.claim, c.superseded, c.origins) for c in past.claims] == [
        (1, False, 1), (2, True, 0), (3, False, 1)]
    # 12 on the 6th, then 16 on the 8th: a toll that rose
    assert now.verdict == past.verdict == DIVERGENT
    assert [(c.claim, c.contradicted) for c in past.claims] == [(1, False), (2, False), (3, False)]


def test_independence_two_outlets_repeating_one_origin_are_one_voice():
    rows = [claim(1, "12", 12, report=1, **COMMAND),
            claim(2, "16", 16, report=2, source="TASS", source_kind="media", outlet="Nomad Post"),
            claim(3, "sixteen", 16, report=3, source="Interfax", source_kind="media", outlet="Northline Wire"),
            claim(4, "16", 16, report=3, origin="Kazinform", kind="media", outlet="Northline Wire")]
    [group] = find_conflicts(rows)
    assert group.voices == 3
    assert {c.claim: c.origins for c in group.claims} == {1: 1, 2: 2, 3: 2, 4: 2}
    assert [(f.low, f.high, f.figures, f.origins, f.claims) for f in group.figures] == [
        (12, 12, ("12",), ("security forces' command in Almaty",), (1,)),
        (16, 16, ("16", "sixteen"), ("Interior Ministry", "Kazinform"), (2, 3, 4)),
    ]


def test_independence_counts_each_subject_group_apart():
    rows = [claim(1, "12", 12, **COMMAND), claim(2, "12", 12, group="security_forces")]
    [group] = find_conflicts(rows)
    assert group.verdict == DIVERGENT
    assert [(f.subject_group, f.origins) for f in group.figures] == [
        ("police", ("security forces' command in Almaty",)), ("security_forces", ("Interior Ministry",))]


def test_claims_in_a_group_are_ordered_by_subject_group_then_time():
    rows = [claim(1, "8", 8, report=2, date="2022-01-07"),
            claim(2, "12", 12, report=1, date="2022-01-06", **COMMAND),
            claim(3, "dozens", 24, 99, group="assailants", origin="Saltanat Azirbek", kind="person", report=1,
                  date="2022-01-06")]
    [group] = find_conflicts(rows)
    assert [c.claim for c in group.claims] == [3, 2, 1]


def test_origin_names_fall_back_to_outlet_and_report():
    rows = [outlet_claim(1, "dozens", 24, 99, group="protesters", report=1),
            unattributed(2, "12", 12, report=7),
            claim(3, "8", 8, report=3)]
    [group] = find_conflicts(rows)
    assert {c.claim: (c.origin, c.voice) for c in group.claims} == {
        1: ("Caspian Daily", "caspian daily"),
        2: ("report 7", "report:7"),
        3: ("Interior Ministry", "interior ministry"),
    }


@pytest.mark.parametrize("a, b, expected", [
    ((12, 12), (12, 12), False),
    ((12, 12), (8, 8), True),
    ((24, 99), (12, 12), True),
    ((24, 99), (99, 99), False),
    ((2000, None), (1500, 1500), True),
    ((2000, None), (2000, 2000), False),
    ((2000, None), (9999999, 9999999), False),
    ((1001, None), (0, 1000), True),
    ((1001, None), (2000, None), False),
    ((None, 5), (3, 3), False),
])
def test_disjoint(a, b, expected):
    assert disjoint(a, b) is expected
    assert disjoint(b, a) is expected


def test_conflict_rows_flatten_groups_into_the_spec_columns():
    rows = [claim(1, "12", 12, report=1, date="2022-01-06", location="Almaty", **COMMAND),
            claim(2, "eight", 8, report=2, date="2022-01-07", hedge="reportedly"),
            claim(3, "353", 353, metric="injured", report=1, date="2022-01-06", **COMMAND),
            claim(4, "hundreds", 200, 999, metric="injured", group="civilians", report=2)]
    flat = conflict_rows(find_conflicts(rows))
    assert all(tuple(r) == CONFLICT_COLUMNS for r in flat)
    assert flat[0] == {
        "group": 1, "event": EVENT, "metric": "injured", "verdict": DIVERGENT, "claim": 4,
        "figure": "hundreds", "value": 200, "low": 200, "high": 999, "subject_group": "civilians",
        "location": None, "source": "Interior Ministry", "origin": "Interior Ministry", "report": 2,
        "date": "2022-01-07", "hedge": None, "outlet": "Nomad Post", "origins": 1, "superseded": False,
        "contradicted": False, "voice": "interior ministry",
        "reason": "Nothing contradicts: each figure counts a different group.",
    }
    assert [(r["group"], r["metric"], r["verdict"], r["claim"]) for r in flat] == [
        (1, "injured", DIVERGENT, 4), (1, "injured", DIVERGENT, 3),
        (2, "killed", CONTRADICTION, 1), (2, "killed", CONTRADICTION, 2)]
    assert flat[2]["source"] == "Khabar-24"
    assert flat[2]["origin"] == "security forces' command in Almaty"
    assert flat[3]["hedge"] == "reportedly"
    assert [r["contradicted"] for r in flat] == [False, False, True, True]
    assert conflict_rows([]) == []


def test_timeline_orders_each_voice_over_time_and_flags_superseded():
    rows = [claim(5, "16", 16, report=3, date="2022-01-08"),
            claim(1, "12", 12, report=1, date="2022-01-06", location="Almaty", **COMMAND),
            claim(2, "eight", 8, report=2, date="2022-01-07"),
            claim(3, "at least 2,000", 2000, None, metric="arrested", group="people", report=1,
                  date="2022-01-06", location="Almaty"),
            claim(4, "3,811", 3811, metric="arrested", group="people", report=2, date="2022-01-07"),
            claim(6, "several", 3, 9, metric="other", report=3, date="2022-01-08"),
            claim(7, "20", 20, report=9, date="2022-01-09", event="other-event")]
    out = timeline(rows, event=EVENT)
    assert all(tuple(r) == TIMELINE_COLUMNS for r in out)
    assert [(r["metric"], r["origin"], r["location"], r["date"], r["figure"], r["superseded"]) for r in out] == [
        ("arrested", "Interior Ministry", None, "2022-01-07", "3,811", False),
        # a later figure with no place supersedes the one for Almaty
        ("arrested", "Interior Ministry", "Almaty", "2022-01-06", "at least 2,000", True),
        ("killed", "Interior Ministry", None, "2022-01-07", "eight", True),
        ("killed", "Interior Ministry", None, "2022-01-08", "16", False),
        ("killed", "security forces' command in Almaty", "Almaty", "2022-01-06", "12", False),
    ]
    assert [r["claim"] for r in timeline(rows, metric="killed")] == [2, 5, 1, 7]
    assert timeline([]) == []


# The samples in samples/, as the extraction engine should read them (docs/samples.md),
# in ingest order: the seed retold, the ministry's 8, its update to 16, the wire.
MINISTRY = dict(origin="Interior Ministry", kind="government")
SAMPLE_ROWS = [
    # 1: almaty-khabar-2022-01-06.txt, Caspian Daily
    claim(1, "Dozens", 24, 99, group="assailants", origin="Saltanat Azirbek", kind="person", report=1,
          date="2022-01-06", outlet="Caspian Daily"),
    outlet_claim(2, "Dozens", 24, 99, group="protesters", report=1, date="2022-01-06"),
    claim(3, "12", 12, location="Almaty", report=1, date="2022-01-06", outlet="Caspian Daily", **COMMAND),
    claim(4, "353", 353, metric="injured", location="Almaty", report=1, date="2022-01-06",
          outlet="Caspian Daily", **COMMAND),
    outlet_claim(5, "Hundreds", 200, 999, metric="injured", group="civilians", report=1, date="2022-01-06"),
    claim(6, "over a thousand", 1001, None, metric="injured", group="people", origin="Other sources",
          kind="unnamed", hedge="even speak of", report=1, date="2022-01-06", outlet="Caspian Daily"),
    claim(7, "at least 2,000", 2000, None, metric="arrested", group="people", location="Almaty",
          source="Russian news agencies", source_kind="media", report=1, date="2022-01-06",
          outlet="Caspian Daily", **MINISTRY),
    claim(8, "six", 6, metric="other", group="people", report=1, date="2022-01-06",
          origin="Caspian Daily", kind="outlet"),
    # 2: interior-ministry-2022-01-07.md, Nomad Post
    claim(9, "Eight", 8, report=2, date="2022-01-07", **MINISTRY),
    claim(10, "More than 1,300", 1301, None, metric="injured", group="security_forces", report=2,
          date="2022-01-07", **MINISTRY),
    claim(11, "3,811", 3811, metric="arrested", group="people", origin="Aidar Seitkali", kind="person",
          report=2, date="2022-01-07"),
    # 3: update-2022-01-08.txt, Caspian Daily
    claim(12, "16", 16, report=3, date="2022-01-08", outlet="Caspian Daily", **MINISTRY),
    claim(13, "at least 26", 26, None, group="assailants", report=3, date="2022-01-08",
          outlet="Caspian Daily", **MINISTRY),
    claim(14, "164", 164, group="people", origin="health ministry", kind="medical", report=3,
          date="2022-01-08", outlet="Caspian Daily"),
    # 4: wire.jsonl line 1, Northline Wire; line 2 is another event
    claim(15, "Sixteen", 16, source="Interfax news agency", source_kind="media", report=4,
          date="2022-01-08", outlet="Northline Wire", **MINISTRY),
    claim(16, "about 2,000", 1800, 2200, metric="deployed", group="security_forces",
          origin="Collective Security Treaty Organization", kind="international", report=4,
          date="2022-01-08", outlet="Northline Wire"),
    claim(17, "Between 30 and 40", 30, 40, group="people", origin="regional governor's office",
          event="kelva-flood-2023", report=5, date="2023-07-14", outlet="Northline Wire"),
    outlet_claim(18, "As many as 50", 0, 50, group="people", outlet="Northline Wire", hedge="reportedly",
                 event="kelva-flood-2023", report=5, date="2023-07-14"),
    claim(19, "Six", 6, group="civilians", origin="Kelstone", kind="person", hedge="feared dead",
          event="kelva-flood-2023", report=5, date="2023-07-14", outlet="Northline Wire"),
    claim(20, "About 200", 180, 220, metric="displaced", group="civilians", origin="local fire service",
          kind="unnamed", event="kelva-flood-2023", report=5, date="2023-07-14", outlet="Northline Wire"),
    claim(21, "Several", 3, 9, metric="displaced", group="people", origin="witnesses", kind="unnamed",
          event="kelva-flood-2023", report=5, date="2023-07-14", outlet="Northline Wire"),
    claim(22, "up to 15", 0, 15, metric="missing", group="people", origin="regional emergencies ministry",
          source="Kelpress", source_kind="media", event="kelva-flood-2023", report=5, date="2023-07-14",
          outlet="Northline Wire"),
]


def test_samples_yield_the_groups_samples_readme_promises():
    groups = find_conflicts(SAMPLE_ROWS)
    assert summary(groups) == [
        (EVENT, "arrested", DIVERGENT, [7, 11]),
        (EVENT, "injured", DIVERGENT, [4, 5, 6, 10]),
        (EVENT, "killed", DIVERGENT, [1, 2, 3, 12, 13, 14, 15]),
        ("kelva-flood-2023", "displaced", DIVERGENT, [20, 21]),
        ("kelva-flood-2023", "killed", DIVERGENT, [17, 18, 19]),
    ]
    killed = groups[2]
    # 12 police on the 6th, then the ministry's 16 on the 8th: the toll rose
    assert {c.claim for c in killed.claims if c.contradicted} == set()
    assert killed.reason == (
        "On 8 January the Interior Ministry said 16 police were killed, 2 days after the "
        "security forces' command in Almaty said 12: a toll that rose, not a contradiction.")
    assert [(f.subject_group, f.figures, f.origins) for f in killed.figures] == [
        ("assailants", ("Dozens",), ("Saltanat Azirbek",)),
        ("assailants", ("at least 26",), ("Interior Ministry",)),
        ("people", ("164",), ("health ministry",)),
        ("police", ("12",), ("security forces' command in Almaty",)),
        ("police", ("16", "Sixteen"), ("Interior Ministry",)),
        ("protesters", ("Dozens",), ("Caspian Daily",)),
    ]
    assert summary(find_conflicts(SAMPLE_ROWS, event=EVENT, strict=True)) == []


def test_samples_history_shows_the_ministry_raising_its_toll():
    [killed] = find_conflicts(SAMPLE_ROWS, metric="killed", event=EVENT, history=True)
    police = [(c.figure, c.origin, c.superseded) for c in killed.claims if c.subject_group == "police"]
    assert police == [
        ("12", "security forces' command in Almaty", False),
        ("Eight", "Interior Ministry", True),
        ("16", "Interior Ministry", False),
        ("Sixteen", "Interior Ministry", False),
    ]
    line = [(r["date"], r["figure"], r["superseded"]) for r in timeline(SAMPLE_ROWS, metric="killed")
            if r["subject_group"] == "police" and r["origin"] == "Interior Ministry"]
    assert line == [("2022-01-07", "Eight", True), ("2022-01-08", "16", False), ("2022-01-08", "Sixteen", False)]


def brute_force(rows):
    """SPEC §6 verdict and contradicted claims by comparing every pair of current claims."""
    def voice(r):
        return r["origin_key"] + ("@%d" % r["report"] if r["origin_kind"] == "unnamed" else "")

    def compared(a, b):
        places = {(a["location"] or "").casefold(), (b["location"] or "").casefold()}
        return ((voice(a), a["source_key"]) != (voice(b), b["source_key"]) and a["unit"] == b["unit"]
                and (len(places) == 1 or "" in places))

    contradicted, differs = set(), False
    for a, b in itertools.combinations(rows, 2):
        if not compared(a, b):
            continue
        if (voice(a) != voice(b) and a["subject_group"] == b["subject_group"]
                and disjoint((a["low"], a["high"]), (b["low"], b["high"]))):
            contradicted |= {a["id"], b["id"]}
        elif (a["subject_group"], a["low"], a["high"]) != (b["subject_group"], b["low"], b["high"]):
            differs = True
    return (CONTRADICTION if contradicted else DIVERGENT if differs else AGREE), contradicted


random_claims = st.lists(
    st.tuples(
        st.sampled_from(["Interior Ministry", "Khabar-24", "witnesses", "Kazinform"]),
        st.sampled_from(["TASS", "Interfax"]),
        st.sampled_from(["police", "civilians"]),
        st.sampled_from([None, "Almaty", "Aktobe"]),
        st.sampled_from([None, "percent"]),
        st.integers(0, 30),
        st.one_of(st.none(), st.integers(0, 20)),
    ),
    min_size=2, max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(random_claims)
def test_verdicts_match_a_pairwise_brute_force(specs):
    rows = []
    for id, (origin, source, group, location, unit, low, width) in enumerate(specs, 1):
        kind = "unnamed" if origin == "witnesses" else "media"
        # one report per claim, same date: no claim supersedes another unless it repeats a key
        rows.append(claim(id, str(low), low, None if width is None else low + width, origin=origin, kind=kind,
                          source=source, source_kind="media", group=group, location=location, unit=unit,
                          report=1))
    groups = find_conflicts(rows, include_all=True)
    speakers = {(r["origin"], r["source"]) for r in rows}
    if len(speakers) < 2:
        assert groups == []
        return
    [group] = groups
    assert (group.verdict, {c.claim for c in group.claims if c.contradicted}) == brute_force(rows)


EVENTS = ["almaty-2022", "aktobe-2023", "default"]
DATES = [None, "2022-01-06", "2022-01-07"]
many_events = st.lists(
    st.tuples(
        st.integers(1, 7),  # the report, which has one event and one date
        st.sampled_from(["killed", "injured"]),
        st.sampled_from(["Interior Ministry", "Khabar-24", "witnesses"]),
        st.integers(0, 12),
        st.one_of(st.none(), st.integers(0, 5)),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(many_events, st.sampled_from([{}, {"include_all": True}, {"strict": True},
                                     {"history": True, "include_all": True}]))
def test_event_by_event_gives_what_all_at_once_gives(specs, options):
    rows = [claim(id, str(low), low, None if width is None else low + width,
                  event=EVENTS[report % 3], date=DATES[report // 3], report=report, metric=metric,
                  origin=origin, kind="unnamed" if origin == "witnesses" else "media")
            for id, (report, metric, origin, low, width) in enumerate(specs, 1)]
    by_event = sorted(rows, key=lambda r: r["event"])  # as db.claim_rows(by_event=True) orders them
    assert list(conflicts_by_event(by_event, **options)) == find_conflicts(rows, **options)
    assert list(timeline_by_event(by_event)) == timeline(rows)


# Verdicts over time, places, parts and tallies (SPEC §6): each rule with its exact verdict
# and the sentence that explains it.
POLICE = dict(origin="regional police", kind="police")
TRANSPORT = dict(origin="transport ministry", kind="government")
KAZINFORM = dict(origin="Kazinform", kind="media")


def crowd(id, figure, value, date, **kw):
    return claim(id, figure, value, metric="participants", group="protesters", date=date, **kw)


def arrests(id, figure, low, high=SAME, **kw):
    return claim(id, figure, low, high, metric="arrested", group="people", **kw)


VERDICTS_OVER_TIME = {
    "a falling toll contradicts": (
        [claim(1, "24", 24, group="people", date="2023-02-11", **POLICE),
         claim(2, "17", 17, group="people", date="2023-02-12", report=2, **TRANSPORT)],
        CONTRADICTION, {1, 2},
        "On 12 February the transport ministry said 17 were killed, a day after the regional "
        "police said 24.",
    ),
    "a rising toll is divergent": (
        [claim(1, "17", 17, group="people", date="2023-02-11", **TRANSPORT),
         claim(2, "24", 24, group="people", date="2023-02-13", report=2, **POLICE)],
        DIVERGENT, set(),
        "On 13 February the regional police said 24 were killed, 2 days after the transport "
        "ministry said 17: a toll that rose, not a contradiction.",
    ),
    "two tolls of the same day that lie apart contradict": (
        [claim(1, "24", 24, group="people", date="2023-02-12", **POLICE),
         claim(2, "17", 17, group="people", date="2023-02-12", report=2, **TRANSPORT)],
        CONTRADICTION, {1, 2},
        "On 12 February the transport ministry said 17 were killed, and the same day the "
        "regional police said 24.",
    ),
    "same-day crowds that lie apart contradict": (
        [crowd(1, "50,000", 50000, "2023-05-01", origin="organisers", kind="unnamed"),
         crowd(2, "8,000", 8000, "2023-05-01", report=2, **POLICE)],
        CONTRADICTION, {1, 2},
        "On 1 May the regional police said 8,000 protesters took part, and the same day "
        "organisers said 50,000.",
    ),
    "crowds of different days never contradict, up or down": (
        [crowd(1, "50,000", 50000, "2023-05-01", origin="organisers", kind="unnamed"),
         crowd(2, "8,000", 8000, "2023-05-02", report=2, **POLICE)],
        DIVERGENT, set(),
        "On 2 May the regional police said 8,000 protesters took part, a day after organisers "
        "said 50,000: figures of different days, for a count that goes up and down.",
    ),
    "a city's figure bounds its country's: a lower country total contradicts": (
        [arrests(1, "at least 2,000", 2000, None, location="Almaty", date="2022-01-06"),
         arrests(2, "1,500", 1500, location="Kazakhstan", date="2022-01-07", report=2, **KAZINFORM)],
        CONTRADICTION, {1, 2},
        "On 7 January Kazinform said 1,500 were arrested in Kazakhstan, fewer than the at least "
        "2,000 the Interior Ministry counted in Almaty on 6 January.",
    ),
    "a total below the sum of its cities contradicts them all": (
        [arrests(1, "900", 900, location="Almaty", date="2022-01-07"),
         arrests(2, "800", 800, location="Astana", date="2022-01-07", report=3, **POLICE),
         arrests(3, "1,500", 1500, location="Kazakhstan", date="2022-01-07", report=2, **KAZINFORM)],
        CONTRADICTION, {1, 2, 3},
        "On 7 January Kazinform said 1,500 were arrested in Kazakhstan, fewer than the 1,700 "
        "that the Interior Ministry (900 in Almaty) and the regional police (800 in Astana) add up to.",
    ),
    "a larger country total holds its city's figure": (
        [arrests(1, "at least 2,000", 2000, None, location="Almaty", date="2022-01-06"),
         arrests(2, "3,811", 3811, location="Kazakhstan", date="2022-01-07", report=2, **KAZINFORM)],
        DIVERGENT, set(),
        "Nothing contradicts: Almaty lies in Kazakhstan, so the at least 2,000 the Interior "
        "Ministry gave for Almaty are part of the 3,811 Kazinform gave for Kazakhstan.",
    ),
    "a part never contradicts a larger total": (
        [claim(1, "12", 12, group="people", date="2022-01-06", **POLICE),
         claim(2, "4", 4, group="children", date="2022-01-06", report=2)],
        DIVERGENT, set(),
        "Nothing contradicts: each figure counts a different group.",
    ),
    "a total below a part contradicts": (
        [claim(1, "3", 3, group="people", date="2022-01-06", **POLICE),
         claim(2, "4", 4, group="children", date="2022-01-06", report=2)],
        CONTRADICTION, {1, 2},
        "On 6 January the regional police said 3 were killed, fewer than the 4 children the "
        "Interior Ministry counted.",
    ),
}


@pytest.mark.parametrize("rows, verdict, contradicted, reason", VERDICTS_OVER_TIME.values(),
                         ids=VERDICTS_OVER_TIME.keys())
def test_verdicts_and_their_reasons(rows, verdict, contradicted, reason):
    [group] = find_conflicts(rows)
    assert (group.verdict, {c.claim for c in group.claims if c.contradicted}, group.reason) == \
        (verdict, contradicted, reason)


def test_unknown_places_stay_apart():
    rows = [arrests(1, "2,000", 2000, location="Almaty", date="2022-01-06"),
            arrests(2, "1,500", 1500, location="Velmora", date="2022-01-06", report=2, **KAZINFORM)]
    [group] = find_conflicts(rows, include_all=True)
    assert group.verdict == AGREE


def test_cumulative_is_lexicon_data_a_user_can_change(tmp_path, monkeypatch):
    from claimtrack.conflicts import cumulative_metrics
    assert {"killed", "injured", "casualties", "arrested", "kidnapped"} <= cumulative_metrics()
    assert not {"participants", "deployed", "missing", "displaced", "hospitalized"} & cumulative_metrics()
    (tmp_path / "mine.toml").write_text("[metrics.killed]\ncumulative = false\n")
    monkeypatch.setenv("CLAIMTRACK_LEXICON", str(tmp_path / "mine.toml"))
    assert "killed" not in cumulative_metrics()
    rows = [claim(1, "17", 17, group="people", date="2023-02-11", **TRANSPORT),
            claim(2, "24", 24, group="people", date="2023-02-12", report=2, **POLICE)]
    [group] = find_conflicts(rows, cumulative=cumulative_metrics())
    assert group.reason.endswith("figures of different days, for a count that goes up and down.")


def individual(id, figure, group, report, **kw):
    return dict(claim(id, figure, 1, group=group, report=report, **kw), individual=True)


def test_individuals_count_through_their_reports_tally():
    # report 1 names two victims and states no total: its tally (2) stands for it
    local = dict(origin="Harbor Post", kind="outlet", outlet="Harbor Post", date="2023-03-04")
    rows = [individual(1, "a man", "people", 1, **local),
            individual(2, "a 2-year-old boy", "children", 1, **local),
            dict(claim(3, "2", 2, group="people", report=1, **local), derived="tally", parts=[1, 2]),
            claim(4, "5", 5, group="people", report=2, date="2023-03-04", **POLICE)]
    [group] = find_conflicts(rows)
    assert (group.verdict, {c.claim for c in group.claims if c.contradicted}) == (CONTRADICTION, {3, 4})
    assert group.reason == ("On 4 March the report itself (Harbor Post) said 2 were killed, and "
                            "the same day the regional police said 5.")
    # the victims alone are parts: they bound the police's figure from below, never contradict it
    [group] = find_conflicts(rows[:2] + rows[3:])
    assert group.verdict == DIVERGENT
    # a report that states its own total is compared by it, not by its tally, and the victims
    # it names are part of that total: its 5 and the police's 5 agree
    stated = claim(5, "5", 5, group="people", report=1, **local)
    assert find_conflicts(rows + [stated]) == []
    [group] = find_conflicts(rows + [stated], include_all=True)
    assert (group.verdict, sorted(c.claim for c in group.claims)) == (AGREE, [4, 5])


def test_a_reports_victims_and_its_own_count_are_one_statement():
    local = dict(origin="Harbor Post", kind="outlet", outlet="Harbor Post", date="2023-03-04")
    coroner = dict(origin="county coroner", kind="medical", date="2023-03-04")
    victims = [individual(1, "Ann Reyes", "people", 1, **coroner),
               individual(2, "a 2-year-old boy", "children", 1, **local)]
    tally = dict(claim(3, "2", 2, group="people", report=1, **local), derived="tally",
                 parts=[1, 2])
    # named victims and the tally that sums them: nothing to compare, however many sources
    assert find_conflicts(victims + [tally]) == []
    # the same with a stated count of the report's own
    assert find_conflicts(victims + [claim(4, "two", 2, group="people", report=1, **local)]) == []
    # a victim of a group the report's total does not count stays a figure of its own
    officers = claim(5, "3", 3, group="police", report=1, **local)
    [group] = find_conflicts([individual(6, "a bystander", "civilians", 1, **coroner), officers])
    assert sorted(c.claim for c in group.claims) == [5, 6]
    # victims who add up to more than the report's own total are no part of it: they stay
    one = claim(7, "one", 1, group="people", report=1, **local)
    [group] = find_conflicts(victims + [one], include_all=True)
    assert sorted(c.claim for c in group.claims) == [1, 2, 7]


def test_a_tally_given_as_json_text_counts_the_same():
    rows = [individual(1, "a man", "people", 1, date="2023-03-04"),
            dict(claim(2, "1", 1, group="people", report=1, date="2023-03-04"), derived="tally",
                 parts="[1]"),
            claim(3, "4", 4, group="people", report=2, date="2023-03-04", **POLICE)]
    [group] = find_conflicts(rows)
    assert {c.claim for c in group.claims if c.contradicted} == {2, 3}


def test_the_ministry_is_the_ministry_the_report_named():
    # report 2 names the Interior Ministry, then calls it "the ministry"
    rows = [claim(1, "eight", 8, report=1, date="2022-01-07"),
            claim(2, "16", 16, report=2, date="2022-01-08", origin="ministry", kind="government"),
            claim(3, "3", 3, metric="missing", group="people", report=2, date="2022-01-08"),
            claim(4, "12", 12, report=3, date="2022-01-08", **COMMAND)]
    [group] = find_conflicts(rows, history=True, metric="killed")
    assert [(c.claim, c.voice, c.origin, c.superseded) for c in group.claims] == [
        (1, "interior ministry", "Interior Ministry", True),
        (2, "interior ministry", "Interior Ministry", False),
        (4, "security forces' command in almaty", "security forces' command in Almaty",
         False),
    ]
    assert group.voices == 2
    # a head noun two origins of the report end with stays apart
    rows.append(claim(5, "2", 2, metric="missing", report=2, date="2022-01-08",
                      origin="health ministry", kind="medical"))
    [group] = find_conflicts(rows, history=True, metric="killed")
    assert [c.voice for c in group.claims if c.claim == 2] == ["ministry"]


def test_a_large_group_names_the_few_pairs_that_decide_it():
    rows = [claim(i, str(10 + i), 10 + i, group="people", date="2023-02-12", report=i,
                  origin=f"Wire {i}", kind="media") for i in range(1, 40)]
    [group] = find_conflicts(rows)
    assert group.verdict == CONTRADICTION
    assert group.reason == (
        "On 12 February Wire 1 said 11 were killed, and the same day Wire 39 said 49. "
        "37 more figures disagree the same way.")


timed_claims = st.lists(
    st.tuples(
        st.sampled_from(["Interior Ministry", "Khabar-24", "witnesses", "Kazinform"]),
        st.sampled_from(["police", "civilians", "people"]),
        st.sampled_from([None, "Almaty", "Aktobe"]),
        st.sampled_from([None, "2022-01-06", "2022-01-07", "2022-01-08"]),
        st.integers(0, 30),
        st.one_of(st.none(), st.integers(0, 20)),
        st.sampled_from(["killed", "participants"]),
    ),
    min_size=2, max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(timed_claims)
def test_sweeps_find_what_comparing_every_pair_finds(monkeypatch_specs):
    """Big groups are checked by sweeps over dates, small ones pair by pair: the same
    verdicts and the same contradicted claims either way."""
    import claimtrack.conflicts as conflicts

    rows = [claim(id, str(low), low, None if width is None else low + width, origin=origin,
                  kind="unnamed" if origin == "witnesses" else "media", group=group,
                  location=location, date=date, report=id, metric=metric)
            for id, (origin, group, location, date, low, width, metric)
            in enumerate(monkeypatch_specs, 1)]

    def outcome():
        return [(g.metric, g.verdict, {c.claim for c in g.claims if c.contradicted})
                for g in find_conflicts(rows, include_all=True)]

    small = conflicts._SMALL
    try:
        direct = outcome()
        conflicts._SMALL = 0
        swept = outcome()
    finally:
        conflicts._SMALL = small
    assert swept == direct


def test_the_default_lexicon_flags_read_as_toml_reads_them():
    import tomllib

    from claimtrack.conflicts import _LEXICON, _default_flags, lexicon_metrics
    data = tomllib.loads(_LEXICON.read_text("utf-8"))["metrics"]
    assert _default_flags() == {m: bool(v.get("cumulative")) for m, v in data.items()}
    assert lexicon_metrics() == set(data) | {"other"}


def test_a_copy_speaks_with_the_voices_of_the_report_it_copies():
    # report 2 republishes report 1: its own figure is report 1's, not a second voice
    rows = [outlet_claim(1, "12", 12, group="people", report=1, date="2023-03-04", outlet="Wire"),
            dict(outlet_claim(2, "12", 12, group="people", report=2, date="2023-03-04",
                              outlet="Harbor Post"), copy_of=1),
            unattributed(3, "30", 30, group="people", report=3, date="2023-03-04"),
            dict(unattributed(4, "30", 30, group="people", report=4, date="2023-03-04"), copy_of=3)]
    [group] = find_conflicts(rows)
    assert {c.claim: c.voice for c in group.claims} == {
        1: "wire", 2: "wire", 3: "report:3", 4: "report:3"}
    assert group.voices == 2


@pytest.mark.parametrize("group, said", [
    ("police", "1 police officer was killed"),
    ("security_forces", "1 member of the security forces was killed"),
    ("children", "1 child was killed"),
    ("people", "1 was killed"),
])
def test_one_of_a_group_is_named_in_the_singular(group, said):
    rows = [claim(1, "one", 1, group=group, report=1, date="2023-03-04", **POLICE),
            claim(2, "3", 3, group=group, report=2, date="2023-03-04", **TRANSPORT)]
    [found] = find_conflicts(rows)
    assert found.reason.startswith(f"On 4 March the regional police said {said}, and the same day")
