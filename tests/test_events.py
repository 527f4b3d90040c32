"""Automatic events (SPEC §6): grouping, names, and the `claimtrack events` command.

Every report here is written for this file: three made-up incidents (a shooting in Port
Elm, a stabbing in Ashby Creek the same day, a flood in Varrow the next month), told by
different outlets in different words.
"""
from __future__ import annotations

import csv
import io
import json
import os

import pytest

from claimtrack import grouping
from claimtrack.db import open_db
from claimtrack.grouping import MemoryIndex, event_name, features

PORT_ELM_1 = {
    "id": "pe-1", "date": "2023-05-01", "outlet": "Harbour Courier",
    "title": "Three killed in Port Elm shooting on Harlow Street",
    "text": (
        "Three people were killed when a gunman opened fire outside a bakery on Harlow Street "
        "in Port Elm early on Monday, police said.\n"
        "Officers arrested Dario Fenwick, 41, a short distance from the scene. Fenwick had "
        "argued with the bakery owner, Marisol Quenby, the week before, neighbours told "
        "reporters. Quenby was among those shot and died at the scene.\n"
        "Detectives recovered a rifle from a parked van. The street stayed sealed off until "
        "the afternoon while forensic teams worked around the bakery window."),
}
PORT_ELM_2 = {
    "id": "pe-2", "date": "2023-05-02", "outlet": "Valley Ledger",
    "title": "Port Elm bakery owner named among shooting victims",
    "text": (
        "Marisol Quenby, who ran the Harlow Street bakery for twenty years, was one of four "
        "people killed in Monday's shooting in Port Elm, the county coroner said.\n"
        "The coroner said a fourth victim died overnight in hospital. Prosecutors charged "
        "Dario Fenwick with murder; Fenwick is due in court on Friday.\n"
        "Friends of Quenby left flowers at the bakery door, where the rifle fire shattered "
        "the window."),
}
PORT_ELM_TRIAL = {
    "id": "pe-3", "date": "2023-09-18", "outlet": "Harbour Courier",
    "title": "Trial opens for man accused of Harlow Street killings",
    "text": (
        "The trial of Dario Fenwick, accused of killing four people including the baker "
        "Marisol Quenby outside her shop in Port Elm in May, opened on Monday.\n"
        "Prosecutors told jurors that Fenwick bought the rifle two days before the shooting. "
        "His lawyer said Fenwick would plead not guilty to every count.\n"
        "Relatives of Quenby filled the public gallery of the county court."),
}
ASHBY_CREEK = {
    "id": "ac-1", "date": "2023-05-01", "outlet": "Valley Ledger",
    "title": "Man stabbed to death at Ashby Creek fairground",
    "text": (
        "A man was stabbed to death at the spring fairground in Ashby Creek on Monday "
        "evening, and two others were wounded, the sheriff's office said.\n"
        "Deputies detained Tobias Wren, 19, near the carousel. Wren was taken to the county "
        "jail, and a knife was found in a litter bin by the ticket booth.\n"
        "The fair's organisers closed the grounds for the night and said the rides would "
        "reopen on Wednesday."),
}
VARROW_FLOOD = {
    "id": "vf-1", "date": "2023-06-11", "outlet": "Harbour Courier",
    "title": "Varrow flood leaves hundreds homeless",
    "text": (
        "The river burst its banks in Varrow on Sunday, flooding the lower town and forcing "
        "hundreds of residents from their homes, the mayor, Ilse Brandauer, said.\n"
        "Brandauer said rescue boats had reached every street by nightfall. Two people are "
        "missing, according to the fire brigade.\n"
        "Volunteers filled sandbags at the market square as the water kept rising."),
}
SIGN_IN = {
    "id": "wall-1", "date": "2023-05-01", "outlet": "Valley Ledger", "title": "Subscribe",
    "text": "Please enable JavaScript to view this page.\nSign in to continue reading.\n"
            "Already a subscriber? Log in to your account.",
}
REPORTS = [PORT_ELM_1, ASHBY_CREEK, PORT_ELM_2, VARROW_FLOOD, PORT_ELM_TRIAL]


def doc(report: dict) -> grouping.Features:
    return features(report["text"], report["title"], None, report["date"])


def groups(reports: list[dict]) -> list[list[str]]:
    """The ids of each automatic event, in order of their first report."""
    index = MemoryIndex()
    by_event: dict[int, list[str]] = {}
    for n, report in enumerate(reports):
        by_event.setdefault(index.add(n, doc(report)).event, []).append(report["id"])
    return list(by_event.values())


@pytest.mark.parametrize("title, text, place", [
    # a headline in title case capitalises what happened, the page's frame or a day after
    # the town; its short prepositions stay in lower case
    ("Two Hurt in Oak Vale Shooting", "Two people were hurt on Elm Road late on Friday.",
     "Oak Vale"),
    ("Fire Kills 3 in Brennock Update", "Three people died when a house burned.", "Brennock"),
    ("Crash near Tolland Friday Leaves 2 Dead", "Two drivers died on the bypass.", "Tolland"),
])
def test_a_place_in_a_headline_ends_before_the_words_after_it(title, text, place):
    assert grouping.features(text, title, None, "2024-05-03").places[0] == place


