"""Copies (SPEC §6): a near-duplicate of an earlier report is stored, marked copy_of, and its
claims are its original's voices. Every text here is written for this file."""
from __future__ import annotations

import json

import pytest

from claimtrack.grouping import COPY_JACCARD, jaccard, shingles, sketch

WIRE = (
    "Flooding on the Tallis River has killed 12 people in the town of Brennock, the regional "
    "emergency office said on Thursday.\n"
    "The office said rescue crews had pulled 40 people from rooftops overnight, and that "
    "water levels would keep rising until the weekend. Schools in Brennock stayed shut, and "
    "the main bridge was closed to traffic after cracks appeared in its eastern pier.\n"
    "Farmers downstream moved their herds to higher ground, and volunteers handed out "
    "drinking water at the railway station. The governor, Petra Salow, said she would visit "
    "the town on Friday and asked residents to stay away from the riverbank."
)
# The same story republished: a new headline, one word changed, the last sentence trimmed.
REPUBLISHED = WIRE.replace("has killed", "killed").rsplit(" and asked", 1)[0] + "."
OTHER = (
    "Health officials said 30 people were injured when a footbridge collapsed during a "
    "festival in Orrin Bay, and the city council closed the waterfront promenade.\n"
    "Engineers will inspect the remaining bridges this week. The festival's organisers "
    "cancelled the evening concerts and offered refunds, while hospitals in Orrin Bay "
    "called in extra staff to treat the injured. The mayor, Calla Drey, promised an inquiry."
)
# The wire story with one different figure: still a copy of the wire (a few words changed).
AMENDED = WIRE.replace("killed 12 people", "killed 14 people")


def test_sketches_estimate_jaccard():
    a, b = shingles(WIRE), shingles(REPUBLISHED)
    exact = len(a & b) / len(a | b)
    assert exact >= COPY_JACCARD
    assert abs(jaccard(sketch(WIRE), sketch(REPUBLISHED)) - exact) < 0.12
    assert jaccard(sketch(WIRE), sketch(OTHER)) < 0.1
    assert jaccard(sketch(WIRE), sketch(WIRE)) == 1.0
    assert sketch(WIRE) == sketch(WIRE.upper().lower())  # stable, case-blind
    assert jaccard((), sketch(WIRE)) == 0.0


def feed(tmp_path, rows) -> str:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def listed(invoke, *args) -> list[dict]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def wire_db(tmp_path, invoke):
    rows = [
        {"id": "wire", "date": "2024-03-07", "outlet": "Northline Wire",
         "title": "Tallis River floods kill 12", "text": WIRE},
        {"id": "other", "date": "2024-03-07", "outlet": "Bay Echo",
         "title": "Footbridge collapse injures 30", "text": OTHER},
        {"id": "copy", "date": "2024-03-08", "outlet": "Daily Sentinel",
         "title": "Twelve dead as Tallis River floods Brennock", "text": REPUBLISHED},
        {"id": "amended", "date": "2024-03-08", "outlet": "Coastal Times",
         "title": "Brennock flood toll", "text": AMENDED},
    ]
    result = invoke("ingest", "-q", "-j", "1", feed(tmp_path, rows))
    assert result.exit_code == 0, result.stderr
    return invoke


def test_a_near_duplicate_is_stored_and_marked_a_copy(wire_db):
    from claimtrack.db import open_db

    db = open_db("claimtrack.db")
    rows = {r["ref"]: r for r in db.query("SELECT id, ref, event, copy_of FROM reports")}
    assert rows["copy"]["copy_of"] == rows["wire"]["id"] == 1
    assert rows["amended"]["copy_of"] == 1
    assert rows["other"]["copy_of"] is None and rows["wire"]["copy_of"] is None
    # A copy joins its original's event, and says so.
    assert rows["copy"]["event"] == rows["wire"]["event"] != rows["other"]["event"]
    events = {e["name"]: e for e in listed(wire_db, "events")}
    assert events[rows["wire"]["event"]]["copies"] == 2
    why = {r["report"]: r["why"] for r in listed(wire_db, "events", rows["wire"]["event"])}
    assert why == {1: "opened the event", 3: "copy of #1", 4: "copy of #1"}


