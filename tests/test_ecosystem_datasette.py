"""The Datasette plugin, through Datasette's own test client (skipped without Datasette)."""
from __future__ import annotations

import asyncio
import json
import re
import sqlite3

import pytest

pytest.importorskip("datasette")
from datasette.app import Datasette  # noqa: E402

REPORT_1 = """---
title: Dam breach floods the lower valley
outlet: Valley Courier
date: 2025-05-02
event: valley-flood
---
The Interior Ministry said 9 people were killed when the dam gave way.
"""
REPORT_2 = """---
title: Valley toll rises
outlet: River Post
date: 2025-05-02
event: valley-flood
---
The regional hospital said 15 people were killed in the flood.
"""


@pytest.fixture
def flood(invoke, tmp_path):
    (tmp_path / "one.md").write_text(REPORT_1)
    (tmp_path / "two.md").write_text(REPORT_2)
    result = invoke("--db", "flood.db", "ingest", "one.md", "two.md")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "flood.db"


def fetch(paths: list[str], *files) -> list:
    """GET each path from one Datasette over ``files``: JSON as data, HTML as text."""

    async def run():
        datasette = Datasette([str(f) for f in files])
        await datasette.invoke_startup()
        out = []
        for path in paths:
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            out.append(response.json() if ".json" in path else response.text)
        return out

    return asyncio.run(run())


def columns_shown(html: str) -> list[str]:
    """The table's column headers, in order (facets and filters aside)."""
    table = html[html.index('<table class="rows-and-columns">'):]
    table = table[:table.index("</thead>")]
    return re.findall(r'<th [^>]*data-column="([^"]+)"', table)


def test_the_plugin_is_registered_by_its_entry_point(flood):
    (plugins,) = fetch(["/-/plugins.json"], flood)
    mine = next(p for p in plugins if p["name"] == "claimtrack")
    assert set(mine["hooks"]) == {"asgi_wrapper", "get_metadata", "prepare_connection",
                                  "render_cell"}


def test_internal_tables_are_hidden(flood):
    (database,) = fetch(["/flood.json"], flood)
    hidden = {t["name"]: t["hidden"] for t in database["tables"]}
    internal = ("_sqlite_migrations", "search_backlog", "settings", "grouping_anchors",
                "grouping_df", "grouping_names")
    assert [n for n in internal if hidden[n]] == list(internal)
    shown = ("claims", "reports", "sources", "chain_links", "lexicons", "events",
             "report_grouping", "event_decisions")
    assert [n for n in shown if not hidden[n]] == list(shown)
    assert {n for n, h in hidden.items() if h} >= {"claims_fts", "reports_fts"}


def test_columns_come_figure_source_sentence_first(flood):
    claims, view, chosen, data = fetch(
        ["/flood/claims", "/flood/claims_view", "/flood/claims?_col=metric",
         "/flood/claims.json"], flood)
    assert columns_shown(claims)[:5] == ["id", "figure", "source", "sentence", "metric"]
    assert ('<div style="min-width: 24em">The regional hospital said 15 people were killed in '
            'the flood.</div>') in claims
    assert len(columns_shown(claims)) == len(data["columns"])  # every column, reordered
    assert columns_shown(view)[:4] == ["claim", "figure", "source", "sentence"]
    assert columns_shown(chosen) == ["id", "metric"]  # a choice of columns is the user's
    assert data["columns"][:3] == ["id", "report_id", "metric"]  # the JSON API is left alone


def test_ids_show_their_labels(flood):
    row, table, labels = fetch(["/flood/claims/1", "/flood/claims_view",
                                "/flood/claims.json?_labels=on&_shape=array"], flood)
    assert '<a href="/flood/reports/1">Dam breach floods the lower valley</a>&nbsp;<em>1</em>' in row
    assert re.search(r'<a href="/flood/sources/\d+">Interior Ministry</a>', row)
    assert '<a href="/flood/claims/2">2</a>' in table  # the view's claim numbers link
    assert [r["report_id"]["label"] for r in labels] == ["Dam breach floods the lower valley",
                                                          "Valley toll rises"]
    assert labels[0]["source_id"]["label"] == "Interior Ministry"


def test_facets_by_event_metric_and_source_kind(flood):
    (view,) = fetch(["/flood/claims_view.json?_size=0"], flood)
    facets = view["facet_results"]
    facets = facets.get("results", facets)
    assert set(facets) == {"event", "metric", "source_kind"}
    assert [(v["value"], v["count"]) for v in facets["event"]["results"]] == [("valley-flood", 2)]
    assert sorted(v["value"] for v in facets["source_kind"]["results"]) == ["government", "medical"]


def test_canned_queries(flood):
    conflicts, hospital, none = fetch([
        "/flood/conflicts_of_an_event.json?event=valley-flood&_shape=array",
        "/flood/claims_of_a_source.json?source=Hospital&_shape=array",  # any case
        "/flood/conflicts_of_an_event.json?event=elsewhere&_shape=array",
    ], flood)
    assert [(r["verdict"], r["contradicted"]) for r in conflicts] == [("contradiction", 1)] * 2
    assert [(r["figure"], r["source"], r["sentence"]) for r in conflicts] == [
        ("9", "Interior Ministry",
         "The Interior Ministry said 9 people were killed when the dam gave way."),
        ("15", "regional hospital",
         "The regional hospital said 15 people were killed in the flood.")]
    assert [(r["claim"], r["figure"], r["outlet"]) for r in hospital] == [(2, "15", "River Post")]
    assert none == []


def test_other_databases_are_left_alone(flood, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY, sentence TEXT, figure TEXT)")
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT)")
    conn.execute("INSERT INTO claims VALUES (1, 'A sentence.', '3')")
    conn.commit()
    conn.close()
    database, claims, row = fetch(["/other.json", "/other/claims", "/other/claims/1"],
                                  other, flood)
    assert not any(t["hidden"] for t in database["tables"])
    assert columns_shown(claims) == ["id", "sentence", "figure"]
    assert "conflicts_of_an_event" not in json.dumps(database)


def test_verdicts_follow_the_database(flood, invoke, tmp_path):
    """An update by the same origin supersedes its figure: the verdict is computed again."""
    query = "/flood/conflicts_of_an_event.json?event=valley-flood&_shape=array"
    (before,) = fetch([query], flood)
    assert {r["verdict"] for r in before} == {"contradiction"}
    (tmp_path / "three.md").write_text(REPORT_2.replace("2025-05-03", "2025-05-04").replace(
        "Valley toll rises", "Ministry revises toll").replace(
        "The regional hospital said 15", "The Interior Ministry said 15"))
    assert invoke("--db", "flood.db", "ingest", "three.md").exit_code == 0
    (after,) = fetch([query], flood)
    assert [(r["figure"], r["source"], r["contradicted"]) for r in after] == [
        ("9", "Interior Ministry", 0), ("15", "regional hospital", 0),
        ("15", "Interior Ministry", 0)]
    assert {r["verdict"] for r in after} == {"agree"}