def test_features_of_a_report():
    f = doc(PORT_ELM_1)
    assert f.kind == "shooting" and f.content
    assert f.day == grouping.day_of("2023-05-01")
    assert f.people == ("dario fenwick", "marisol quenby")
    assert f.places[0] == "Port Elm"
    assert {"fenwick", "quenby", "harlow"} <= set(f.names)
    assert "police" not in f.names and "monday" not in f.terms


def test_page_furniture_has_no_content_and_never_joins():
    assert not doc(SIGN_IN).content
    index = MemoryIndex()
    first = index.add(1, doc(SIGN_IN))
    assert first.event == 1
    assert index.add(2, doc(SIGN_IN)).event == 2  # the same wall again: still alone
    assert index.add(3, doc(PORT_ELM_1)).event == 3


@pytest.mark.parametrize("furniture, not_names", [
    ("Copy Link Copy\nHide Transcript Show Transcript", {"copy", "link", "transcript"}),
    ("Download the Valley Ledger app for Android, Kindle and Fire Tablet",
     {"android", "kindle", "ledger"}),
    ("Get the App: Harbour Courier on Roku and Tizen", {"roku", "tizen"}),
])
def test_a_players_and_an_apps_lines_give_no_names(furniture, not_names):
    # the same lines on every page of an outlet: no incident is named by them
    f = features(furniture + "\n" + PORT_ELM_1["text"], PORT_ELM_1["title"], None,
                 PORT_ELM_1["date"])
    assert {"fenwick", "quenby", "harlow"} <= set(f.names)
    assert not not_names & (set(f.names) | set(f.terms))


def test_reports_of_one_incident_join_and_other_incidents_stay_apart():
    assert groups(REPORTS) == [["pe-1", "pe-2", "pe-3"], ["ac-1"], ["vf-1"]]


def test_grouping_is_deterministic_and_explains_each_join():
    assert groups(REPORTS) == groups(REPORTS)
    index = MemoryIndex()
    placements = [index.add(n, doc(r)) for n, r in enumerate(REPORTS)]
    second = placements[2]  # PORT_ELM_2 joins PORT_ELM_1
    assert (second.event, second.report) == (placements[0].event, 0)
    assert {"fenwick", "quenby"} <= set(second.shared)
    assert "closest report #0" in second.reason()
    assert placements[0].reason() == ""  # it opened its event


def test_a_later_report_joins_only_through_a_person_it_names():
    # The trial report is months later: it joins through Fenwick and Quenby.
    assert groups([PORT_ELM_1, PORT_ELM_TRIAL]) == [["pe-1", "pe-3"]]
    # The same words without the people's names, months later: no join.
    nameless = dict(PORT_ELM_TRIAL, id="pe-x", text=PORT_ELM_TRIAL["text"]
                    .replace("Dario Fenwick", "the defendant").replace("Fenwick", "he")
                    .replace("Marisol Quenby", "a baker").replace("Quenby", "the baker"))
    assert groups([PORT_ELM_1, nameless]) == [["pe-1"], ["pe-x"]]


@pytest.mark.parametrize("title, kept, dropped", [
    ("Three killed in Port Elm shooting - Harbour Courier", {"port", "elm"}, {"harbour", "courier"}),
    ("Three killed in Port Elm shooting | KHCR Channel 9 News", {"port", "elm"}, {"channel"}),
    ("Shooting in Port Elm - Harbour Courier - Ossary County, OS", {"port", "elm"},
     {"harbour", "ossary"}),
    # a dash inside a headline, with a long part after it, is the headline's own
    ("Shooting in Port Elm - gunman opened fire outside a bakery on Harlow Street at dawn",
     {"port", "elm", "harlow"}, set()),
    ("Shooting in Port Elm", {"port", "elm"}, set()),
])
def test_a_titles_outlet_tail_is_not_read(title, kept, dropped):
    f = features("Dario Fenwick was charged on Monday.", title, None, "2023-05-01")
    assert kept <= set(f.names) and not dropped & (set(f.names) | set(f.terms))


@pytest.mark.parametrize("text, names, not_names", [
    ("Officers of the RCPD said Dario Fenwick fired at KHCR reporters in Port Elm.",
     {"fenwick", "dario", "port", "elm"}, {"rcpd", "khcr"}),
    ("THE GUNMAN FIRED FROM A VAN, said Marisol Quenby.", {"marisol", "quenby"},
     {"gunman", "van", "the"}),
    ("Lawyers for Ann Reyes told the NTSB that Reyes was away.", {"ann", "reyes"}, {"ntsb"}),
])
def test_words_in_capitals_are_no_names(text, names, not_names):
    f = features(text, None, None, None)
    assert names <= set(f.names) and not not_names & set(f.names)


@pytest.mark.parametrize("report, expected", [
    (PORT_ELM_1, "port-elm-shooting-2023-05-01"),
    (ASHBY_CREEK, "ashby-creek-stabbing-2023-05-01"),
    (VARROW_FLOOD, "varrow-flood-2023-06-11"),
    (dict(VARROW_FLOOD, date=None), "varrow-flood"),
])
def test_event_names_say_place_what_and_when(report, expected):
    assert event_name(features(report["text"], report["title"], None, report["date"])) == expected