OWN_VOICE = (
    "At least 12 people died when the Tallis River burst its banks and flooded the town of "
    "Brennock on Thursday night.\n"
    "Rescue crews worked through the night to reach families trapped on rooftops, and the "
    "main bridge was closed after cracks appeared in its eastern pier. Schools stayed shut, "
    "and farmers downstream moved their herds to higher ground as the water kept rising."
)
LOCAL = (
    "Residents of Brennock said 15 people died in Thursday's flood, more than officials "
    "have counted, and that several families on the riverbank are still unaccounted for.\n"
    "The Tallis River began to fall on Saturday. Volunteers from neighbouring villages "
    "cleared mud from the streets, and the railway station reopened to carry supplies in."
)


def test_a_copys_claims_are_its_originals_voices(tmp_path, invoke):
    rows = [
        {"id": "wire", "date": "2024-03-07", "outlet": "Northline Wire", "text": OWN_VOICE},
        {"id": "copy", "date": "2024-03-08", "outlet": "Daily Sentinel",
         "text": OWN_VOICE.replace("Thursday night", "Thursday")},
        {"id": "local", "date": "2024-03-08", "outlet": "Bay Echo", "text": LOCAL},
    ]
    assert invoke("ingest", "-q", "--event", "brennock", feed(tmp_path, rows)).exit_code == 0
    killed = [r for r in listed(invoke, "conflicts", "--event", "brennock")
              if r["metric"] == "killed"]
    twelve = [r for r in killed if r["value"] == 12]
    # The wire's figure and its copy's are one voice: one origin, not two outlets.
    assert sorted(r["report"] for r in twelve) == [1, 2]
    assert {r["voice"] for r in twelve} == {"northline wire"}
    assert {r["origins"] for r in twelve} == {1}
    assert {r["value"] for r in killed} == {12, 15}


def test_page_furniture_is_never_a_copy_or_an_event_member(tmp_path, invoke):
    wall = ("Please enable JavaScript in your browser to read this article.\n"
            "Sign in to continue. Already a subscriber? Log in to your account.")
    rows = [
        {"id": "wall-a", "date": "2024-03-07", "outlet": "Bay Echo", "text": wall},
        {"id": "wall-b", "date": "2024-03-07", "outlet": "Bay Echo",
         "text": wall + "\nCookie settings"},
        {"id": "wire", "date": "2024-03-07", "outlet": "Northline Wire", "text": WIRE},
    ]
    assert invoke("ingest", "-q", feed(tmp_path, rows)).exit_code == 0
    reports = listed(invoke, "reports")
    assert len({r["event"] for r in reports}) == 3
    from claimtrack.db import open_db

    copies = open_db("claimtrack.db").execute(
        "SELECT count(*) FROM reports WHERE copy_of IS NOT NULL").fetchone()
    assert copies == (0,)


def test_a_copy_ingested_later_finds_its_original_in_the_database(tmp_path, invoke):
    # The first ingest ends (its blocking keys are written at its end); the copy comes in a
    # second one, and a third report, in the same run as the copy, copies the copy's text.
    first = [{"id": "wire", "date": "2024-03-07", "outlet": "Northline Wire", "text": WIRE},
             {"id": "other", "date": "2024-03-07", "outlet": "Bay Echo", "text": OTHER}]
    assert invoke("ingest", "-q", feed(tmp_path, first)).exit_code == 0
    from claimtrack.db import open_db

    db = open_db("claimtrack.db")
    held = db.execute("SELECT count(DISTINCT report_id) FROM grouping_anchors").fetchone()
    assert held == (2,)
    later = [{"id": "copy", "date": "2024-03-09", "outlet": "Daily Sentinel", "text": REPUBLISHED},
             {"id": "again", "date": "2024-03-09", "outlet": "Coastal Times",
              "text": REPUBLISHED.replace("Schools in Brennock", "Brennock's schools")}]
    path = tmp_path / "later.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in later), encoding="utf-8")
    assert invoke("ingest", "-q", str(path)).exit_code == 0
    rows = {r["ref"]: r for r in db.query("SELECT id, ref, event, copy_of FROM reports")}
    assert rows["copy"]["copy_of"] == rows["again"]["copy_of"] == rows["wire"]["id"]
    assert rows["copy"]["event"] == rows["wire"]["event"] != rows["other"]["event"]


