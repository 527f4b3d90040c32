"""`claimtrack export`: rows for other tools, and schema.org Claim objects as JSON-LD."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimtrack.db import export_claims, list_claims, open_db, store_report
from claimtrack.export import CONTEXT, claim_object, claimreview
from claimtrack.inputs import Meta, Report
from conftest import make_claim

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "html"
T1 = ("The clashes left 12 police officers dead, according to Khabar-24, which cites the "
      "command. Dozens of assailants were killed, Saltanat Azirbek told reporters. "
      "The fighting went on for six hours.")
T2 = "Eight police officers were killed, the Interior Ministry said. 300 people were hurt."
CHAIN_12 = (("Khabar-24", "media", "according to"), ("command", "military", "cites"))


def at(text: str, sentence: str, figure: str, **kwargs) -> dict:
    """make_claim for ``figure`` in one ``sentence`` of ``text``, offsets into the text."""
    row = make_claim(sentence, figure, **kwargs)
    shift = text.index(sentence)
    row.update(start=row["start"] + shift, end=row["end"] + shift)
    return row


@pytest.fixture
def stored(tmp_path) -> Path:
    path = tmp_path / "export.db"
    db = open_db(path)
    s1, s2, s3 = (s + "." for s in T1.split(". ") if s)
    s3 = s3.rstrip(".")
    store_report(db, Report(T1, "a.txt", "a.txt", "a.txt", Meta(
        title="Clashes in Almaty", outlet="Caspian Daily", date="2022-01-06",
        url="https://caspian.example/a", event="kz")), [
        at(T1, s1, "12", subject_group="police", location="Almaty", chain=CHAIN_12),  # 1
        at(T1, s2, "Dozens", value=24, low=24, high=99, qualifier="vague",
           subject_group="assailants", chain=(("Saltanat Azirbek", "person", "told"),)),  # 2
        at(T1, s3, "six", value=6, metric="other", outlet="Caspian Daily"),  # 3
    ])
    first, second = T2.split(". ")
    store_report(db, Report(T2, "b.txt", "b.txt", "b.txt", Meta(date="2022-01-07", event="kz")), [
        at(T2, first + ".", "Eight", value=8, subject_group="police",
           chain=(("Interior Ministry", "government", "said"),)),  # 4
        at(T2, second, "300", metric="injured"),  # 5: no source, no outlet
    ])
    db.close()
    return path


def check_agent(agent: dict) -> None:
    assert agent["@type"] in {"Person", "Organization"}
    assert isinstance(agent["name"], str) and agent["name"]
    assert isinstance(agent["description"], str) and agent["description"]


def check_claim(claim: dict) -> None:
    """The shape a fact-checker's ClaimReview can point its itemReviewed at."""
    assert claim["@type"] == "Claim"
    assert claim["@id"] == f"#claim-{claim['identifier']}"
    assert isinstance(claim["text"], str) and claim["text"]
    about = claim["about"]
    assert about["@type"] == "QuantitativeValue" and isinstance(about["name"], str)
    assert isinstance(about["value"], int) and isinstance(about["minValue"], int)
    assert set(about) <= {"@type", "name", "value", "minValue", "maxValue", "unitText",
                          "description"}
    if "author" in claim:
        check_agent(claim["author"])
    work = claim["appearance"]
    assert work["@type"] in {"NewsArticle", "CreativeWork"}
    for key in ("url", "headline", "datePublished", "identifier"):
        assert isinstance(work.get(key, ""), str)
    if work["@type"] == "NewsArticle":
        assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]
    for position, work in enumerate(claim.get("citation", []), 2):
        assert work["@type"] == "CreativeWork" and work["position"] == position
        check_agent(work["author"])


def check_document(document: dict) -> list[dict]:
    """Validate a claimreview document; returns its claims in order."""
    assert document["@context"] == CONTEXT == "https://schema.org"
    claims = []
    for group in document["@graph"]:
        assert group["@type"] == "ItemList" and group["@id"].startswith("#group-")
        assert isinstance(group["name"], str) and isinstance(group["description"], str)
        items = group["itemListElement"]
        assert group["numberOfItems"] == len(items) > 0
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        for item in items:
            assert item["@type"] == "ListItem"
            check_claim(item["item"])
            claims.append(item["item"])
    return claims


def test_claimreview_groups_claims_as_conflicts_does(stored):
    document = claimreview(export_claims(open_db(stored, create=False)))
    claims = check_document(document)
    assert sorted(int(c["identifier"]) for c in claims) == [1, 2, 3, 4, 5]  # each once
    assert [(g["name"], g["description"], [i["item"]["identifier"] for i in g["itemListElement"]])
            for g in document["@graph"]] == [
        ("killed (kz)", "contradiction: 3 claims from 3 independent origins", ["2", "1", "4"]),
        ("injured (kz)", "no conflict: 1 claim", ["5"]),
        ("other (kz)", "no conflict: 1 claim", ["3"]),
    ]