@pytest.mark.parametrize("text, title, place", [
    # a dateline: capitals with a state and the outlet, a town in plain case, a caption first
    ("PORT ELM, Ore. (KXYZ) — A man was shot on Harlow Street on Monday.", None, "Port Elm"),
    ("Ashby Creek — Two people were hurt when a car hit a fence on Mill Lane.", None,
     "Ashby Creek"),
    ("Photo: a squad car\n\nVARROW (AP) -- The river rose again overnight.", None, "Varrow"),
    # no dateline: the headline's place, else the lead's
    ("A man was wounded on Monday.", "Man wounded in Tolland drive-by", "Tolland"),
    ("Two men were hurt outside a bar in Brennock late on Friday, police said.",
     "Two hurt in bar fight", "Brennock"),
    # a state in the headline, a town in the lead: the town
    ("Two men were hurt outside a bar in Brennock late on Friday, police said.",
     "Two hurt in Oregon bar fight", "Brennock"),
    # a dateline that is a page's word, not a town: the lead's place
    ("UPDATE — Police said a man was shot in Dunmore on Sunday.", None, "Dunmore"),
    # a wire dateline after a page's first lines (times of update, a credit)
    ("Updated 5:10 p.m.\nUpdated 1:45 p.m.: Shots reported near a school.\nKELLSBURY, N.Y. - "
     "A man opened fire at a diner.", None, "Kellsbury"),
    # a broad name first in the lead, a town after it: the town
    ("Mara Quell had come to America last spring. On Friday she was shot in Dunmore, "
     "police said.", None, "Dunmore"),
    # traps: no place said plainly
    ("POLICE -- a man was shot on Sunday.", None, None),
    ("Mid-text, the clerk said: KELLSBURY, N.Y. is far away - a man was hurt.", None, None),
    ("A man was shot in Accidental Shooting, the report said.", None, None),
    ("Detectives said Dario Fenwick fired first. A clerk died in Marisol Quenby's shop.",
     None, None),
])
def test_where_a_report_says_its_event_happened(text, title, place):
    assert grouping.site(text, title) == place


@pytest.mark.parametrize("text, title, expected", [
    # the dateline's town names the event, not the street the report writes most
    ("PORT ELM, Ore. (KXYZ) — A man was shot on Harlow Street on Monday. Neighbours on "
     "Harlow Street heard three shots. Kiran Dace, 33, died at the scene, and Dace's brother "
     "said he had walked to the shop on Harlow Street.", "Man shot dead on Harlow Street",
     "port-elm-shooting-2023-05-01"),
    # a victim named in full once and no place after a preposition: the dateline's town,
    # not the victim
    ("TOLLAND — Kiran Dace, 33, was shot dead on Monday outside a shop, according to the "
     "county. A rifle lay in a ditch nearby.", "Kiran Dace shot dead at shop",
     "tolland-shooting-2023-05-01"),
    # no town said: never a holiday, a newspaper or a capitalised word the gazetteer does not
    # know; the event is named by what happened and when
    ("A girl, 3, was shot dead on Sunday morning, the Evening Courier reports. I'm shocked, "
     "Ann Pell said. I'm sure nobody heard, Pell added.", "Girl shot dead in Easter shooting",
     "shooting-2023-05-01"),
    # a street, when nothing names a town
    ("A girl, 3, was shot dead on Sunday morning near Quillon Avenue, the Evening Courier "
     "reports. Neighbours on Quillon Avenue heard shots.", "Girl shot dead",
     "quillon-avenue-shooting-2023-05-01"),
])
def test_an_event_is_named_after_where_its_first_report_says_it_happened(text, title,
                                                                         expected):
    doc = features(text, title, None, "2023-05-01")
    assert event_name(doc, text, title) == expected


def write_feed(path, reports) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return str(path)


@pytest.fixture
def ingested(tmp_path, invoke):
    feed = write_feed(tmp_path / "feed.jsonl", REPORTS)
    result = invoke("ingest", "-q", "-j", "1", feed)
    assert result.exit_code == 0, result.stderr
    return invoke


def listed(invoke, *args) -> list[dict]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_groups_untagged_reports_and_events_lists_them(ingested):
    events = listed(ingested, "events")
    assert [(e["name"], e["made"], e["first"], e["last"], e["reports"], e["auto"])
            for e in events] == [
        ("port-elm-shooting-2023-05-01", "auto", "2023-05-01", "2023-09-18", 3, 3),
        ("ashby-creek-stabbing-2023-05-01", "auto", "2023-05-01", "2023-05-01", 1, 1),
        ("varrow-flood-2023-06-11", "auto", "2023-06-11", "2023-06-11", 1, 1),
    ]
    assert events[0]["claims"] >= 2 and events[0]["copies"] == 0
    reports = {r["ref"]: r["event"] for r in listed(ingested, "reports")}
    assert reports == {"pe-1": "port-elm-shooting-2023-05-01",
                       "ac-1": "ashby-creek-stabbing-2023-05-01",
                       "pe-2": "port-elm-shooting-2023-05-01",
                       "vf-1": "varrow-flood-2023-06-11",
                       "pe-3": "port-elm-shooting-2023-05-01"}