def test_the_keys_of_a_report_number_given_again_replace_the_first(tmp_path):
    # A report's transaction rolled back gives its number to the next report: the keys
    # held for the first must not be written for the second.
    from claimtrack.db import open_db
    from claimtrack.event_store import EventPlacer

    db = open_db(str(tmp_path / "keys.db"))
    placer = EventPlacer(db)
    placer._hold(7, ["harlow"], (11, 12, 13))
    placer._hold(7, ["quenby"], (14,))
    placer.flush()
    assert db.execute("SELECT name, report_id FROM grouping_names").fetchall() == [("quenby", 7)]
    assert db.execute("SELECT anchor, report_id FROM grouping_anchors").fetchall() == [(14, 7)]


# The wire story with more and more of its words shuffled (each run of three in reverse
# order, up to word ``upto``): a copy at first, then not.
def _rewritten(upto: int) -> str:
    words = WIRE.split()
    for at in range(0, min(upto, len(words)), 3):
        words[at:at + 3] = reversed(words[at:at + 3])
    return " ".join(words)


@pytest.mark.parametrize("text", [WIRE, REPUBLISHED, AMENDED, OTHER, _rewritten(6),
                                  _rewritten(20), _rewritten(60), _rewritten(120), "",
                                  "Too short"])
def test_jaccard_with_a_threshold_gives_the_same_or_rules_a_pair_out(text):
    # With at_least, a pair is ruled out (0.0) only when it cannot reach the threshold;
    # otherwise the estimate is the same as without it.
    plain = jaccard(sketch(WIRE), sketch(text))
    bounded = jaccard(sketch(WIRE), sketch(text), COPY_JACCARD)
    assert bounded == plain or (bounded == 0.0 and plain < COPY_JACCARD)
    assert (bounded >= COPY_JACCARD) == (plain >= COPY_JACCARD)


def test_the_bound_rules_out_pairs_that_share_few_hashes():
    far = jaccard(sketch(WIRE), sketch(_rewritten(60)))
    assert 0.0 < far < COPY_JACCARD
    assert jaccard(sketch(WIRE), sketch(_rewritten(60)), COPY_JACCARD) == 0.0
    assert jaccard(sketch(WIRE), sketch(REPUBLISHED), COPY_JACCARD) == \
        jaccard(sketch(WIRE), sketch(REPUBLISHED)) >= COPY_JACCARD


def _store(writer, ref: str, text: str, date: str = "2024-03-07") -> int | None:
    from claimtrack.inputs import Meta, Report

    return writer.store(Report(text, ref, ref, None, Meta(date=date, outlet=ref)), [])


def test_a_copy_of_a_report_another_ingest_stored_meanwhile_is_found(tmp_path, invoke):
    # An ingest keeps the reports it stores in memory and looks copies up there while the
    # database holds no others. A concurrent ingest (another connection) ends that: the copy
    # of a report it stored meanwhile is still found.
    from claimtrack.db import open_db
    from claimtrack.store import ReportWriter

    db = open_db(str(tmp_path / "two.db"))
    with ReportWriter(db) as writer:
        _store(writer, "other", OTHER)
        assert writer.events._session is not None  # an empty database: a session began
        result = invoke("--db", str(tmp_path / "two.db"), "ingest", "-q", "-j", "1",
                        feed(tmp_path, [{"id": "wire", "date": "2024-03-07", "text": WIRE}]))
        assert result.exit_code == 0, result.stderr
        copy_id = _store(writer, "copy", REPUBLISHED, "2024-03-08")
    rows = {r["ref"]: r for r in db.query("SELECT id, ref, event, copy_of FROM reports")}
    assert rows["copy"]["id"] == copy_id
    assert rows["copy"]["copy_of"] == rows["wire"]["id"]
    assert rows["copy"]["event"] == rows["wire"]["event"] != rows["other"]["event"]
    assert writer.events._session is None  # from the copy on, the database is read


def test_a_report_number_given_again_leaves_the_session_index_once(tmp_path):
    # A transaction rolled back gives its report number to the next report: the session
    # index forgets the first report under that number.
    from claimtrack.event_store import _Session

    session = _Session()
    session.add(7, 1, 100, ["harlow"], (11, 12))
    session.add(8, 1, 100, ["harlow"], (12,))
    session.add(7, 2, 101, ["quenby"], (13,))
    assert session.event_of == {8: 1, 7: 2}
    assert session.members == {1: [8], 2: [7]}
    assert session.by_day == {100: [8], 101: [7]}
    assert session.by_name == {"harlow": [8], "quenby": [7]}
    assert session.by_anchor == {11: [], 12: [8], 13: [7]}
