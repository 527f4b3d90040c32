"""The engine-neutral mapper: report_from_object, extract_partition, the claim-row schema."""
from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path

import pytest

import claimtrack
from claimtrack import partition
from claimtrack.inputs import Meta, Rejection, Report, read_inputs
from claimtrack.models import claim_to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

OBJECTS = [
    {"id": "river-1", "outlet": "Valley Post", "date": "2021-03-02",
     "text": "Rescuers said 14 people drowned when the ferry capsized near Orlen."},
    {"title": "Strike", "text": "At least 300 workers walked out, the union said on Monday."},
    {"text": "The weather was mild and the markets were quiet."},
]


def test_report_from_object_reads_as_ingest_does(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(o) for o in OBJECTS) + "\n", encoding="utf-8")
    read = list(read_inputs([str(feed)]))
    made = [claimtrack.report_from_object(o, name=f"{feed}:{n}", path=feed)
            for n, o in enumerate(OBJECTS, 1)]
    assert made == read
    assert made[0].ref == "river-1" and made[1].ref == f"{feed}:2"


@pytest.mark.parametrize("obj, reason", [
    ([1, 2], 'expected a JSON object with "text", got an array'),
    ({"title": "x"}, 'no "text" string in this object'),
    ({"text": 12}, '"text" must be a string, got a number'),
    ({"text": "  "}, 'empty report: "text" is blank'),
    ({"text": "Five died.", "outlet": ["a"]}, '"outlet" must be a string, got an array'),
])
def test_report_from_object_rejects(obj, reason):
    assert claimtrack.report_from_object(obj, name="o") == Rejection("o", reason)


def test_partition_rows_equal_extract_output(invoke):
    result = invoke("extract", "-f", "jsonl", str(SAMPLES / "wire.jsonl"))
    assert result.exit_code == 0
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    with open(SAMPLES / "wire.jsonl", "rb") as f:
        rows = claimtrack.extract_partition(f, name=str(SAMPLES / "wire.jsonl"))
    assert expected and len(rows) == len(expected)
    for row, want in zip(rows, expected):
        assert row["rejection"] is None
        assert {k: v for k, v in row.items() if k not in ("key", "rejection")} == want
        assert isinstance(row["value"], float)


def test_key_is_the_hash_ingest_stores(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(o) for o in OBJECTS) + "\n", encoding="utf-8")
    assert invoke("--db", "t.db", "ingest", "--jobs", "1", str(feed)).exit_code == 0
    stored = dict(sqlite3.connect("t.db").execute("SELECT ref, sha256 FROM reports"))
    rows = claimtrack.extract_partition(OBJECTS, name=str(feed))
    assert {r["report"]: r["key"] for r in rows} == {
        "river-1": stored["river-1"], f"{feed}:2": stored[f"{feed}:2"]}
    # a reflowed copy of the same text has the same key
    again = claimtrack.extract_partition([{**OBJECTS[0], "text": OBJECTS[0]["text"].replace(
        " ", "\n  ")}])
    assert again[0]["key"] == stored["river-1"]


@pytest.mark.parametrize("item, report, reason", [
    ("{not json", "p:1", "invalid JSON: Expecting property name enclosed in double quotes "
                         "(column 2)"),
    ('{"text": null}', "p:1", 'no "text" string in this object'),
    ('["text"]', "p:1", 'expected a JSON object with "text", got an array'),
    (b'{"text": "caf\xe9 owners said 3 died"}', "p:1", None),  # Windows-1252, read as ingest
    ('{"text": "' + "9" * 5000 + ' died"}', "p:1", None),
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "p:1", "invalid JSON: nested too deeply"),
    (Rejection("a.txt", "binary file, not text"), "a.txt", "binary file, not text"),
])
def test_partition_never_raises(item, report, reason):
    rows = claimtrack.extract_partition([item], name="p")
    if reason is None:
        assert all(r["rejection"] is None for r in rows)
    else:
        assert rows == [partition.rejection_row(report, reason)]