def test_ingest_names_an_event_after_its_first_reports_dateline(tmp_path, invoke):
    # The report writes a street most and names its victim in full once; its dateline says
    # the town. A second report on the same incident joins the event, which keeps its name.
    first = {"id": "tl-1", "date": "2023-05-01", "title": "Kiran Dace shot dead on Mill Lane",
             "text": ("TOLLAND, Ore. (KTLD) — Kiran Dace, 33, was shot dead on Mill Lane on "
                      "Monday night, county investigators announced. A rifle lay in a "
                      "ditch on Mill Lane, and deputies sought a grey pickup seen leaving "
                      "the street. Neighbours on Mill Lane said they heard four shots, then "
                      "an engine revving hard; one of them ran outside and found Dace lying "
                      "beside his bicycle under a broken lamp.")}
    second = {"id": "tl-2", "date": "2023-05-02", "title": "Deputies seek pickup after Mill "
              "Lane killing", "text": ("Deputies were still searching on Tuesday for the grey "
                                       "pickup seen leaving Mill Lane after Kiran Dace was shot "
                                       "dead there on Monday night, investigators announced. "
                                       "The rifle found in a ditch on Mill Lane was sent to the "
                                       "state laboratory, and Dace's family asked for privacy. "
                                       "A neighbour who found him beside his bicycle said the "
                                       "lamp above the lane had been broken for weeks.")}
    feed = write_feed(tmp_path / "feed.jsonl", [first, second])
    assert invoke("ingest", "-q", "-j", "1", feed).exit_code == 0
    assert [(e["name"], e["reports"]) for e in listed(invoke, "events")] == [
        ("tolland-shooting-2023-05-01", 2)]


def test_one_event_lists_its_reports_and_why(ingested):
    rows = listed(ingested, "events", "port-elm-shooting-2023-05-01")
    assert [r["report"] for r in rows] == [1, 3, 5]
    assert rows[0]["why"] == "opened the event"
    assert rows[1]["why"].startswith("similar to #1 (event score ")
    assert "fenwick" in rows[1]["shared"] and "quenby" in rows[1]["shared"]
    assert rows[2]["placed"] == "auto" and rows[2]["closest"] in (1, 3)


def test_every_format(ingested):
    name = "ashby-creek-stabbing-2023-05-01"
    table = ingested("events", "-f", "table").stdout
    assert "port-elm-shooting" in table and "reports" in table and "2023-09-18" in table
    lines = ingested("events", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["name"] for line in lines][1] == name
    rows = list(csv.DictReader(io.StringIO(ingested("events", "-f", "csv").stdout)))
    assert rows[1]["name"] == name and rows[1]["reports"] == "1"
    rows = list(csv.DictReader(io.StringIO(ingested("events", "-f", "tsv").stdout),
                               delimiter="\t"))
    assert rows[2]["name"] == "varrow-flood-2023-06-11" and rows[2]["places"] == '["Varrow"]'
    detail = list(csv.DictReader(io.StringIO(ingested("events", name, "-f", "csv").stdout)))
    assert [(r["report"], r["why"]) for r in detail] == [("2", "opened the event")]
    assert "opened the event" in ingested("events", name, "-f", "table").stdout