def test_claim_object_fields(stored):
    rows = {r["id"]: r for r in export_claims(open_db(stored, create=False))}
    twelve = claim_object(rows[1])
    assert twelve == {
        "@type": "Claim",
        "@id": "#claim-1",
        "identifier": "1",
        "text": "The clashes left 12 police officers dead, according to Khabar-24, which cites "
                "the command.",
        "about": {"@type": "QuantitativeValue", "name": "12", "value": 12, "minValue": 12,
                  "maxValue": 12, "description": "killed: police"},
        "author": {"@type": "Organization", "name": "Khabar-24", "description": "media"},
        "appearance": {"@type": "NewsArticle", "identifier": "1",
                       "url": "https://caspian.example/a", "headline": "Clashes in Almaty",
                       "datePublished": "2022-01-06",
                       "publisher": {"@type": "Organization", "name": "Caspian Daily"}},
        "spatialCoverage": {"@type": "Place", "name": "Almaty"},
        "citation": [{"@type": "CreativeWork", "position": 2, "description": "cites",
                      "author": {"@type": "Organization", "name": "command",
                                 "description": "military"}}],
    }
    assert claim_object(rows[2])["author"] == {"@type": "Person", "name": "Saltanat Azirbek",
                                               "description": "person"}
    assert claim_object(rows[2])["about"]["maxValue"] == 99
    assert claim_object(rows[3])["author"] == {"@type": "Organization", "name": "Caspian Daily",
                                               "description": "outlet"}
    # No source and no outlet: no author; a report without an outlet is no NewsArticle.
    unattributed = claim_object(rows[5])
    assert "author" not in unattributed and "citation" not in unattributed
    assert unattributed["appearance"] == {"@type": "CreativeWork", "identifier": "2",
                                          "datePublished": "2022-01-07"}


def test_unbounded_figure_has_no_max_value():
    row = {"id": 9, "report": 1, "figure": "over a thousand", "value": 1000, "low": 1001,
           "high": None, "metric": "injured", "subject_group": "people", "sentence": "…",
           "chain": []}
    about = claim_object(row)["about"]
    assert about["minValue"] == 1001 and "maxValue" not in about
    assert claimreview([]) == {"@context": "https://schema.org", "@graph": []}


def test_export_rows_carry_claim_source_and_report(stored):
    rows = list(export_claims(open_db(stored, create=False)))
    listed = list(list_claims(open_db(stored, create=False), include_other=True))
    assert [r["id"] for r in rows] == [r["id"] for r in listed] == [1, 2, 3, 4, 5]
    for row, claim in zip(rows, listed):
        assert {k: row[k] for k in claim} == claim  # every `claims` field, same values
    assert list(rows[0])[-7:] == ["source_key", "origin_key", "outlet", "date", "title", "url",
                                  "ref"]
    assert (rows[0]["url"], rows[0]["ref"], rows[0]["source_key"], rows[0]["origin_key"]) == (
        "https://caspian.example/a", "a.txt", "khabar-24", "command")
    assert [r["id"] for r in export_claims(open_db(stored, create=False), event="other")] == []


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_export_command_rows(invoke, stored, fmt):
    result = invoke("export", "--db", str(stored), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        rows = json.loads(result.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout),
                                   delimiter="," if fmt == "csv" else "\t"))
    assert [str(r["id"]) for r in rows] == ["1", "2", "3", "4", "5"]
    assert [r["metric"] for r in rows] == ["killed", "killed", "other", "killed", "injured"]
    assert [r["outlet"] or None for r in rows] == ["Caspian Daily"] * 3 + [None, None]
    chain = rows[0]["chain"] if fmt.startswith("json") else json.loads(rows[0]["chain"])
    assert [link["name"] for link in chain] == ["Khabar-24", "command"]


def test_export_default_is_json_and_claimreview_is_one_document(invoke, stored):
    assert [r["id"] for r in json.loads(invoke("export", "--db", str(stored)).stdout)] == [
        1, 2, 3, 4, 5]
    result = invoke("export", "--db", str(stored), "-f", "ClaimReview", "--event", "kz")
    assert result.exit_code == 0, result.stderr
    assert len(check_document(json.loads(result.stdout))) == 5


def test_export_errors(invoke, tmp_path):
    result = invoke("export", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3 and "no database" in result.stderr
    result = invoke("export", "-f", "xml")
    assert result.exit_code == 2


def test_html_pages_to_claimreview_end_to_end(invoke):
    assert invoke("ingest", str(SAMPLES), "--event", "oskeld-flood").exit_code == 0
    ids = {c["id"] for c in json.loads(invoke("claims", "--all", "-f", "json").stdout)}
    document = json.loads(invoke("export", "-f", "claimreview").stdout)
    claims = check_document(document)
    assert sorted(int(c["identifier"]) for c in claims) == sorted(ids)
    killed = next(g for g in document["@graph"] if g["name"] == "killed (oskeld-flood)")
    assert killed["description"].startswith("contradiction: ")
    nineteen = next(i["item"] for i in killed["itemListElement"]
                    if i["item"]["about"]["name"] == "Nineteen")
    assert nineteen["author"] == {"@type": "Organization", "name": "Interior Ministry",
                                  "description": "government"}
    assert nineteen["appearance"]["publisher"]["name"] == "Northgate News"
    assert nineteen["appearance"]["url"] == "https://northgate.example/world/oskeld-flood-toll-rises"