def test_blank_lines_are_counted_not_rowed():
    lines = ["\n", '{"text": "Officials said 40 homes burned."}\n']
    rows = claimtrack.extract_partition(lines, name="f.jsonl", first_line=10)
    assert [(r["report"], r["figure"]) for r in rows] == [("f.jsonl:11", "40")]


def test_a_failing_report_becomes_a_rejection_row(monkeypatch):
    from claimtrack import inputs

    real = inputs.claim_rows_for

    def odd(report, lexicon=None):
        if "boom" in report.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(report, lexicon)

    monkeypatch.setattr(inputs, "claim_rows_for", odd)
    rows = claimtrack.extract_partition(
        [{"id": "a", "text": "The boom left 7 people hurt."},
         {"id": "b", "text": "Medics said 5 people were hurt."}])
    assert rows[0]["report"] == "a" and rows[0]["key"] and rows[0]["metric"] is None
    assert rows[0]["rejection"] == ("extraction failed: RecursionError: maximum recursion "
                                    "depth exceeded")
    assert [(r["report"], r["figure"], r["source"]) for r in rows[1:]] == [("b", "5", "Medics")]


def test_reports_from_read_inputs_are_mapped_too():
    items = read_inputs([str(SAMPLES / "update-2022-01-08.txt")])
    rows = claimtrack.extract_partition(items)
    assert rows and {r["report"] for r in rows} == {str(SAMPLES / "update-2022-01-08.txt")}


def test_figure_beyond_any_count_is_no_row_and_no_broken_row():
    # extraction drops a number above 10**15 as a figure (it counts nothing), so no row needs
    # a value that float64 or int64 cannot hold; the report's other figures stay
    rows = claimtrack.extract_partition(
        [{"id": "big", "text": "Officials said 900,000,000,000,000 trillion people fled. "
                               "Medics said 5 people were hurt."}])
    assert [(r["report"], r["figure"], r["rejection"]) for r in rows] == [("big", "5", None)]


def test_schema_declares_every_claim_field():
    report = Report(text="Police said 12 people were killed in Dovra.", name="r", ref="r",
                    path=None, meta=Meta(outlet="Daily"))
    from claimtrack.extract import extract_claims

    claim = extract_claims(report.text)[0]
    assert tuple(claim_to_dict(claim)) == partition.CLAIM_FIELDS
    assert partition.COLUMNS == ("key", *partition.CLAIM_FIELDS, "rejection")
    assert dict(claimtrack.CLAIM_ROW_SCHEMA)["value"] == "float64"


def test_arrow_schema_holds_claim_and_rejection_rows():
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (claimtrack[dask])")
    schema = claimtrack.claim_row_arrow_schema()
    assert schema.names == list(partition.COLUMNS)
    rows = claimtrack.extract_partition(
        [{"id": "a", "text": "Officials said 2.5 percent of 400 voters and 12 people left."},
         "{oops"], name="p")
    table = pa.Table.from_pylist(rows, schema=schema)
    assert table.to_pylist() == rows
    assert table.schema.field("value").type == pa.float64()


def test_lexicon_compiles_once_per_process(tmp_path):
    from claimtrack.extract import load_lexicon

    extra = tmp_path / "extra.toml"
    extra.write_text('[metrics.evacuated]\nafter = ["were bused out"]\n', encoding="utf-8")
    lex = load_lexicon(extra)
    copy = pickle.loads(pickle.dumps(lex))
    assert copy is not lex
    assert partition._compiled_once(lex) is partition._compiled_once(copy)
    assert partition._compiled_once(str(extra)) is partition._compiled_once(str(extra))
    rows = claimtrack.extract_partition(
        [{"id": "e", "text": "Officials said 60 families were bused out of the valley."}],
        lexicon=str(extra))
    assert [(r["figure"], r["metric"]) for r in rows] == [("60", "evacuated")]