def test_rename_merge_split_and_move_and_conflicts_follow(ingested):
    old = "port-elm-shooting-2023-05-01"
    result = ingested("events", old, "--rename", "port-elm-2023", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "renamed event port-elm-shooting-2023-05-01 to port-elm-2023" in result.stderr
    assert [(r["name"], r["made"]) for r in json.loads(result.stdout)] == [
        ("port-elm-2023", "user")]
    # Conflicts and claims read the new name at once.
    claims = listed(ingested, "claims", "--event", "port-elm-2023")
    assert {c["report"] for c in claims} <= {1, 3, 5} and claims
    gone = ingested("claims", "--event", old)  # the old name is no event any more
    assert gone.exit_code == 2 and "did you mean port-elm-2023?" in gone.stderr

    result = ingested("events", "port-elm-2023", "--split", "5", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert set(names) == {"port-elm-2023", "harlow-street-shooting-2023-09-18"} or \
        "port-elm-2023" in names and len(names) == 2
    split_name = next(n for n in names if n != "port-elm-2023")
    assert [r["report"] for r in listed(ingested, "events", split_name)] == [5]

    result = ingested("events", "port-elm-2023", "--merge", split_name, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert "merged" in result.stderr and "1 report moved" in result.stderr
    assert [r["report"] for r in listed(ingested, "events", "port-elm-2023")] == [1, 3, 5]
    assert split_name not in {e["name"] for e in listed(ingested, "events")}

    result = ingested("events", "port-elm-2023", "--move", "pe-3", "--move", "vf-1",
                      "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    assert "moved 2 reports into port-elm-2023" in result.stderr
    by_name = {e["name"]: e for e in listed(ingested, "events")}
    assert by_name["port-elm-2023"]["reports"] == 4
    assert "varrow-flood-2023-06-11" not in by_name  # emptied, dropped
    rows = listed(ingested, "events", "port-elm-2023")
    assert {r["why"] for r in rows} == {"placed by a user"}


def test_user_decisions_survive_regrouping_and_later_ingests(ingested, tmp_path):
    assert ingested("events", "varrow-flood-2023-06-11", "--move", "ac-1").exit_code == 0
    result = ingested("events", "--regroup", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "regrouped 5 reports" in result.stderr
    by_ref = {r["ref"]: r["event"] for r in listed(ingested, "reports")}
    assert by_ref["ac-1"] == by_ref["vf-1"] == "varrow-flood-2023-06-11"
    assert by_ref["pe-1"] == by_ref["pe-2"] == by_ref["pe-3"] == "port-elm-shooting-2023-05-01"
    # A new report about the stabbing opens an event of its own: the user's event stays.
    more = dict(ASHBY_CREEK, id="ac-2", date="2023-05-02", outlet="Harbour Courier",
                title="Teenager charged over Ashby Creek fairground stabbing",
                text=ASHBY_CREEK["text"].replace("detained", "charged").replace(
                    "The fair's organisers", "Organisers of the fair"))
    feed = write_feed(tmp_path / "more.jsonl", [more])
    assert ingested("ingest", "-q", feed).exit_code == 0
    by_ref = {r["ref"]: r["event"] for r in listed(ingested, "reports")}
    assert by_ref["ac-1"] == "varrow-flood-2023-06-11"
    decisions = open_db("claimtrack.db").execute(
        "SELECT action FROM event_decisions ORDER BY id").fetchall()
    assert decisions == [("move",)]


def test_an_event_tag_overrides_grouping(tmp_path, invoke):
    feed = write_feed(tmp_path / "feed.jsonl", [PORT_ELM_1, ASHBY_CREEK])
    assert invoke("ingest", "-q", "--event", "spring-2023", feed).exit_code == 0
    events = listed(invoke, "events")
    assert [(e["name"], e["made"], e["reports"], e["auto"]) for e in events] == [
        ("spring-2023", "tag", 2, 0)]
    # An untagged report about the shooting joins the tagged event.
    feed = write_feed(tmp_path / "more.jsonl", [PORT_ELM_2])
    assert invoke("ingest", "-q", feed).exit_code == 0
    assert {r["ref"]: r["event"] for r in listed(invoke, "reports")}["pe-2"] == "spring-2023"


def test_no_group_keeps_the_default_event_until_regroup(tmp_path, invoke):
    feed = write_feed(tmp_path / "feed.jsonl", REPORTS)
    assert invoke("ingest", "-q", "--no-group", feed).exit_code == 0
    assert [(e["name"], e["reports"]) for e in listed(invoke, "events")] == [("default", 5)]
    assert invoke("events", "--regroup").exit_code == 0
    assert [(e["name"], e["reports"]) for e in listed(invoke, "events")] == [
        ("port-elm-shooting-2023-05-01", 3), ("ashby-creek-stabbing-2023-05-01", 1),
        ("varrow-flood-2023-06-11", 1)]


@pytest.mark.parametrize("args, message", [
    (["events", "nowhere"], "no event 'nowhere'"),
    (["events", "--rename", "x"], "--rename acts on an event"),
    (["events", "varrow-flood-2023-06-11", "--rename", "a", "--move", "1"],
     "one of --rename, --move at a time"),
    (["events", "varrow-flood-2023-06-11", "--rename", "ashby-creek-stabbing-2023-05-01"],
     "exists already"),
    (["events", "varrow-flood-2023-06-11", "--move", "99"], "no report 99"),
    (["events", "varrow-flood-2023-06-11", "--split", "1"], "report 1 is not in event"),
])
def test_mistakes_are_one_line_and_exit_2(ingested, args, message):
    result = ingested(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_reports_join_across_ingests_through_names_read_back(tmp_path, invoke):
    # Each report comes in an ingest of its own: what grouping needs of the earlier ones
    # (their names, people, words and counts) is read back from the database.
    for n, report in enumerate([PORT_ELM_1, ASHBY_CREEK, PORT_ELM_TRIAL, PORT_ELM_2]):
        feed = write_feed(tmp_path / f"feed-{n}.jsonl", [report])
        assert invoke("ingest", "-q", feed).exit_code == 0
    reports = {r["ref"]: r["event"] for r in listed(invoke, "reports")}
    assert reports == {"pe-1": "port-elm-shooting-2023-05-01",
                       "ac-1": "ashby-creek-stabbing-2023-05-01",
                       "pe-3": "port-elm-shooting-2023-05-01",
                       "pe-2": "port-elm-shooting-2023-05-01"}
    trial = listed(invoke, "events", "port-elm-shooting-2023-05-01")[1]
    assert trial["report"] == 3 and {"fenwick", "quenby"} <= set(trial["shared"])


def test_one_outlets_reports_on_two_incidents_stay_apart(tmp_path, invoke):
    # Both titles end with the outlet's name, both texts with its sign-off: no incident
    # is named by them.
    sign_off = "\nCopyright Harbour Courier Media Group. Harbour Courier reporters contributed."
    first = dict(PORT_ELM_1, title=PORT_ELM_1["title"] + " - Harbour Courier",
                 text=PORT_ELM_1["text"] + sign_off)
    other = dict(ASHBY_CREEK, outlet="Harbour Courier",
                 title=ASHBY_CREEK["title"] + " - Harbour Courier",
                 text=ASHBY_CREEK["text"] + sign_off)
    feed = write_feed(tmp_path / "feed.jsonl", [first, other])
    assert invoke("ingest", "-q", feed).exit_code == 0
    assert len({r["event"] for r in listed(invoke, "reports")}) == 2


COLDBROOK_DRIVER = {
    "id": "cb-1", "date": "2023-03-03", "title": "Delivery driver shot in Coldbrook",
    "text": ("Gunfire wounded a delivery driver outside a grocery on Mercer Avenue in Coldbrook "
             "late on Friday, police said.\nThe driver, Tomas Okafor, was taken to hospital "
             "with a leg wound. Okafor told officers two men in a grey sedan had followed his "
             "van for several blocks.\nDetectives asked neighbours for doorbell camera footage "
             "of the street."),
}
COLDBROOK_COURT = {
    "id": "cb-2", "date": "2023-03-05", "title": "Teenager killed at Coldbrook basketball court",
    "text": ("A teenager was shot and killed at a basketball court behind Linden Middle School "
             "in Coldbrook on Sunday evening, the county coroner said.\nThe coroner named him as "
             "Jalen Whitcombe, 16. Friends said Whitcombe had gone to the court after dinner, as "
             "he did most nights.\nPolice said no arrest had been made and asked witnesses to "
             "come forward."),
}
COLDBROOK_VIGIL = {
    "id": "cb-3", "date": "2023-03-07", "title": "Vigil for Coldbrook teenager",
    "text": ("Hundreds gathered at Linden Middle School in Coldbrook on Tuesday to remember Jalen "
             "Whitcombe, the 16-year-old shot dead at the basketball court behind the school.\n"
             "His coach said Whitcombe was the first to arrive at practice and the last to leave. "
             "Detectives said they were following several leads."),
}


def test_two_incidents_in_one_town_stay_apart_and_a_follow_up_joins_its_own():
    # The driver and the teenager share only the town's name: not enough. The vigil shares
    # the teenager's name, his school and the town with the report of his death.
    assert groups([COLDBROOK_DRIVER, COLDBROOK_COURT, COLDBROOK_VIGIL]) == [
        ["cb-1"], ["cb-2", "cb-3"]]
    index = MemoryIndex()
    placements = [index.add(n, doc(r)) for n, r in
                  enumerate([COLDBROOK_DRIVER, COLDBROOK_COURT, COLDBROOK_VIGIL])]
    assert {"whitcombe", "linden", "coldbrook"} <= set(placements[2].shared)


@pytest.mark.parametrize("text, officials, people", [
    # a title of office before the name, with or without the abbreviation's full stop
    ("Sgt. Ann Reyes said the car was found. Reyes said nobody was hurt.",
     ("ann reyes",), ()),
    ("Police Chief Holm Varga spoke at noon. Varga said Petra Lind was shot. Lind died.",
     ("holm varga",), ("petra lind",)),
    ("Officer Bram Tillet took the call, and Tillet said it was quiet.", ("bram tillet",), ()),
    # a role of office written in lower case before the name
    ("A police spokesman, Cal Dunmore, said little; spokesman Cal Dunmore said Dunmore "
     "would speak later.", ("cal dunmore",), ()),
    ("The case went to county prosecutor Lena Ostrow. Ostrow declined to comment.",
     ("lena ostrow",), ()),
    # traps: a courtesy title, a neighbour, a victim: people, not officials
    ("Mr. Oren Lasko was shot in the arm. Lasko is recovering.", (), ("oren lasko",)),
    ("Her neighbour Corrie Vance heard the shots. Vance called for help.", (), ("corrie vance",)),
    ("Gunfire killed Edda Marsh on Friday. Marsh was 30.", (), ("edda marsh",)),
])
def test_a_person_named_after_a_title_of_office_is_an_official(text, officials, people):
    f = features(text, None, None, "2023-04-02")
    assert (f.officials, f.people) == (officials, people)


def _spokesman_report(rid: str, when: str, street: str, victim: str) -> dict:
    return {"id": rid, "date": when, "title": f"Man wounded on {street} in Coldbrook",
            "text": (f"A man was shot and wounded on {street} in Coldbrook late on Saturday, "
                     "police said.\nSgt. Nadia Pell, a spokeswoman for the Coldbrook police, "
                     "said the man was taken to hospital in a private car and was expected to "
                     f"survive. Pell said detectives had no suspect yet.\nThe man, {victim}, "
                     "told officers he had been walking home when a car slowed beside him. "
                     f"{victim.split()[-1]} had no idea who the driver was. Pell asked anyone "
                     "with doorbell camera footage of the street to call the police.")}


def test_reports_months_apart_that_share_only_the_police_spokeswoman_stay_apart():
    # Two incidents of one town, told in the same words by the same spokeswoman: she names
    # neither. A follow-up naming the first victim joins his event.
    first = _spokesman_report("sp-1", "2023-02-04", "Mercer Avenue", "Ivo Strand")
    second = _spokesman_report("sp-2", "2023-07-15", "Quarry Lane", "Ruben Oakes")
    follow_up = {"id": "sp-3", "date": "2023-03-20",
                 "title": "Coldbrook man shot on Mercer Avenue speaks",
                 "text": ("Ivo Strand, who was shot on Mercer Avenue in Coldbrook in February, "
                          "left hospital last week. Strand said he still did not know why he "
                          "was shot, and that his family had moved across town since. Sgt. "
                          "Nadia Pell said the case remained open: detectives were still "
                          "reviewing footage from shops along the avenue, and Pell asked "
                          "witnesses to come forward.")}
    assert doc(first).officials == ("nadia pell",) and "nadia pell" not in doc(first).people
    assert groups([first, second]) == [["sp-1"], ["sp-2"]]
    assert groups([first, second, follow_up]) == [["sp-1", "sp-3"], ["sp-2"]]


@pytest.mark.parametrize("days_apart, joins", [(0, True), (1, True), (3, False), (6, False)])
def test_sharing_only_a_town_joins_at_a_lower_score_the_same_day_or_the_next(days_apart, joins):
    # Two reports alike at 0.18 that share one rare name (a town's): enough for a report of
    # the same day or the next, not for one of a few days later (another incident of the town).
    stats = grouping.Stats()
    first = grouping.Features({}, {"elm": 1, "quenby": 1}, day=738000)
    weights = grouping.Weights({"bakery": 1.0}, {"elm": 0.6, "quenby": 0.8})
    stats.add(first)
    later = grouping.Features({}, {"elm": 1, "reyes": 1}, day=738000 + days_apart)
    mine = grouping.Weights({"fairground": 1.0}, {"elm": 0.6, "reyes": 0.8})
    assert grouping.similarity(mine, weights) == pytest.approx(0.18)
    placed = grouping.place(later, [grouping.Candidate(1, 7, first, weights)], stats, mine)
    assert (placed.event == 7) is joins
    if joins:
        assert placed.shared == ("elm",)


def test_the_sample_pages_on_one_flood_form_one_event(invoke):
    """The README's run: `ingest samples/` puts the two saved pages, which tell of one flood
    in one town a day apart in other words and from other outlets, in one event named for
    it; the tagged reports keep their tags."""
    from pathlib import Path
    samples = Path(__file__).resolve().parent.parent / "samples"
    assert invoke("ingest", "-q", "-j", "1", str(samples)).exit_code == 0
    events = listed(invoke, "events")
    assert [(e["name"], e["made"], e["reports"], e["auto"]) for e in events] == [
        ("kazakhstan-2022", "tag", 4, 0), ("kelva-flood-2023", "tag", 1, 0),
        ("oskeld-flood-2024-08-13", "auto", 2, 2)]


# The first Port Elm report again, from another outlet with one word changed: a copy.
PORT_ELM_COPY = {**PORT_ELM_1, "id": "pe-copy", "outlet": "Inland Post",
                 "text": PORT_ELM_1["text"].replace("early on Monday", "on Monday")}
PORT_ELM_TAGGED = {**PORT_ELM_2, "id": "pe-tag", "event": "harlow-street",
                   "text": PORT_ELM_2["text"].replace("twenty years", "two decades")}
# one report of each kind, in an order that makes every path of grouping run: a new event, a
# second one, page furniture, a copy, a join, a tagged copy, another event, a join by people
EVERY_KIND = [PORT_ELM_1, ASHBY_CREEK, SIGN_IN, PORT_ELM_COPY, PORT_ELM_2, PORT_ELM_TAGGED,
              VARROW_FLOOD, PORT_ELM_TRIAL]


def _grouping_rows(path) -> tuple[list, list, list]:
    db = open_db(str(path))
    return (db.execute("SELECT id, ref, event, copy_of, placed FROM reports "
                       "ORDER BY id").fetchall(),
            db.execute("SELECT id, name, made FROM events ORDER BY id").fetchall(),
            db.execute("SELECT report_id, how, score, closest, shared, terms, names "
                       "FROM report_grouping ORDER BY report_id").fetchall())


def test_an_ingest_finds_in_memory_what_the_database_would_give(tmp_path, invoke, monkeypatch):
    # Into an empty database, an ingest looks candidates and copies up among the reports it
    # holds in memory. Placed with every lookup in the database instead (a session that
    # ends after one report), the same reports give the same events, copies and reasons.
    # Keys are written every two reports, so that both ways read written and held keys.
    from claimtrack.event_store import EventPlacer
    from claimtrack.store import ReportWriter

    monkeypatch.setattr(ReportWriter, "SEARCH_BATCH", 2)
    feed = write_feed(tmp_path / "feed.jsonl", EVERY_KIND)
    assert invoke("--db", "memory.db", "ingest", "-q", "-j", "1", feed).exit_code == 0
    monkeypatch.setattr(EventPlacer, "SESSION_REPORTS", 0)
    assert invoke("--db", "database.db", "ingest", "-q", "-j", "1", feed).exit_code == 0
    in_memory = _grouping_rows(tmp_path / "memory.db")
    assert in_memory == _grouping_rows(tmp_path / "database.db")
    reports = {ref: (event, copy_of, placed) for _, ref, event, copy_of, placed in in_memory[0]}
    assert reports == {
        "pe-1": ("port-elm-shooting-2023-05-01", None, "auto"),
        "ac-1": ("ashby-creek-stabbing-2023-05-01", None, "auto"),
        "wall-1": ("event-2023-05-01", None, "auto"),
        "pe-copy": ("port-elm-shooting-2023-05-01", 1, "auto"),
        "pe-2": ("port-elm-shooting-2023-05-01", None, "auto"),
        # Tagged, it stays in its tag's event, and is still marked a copy of pe-2.
        "pe-tag": ("harlow-street", 5, "tag"),
        "vf-1": ("varrow-flood-2023-06-11", None, "auto"),
        # Months later, through the people it names: the event of the latest report on them.
        "pe-3": ("harlow-street", None, "auto")}


def test_an_ingest_that_forgets_its_parsed_reports_places_them_the_same(tmp_path, invoke,
                                                                        monkeypatch):
    # An ingest keeps each report it placed as a candidate, up to EventPlacer.CACHE of
    # them; past that it reads them back from report_grouping. With room for two only,
    # every later comparison reads some back: the same events, copies and reasons.
    from claimtrack.event_store import EventPlacer

    feed = write_feed(tmp_path / "feed.jsonl", EVERY_KIND)
    assert invoke("--db", "all.db", "ingest", "-q", "-j", "1", feed).exit_code == 0
    monkeypatch.setattr(EventPlacer, "CACHE", 2)
    assert invoke("--db", "two.db", "ingest", "-q", "-j", "1", feed).exit_code == 0
    kept = _grouping_rows(tmp_path / "all.db")
    assert kept == _grouping_rows(tmp_path / "two.db")
    assert [(ref, event, copy_of) for _, ref, event, copy_of, _ in kept[0]
            if ref.startswith("pe-")] == [
        ("pe-1", "port-elm-shooting-2023-05-01", None),
        ("pe-copy", "port-elm-shooting-2023-05-01", 1),
        ("pe-2", "port-elm-shooting-2023-05-01", None),
        ("pe-tag", "harlow-street", 5),
        ("pe-3", "harlow-street", None)]

def test_word_counts_are_written_in_batches_and_at_the_end(tmp_path, monkeypatch):
    # The blocking keys are written with every batch of reports; the word counts once
    # COUNTS_BATCH reports hold them, and the rest when the ingest ends.
    from claimtrack.event_store import EventPlacer
    from claimtrack.inputs import Meta, Report
    from claimtrack.store import ReportWriter

    monkeypatch.setattr(ReportWriter, "SEARCH_BATCH", 1)
    monkeypatch.setattr(EventPlacer, "COUNTS_BATCH", 3)
    db = open_db(str(tmp_path / "counts.db"))

    def counted() -> dict:
        return dict(db.execute("SELECT key, df FROM grouping_df WHERE key IN "
                               "('#', 'n:quenby', 'n:fenwick', 'n:wren')").fetchall())

    def keys() -> int:
        return db.execute("SELECT count(DISTINCT report_id) FROM grouping_names").fetchone()[0]

    seen = []
    with ReportWriter(db) as writer:
        for report in (PORT_ELM_1, ASHBY_CREEK, PORT_ELM_2, VARROW_FLOOD):
            writer.store(Report(report["text"], report["id"], report["id"], None,
                                Meta(title=report["title"], date=report["date"])), [])
            seen.append((counted(), keys()))
    assert seen == [({}, 1), ({}, 2),
                    ({"#": 3, "n:quenby": 2, "n:fenwick": 2, "n:wren": 1}, 3),
                    ({"#": 3, "n:quenby": 2, "n:fenwick": 2, "n:wren": 1}, 4)]
    assert counted() == {"#": 4, "n:quenby": 2, "n:fenwick": 2, "n:wren": 1}


def test_grouping_rows_wait_for_a_flush_and_are_read_from_memory_meanwhile(tmp_path,
                                                                          monkeypatch):
    # What grouping keeps of each report (report_grouping) is written with the blocking
    # keys, not in each report's own transaction. Until then a later report of the same
    # ingest finds it in memory, by date and by name, even when every lookup goes to the
    # database (no session) and the parsed reports are forgotten (a cache of one).
    from claimtrack.event_store import EventPlacer
    from claimtrack.inputs import Meta, Report
    from claimtrack.store import ReportWriter

    monkeypatch.setattr(ReportWriter, "SEARCH_BATCH", 1000)
    monkeypatch.setattr(EventPlacer, "SESSION_REPORTS", 0)
    monkeypatch.setattr(EventPlacer, "CACHE", 1)
    db = open_db(str(tmp_path / "rows.db"))

    def store(writer, report) -> int:
        return writer.store(Report(report["text"], report["id"], report["id"], None,
                                   Meta(title=report["title"], date=report["date"])), [])

    def rows() -> list:
        return db.execute("SELECT report_id, how, closest FROM report_grouping "
                          "ORDER BY report_id").fetchall()

    with ReportWriter(db) as writer:
        store(writer, ASHBY_CREEK)
    assert rows() == [(1, "new", None)]
    with ReportWriter(db) as writer:
        first, flood, second = (store(writer, r) for r in (PORT_ELM_1, VARROW_FLOOD, PORT_ELM_2))
        assert rows() == [(1, "new", None)]  # the new rows wait for the flush
    assert rows() == [(1, "new", None), (first, "new", None), (flood, "new", None),
                      (second, "similar", first)]
    events = dict(db.execute("SELECT id, event FROM reports").fetchall())
    assert events[first] == events[second] == "port-elm-shooting-2023-05-01"
    assert len({events[1], events[first], events[flood]}) == 3


def test_similarity_is_the_same_whatever_the_string_hashing():
    """Grouping is deterministic across runs: a cosine summed in a set's order would change
    with PYTHONHASHSEED, in the last digits, enough to cross a threshold."""
    import subprocess
    import sys

    code = ("from claimtrack.grouping import _cosine\n"
            "words = [f'w{i}' for i in range(400)]\n"
            "a = {w: round(1 / (i + 3), 3) for i, w in enumerate(words)}\n"
            "b = {w: round(1 / (i + 7), 3) for i, w in enumerate(reversed(words))}\n"
            "print(repr(_cosine(a, b)), repr(_cosine(b, a)))\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3", "4")}
    assert len(runs) == 1, runs
