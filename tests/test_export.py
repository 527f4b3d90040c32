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


def check_claim(claim: dict, base: str = "") -> None:
    """The shape a fact-checker's ClaimReview can point its itemReviewed at."""
    assert claim["@type"] == "Claim"
    assert claim["@id"] == f"{base}#claim-{claim['identifier']}"
    assert isinstance(claim["text"], str) and claim["text"]
    about = claim["about"]
    assert about["@type"] == "QuantitativeValue" and isinstance(about["name"], str)
    assert set(about) <= {"@type", "name", "value", "minValue", "maxValue", "unitText",
                          "description"}
    # a number, or an interval: never both, so that no value lies outside its interval
    if "value" in about:
        assert isinstance(about["value"], int) and not {"minValue", "maxValue"} & set(about)
    else:
        assert isinstance(about["minValue"], int)
        assert about["minValue"] <= about.get("maxValue", about["minValue"])
    check_agent(claim["author"])  # always: the origin, else the outlet
    if "datePublished" in claim:
        assert claim["datePublished"] == claim["appearance"]["datePublished"]
    work = claim["appearance"]
    assert work["@type"] in {"NewsArticle", "CreativeWork"}
    for key in ("url", "headline", "datePublished", "identifier"):
        assert isinstance(work.get(key, ""), str)
    if work["@type"] == "NewsArticle":
        assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]
    for position, work in enumerate(claim.get("citation", []), 1):
        assert work["@type"] == "CreativeWork" and work["position"] == position
        check_agent(work["author"])


def check_document(document: dict, base: str = "") -> list[dict]:
    """Validate a schema document; returns its claims in order."""
    assert document["@context"] == CONTEXT == "https://schema.org"
    claims = []
    for group in document["@graph"]:
        assert group["@type"] == "ItemList" and group["@id"].startswith(f"{base}#group-")
        assert isinstance(group["name"], str) and isinstance(group["description"], str)
        items = group["itemListElement"]
        assert group["numberOfItems"] == len(items) > 0
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        for item in items:
            assert item["@type"] == "ListItem"
            check_claim(item["item"], base)
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
        "datePublished": "2022-01-06",
        "about": {"@type": "QuantitativeValue", "name": "12", "value": 12,
                  "description": "killed: police"},
        "author": {"@type": "Organization", "name": "command", "description": "military"},
        "appearance": {"@type": "NewsArticle", "identifier": "1",
                       "url": "https://caspian.example/a", "headline": "Clashes in Almaty",
                       "datePublished": "2022-01-06",
                       "publisher": {"@type": "Organization", "name": "Caspian Daily"}},
        "spatialCoverage": {"@type": "Place", "name": "Almaty"},
        "citation": [{"@type": "CreativeWork", "position": 1, "description": "according to",
                      "author": {"@type": "Organization", "name": "Khabar-24",
                                 "description": "media"}}],
    }
    assert claim_object(rows[2])["author"] == {"@type": "Person", "name": "Saltanat Azirbek",
                                               "description": "person"}
    assert claim_object(rows[2])["about"] == {
        "@type": "QuantitativeValue", "name": "Dozens", "minValue": 24, "maxValue": 99,
        "description": "killed: assailants"}
    assert claim_object(rows[3])["author"] == {"@type": "Organization", "name": "Caspian Daily",
                                               "description": "outlet"}
    # No source and no outlet: an author all the same; a report without an outlet is no
    # NewsArticle.
    unattributed = claim_object(rows[5])
    assert unattributed["author"] == {"@type": "Organization", "name": "unnamed outlet",
                                      "description": "outlet"}
    assert "citation" not in unattributed
    assert unattributed["appearance"] == {"@type": "CreativeWork", "identifier": "2",
                                          "datePublished": "2022-01-07"}
    assert claim_object({**rows[5], "url": "https://wire.example/kz/1"})["author"] == {
        "@type": "Organization", "name": "wire.example", "url": "https://wire.example",
        "description": "outlet"}
    assert claim_object({**rows[5], "outlet": "Steppe Wire"})["author"] == {
        "@type": "Organization", "name": "Steppe Wire", "description": "outlet"}


@pytest.mark.parametrize("figure, value, low, high, expected", [
    ("14", 14, 14, 14, {"value": 14}),
    ("over a thousand", 1000, 1001, None, {"minValue": 1001}),  # open: no maxValue
    ("More than 30", 30, 31, None, {"minValue": 31}),  # no value 30 below its minValue
    ("at least 26", 26, 26, None, {"minValue": 26}),
    ("up to 50", 50, 0, 50, {"minValue": 0, "maxValue": 50}),
    ("between 40 and 60", 40, 40, 60, {"minValue": 40, "maxValue": 60}),
    ("about 100", 100, 90, 110, {"minValue": 90, "maxValue": 110}),
    ("nearly 10", 10, 9, 10, {"minValue": 9, "maxValue": 10}),
    ("hundreds", 200, 200, 999, {"minValue": 200, "maxValue": 999}),
    ("a dozen", 12, 12, 12, {"value": 12}),
    ("12%", 12, None, None, {"value": 12}),  # no interval stored: the number as stated
])
def test_a_figure_is_a_value_or_an_interval(figure, value, low, high, expected):
    row = {"id": 9, "report": 1, "figure": figure, "value": value, "low": low, "high": high,
           "metric": "injured", "sentence": "…", "chain": []}
    about = claim_object(row)["about"]
    assert about == {"@type": "QuantitativeValue", "name": figure, "description": "injured",
                     **expected}
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


def test_export_default_is_json_and_schema_is_one_document(invoke, stored):
    assert [r["id"] for r in json.loads(invoke("export", "--db", str(stored)).stdout)] == [
        1, 2, 3, 4, 5]
    result = invoke("export", "--db", str(stored), "-f", "schema", "--event", "kz")
    assert result.exit_code == 0, result.stderr
    assert len(check_document(json.loads(result.stdout))) == 5
    # the former name is an alias: the same document
    alias = invoke("export", "--db", str(stored), "-f", "ClaimReview", "--event", "kz")
    assert (alias.exit_code, alias.stdout) == (0, result.stdout)


def test_base_makes_every_id_absolute(invoke, stored):
    base = "https://data.example/kz/claims.jsonld"
    result = invoke("export", "--db", str(stored), "-f", "schema", "--base", base)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    claims = check_document(document, base)
    assert claims[0]["@id"] == f"{base}#claim-2"
    assert document["@graph"][0]["@id"] == f"{base}#group-1"
    again = invoke("export", "--db", str(stored), "-f", "schema", "--base", base + "#top")
    assert again.stdout == result.stdout  # a fragment in the base is dropped


@pytest.mark.parametrize("args, message", [
    (["-f", "schema", "--base", "claims.jsonld"], "--base must be an absolute http(s) URL"),
    (["-f", "schema", "--base", "ftp://host/x"], "--base must be an absolute http(s) URL"),
    (["-f", "csv", "--base", "https://data.example/"], "--base applies to -f schema only"),
])
def test_base_errors(invoke, stored, args, message):
    result = invoke("export", "--db", str(stored), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {message}")


def test_export_errors(invoke, tmp_path):
    result = invoke("export", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3 and "no database" in result.stderr
    result = invoke("export", "-f", "xml")
    assert result.exit_code == 2


def test_html_pages_to_claimreview_end_to_end(invoke):
    assert invoke("ingest", str(SAMPLES), "--event", "oskeld-flood").exit_code == 0
    ids = {c["id"] for c in json.loads(invoke("claims", "--all", "-f", "json").stdout)}
    document = json.loads(invoke("export", "-f", "schema").stdout)
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


# What schema.org allows on each type used (its domains), for the expanded document: Thing's
# properties on all; CreativeWork's on Claim and NewsArticle, which are CreativeWorks.
SCHEMA = "https://schema.org/"
THING = {"name", "description", "identifier", "url"}
CREATIVE_WORK = THING | {"about", "author", "citation", "datePublished", "headline", "position",
                         "publisher", "spatialCoverage", "text"}
ALLOWED = {
    "Claim": CREATIVE_WORK | {"appearance"},
    "CreativeWork": CREATIVE_WORK,
    "NewsArticle": CREATIVE_WORK,
    "ItemList": THING | {"itemListElement", "numberOfItems"},
    "ListItem": THING | {"item", "position"},
    "QuantitativeValue": THING | {"value", "minValue", "maxValue", "unitText"},
    "Organization": THING,
    "Person": THING | {"jobTitle"},
    "Place": THING,
}
CONTEXT_FILE = Path(__file__).resolve().parent / "fixtures" / "schema-context.jsonld"


def expand(document: dict, base: str) -> list[dict]:
    """The document expanded by pyld against the schema.org context of tests/fixtures (a
    minimal one, written for these tests: only the terms the export uses)."""
    from pyld import jsonld

    context = json.loads(CONTEXT_FILE.read_text())

    def loader(url, options=None):
        assert url.rstrip("/") == CONTEXT, url  # nothing else is fetched, nothing from the web
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": context}

    return jsonld.expand(document, {"documentLoader": loader, "base": base})


def leaves(node) -> int:
    """How many plain values (strings, numbers, IRIs) a JSON-LD tree holds; node ids, types
    and the context aside."""
    if isinstance(node, dict):
        if list(node) == ["@id"]:  # an IRI value: a url
            return 1
        return sum(leaves(v) for k, v in node.items() if k not in ("@type", "@id", "@context"))
    if isinstance(node, list):
        return sum(leaves(v) for v in node)
    return 1


def typed_nodes(node):
    if isinstance(node, dict):
        if "@type" in node and "@value" not in node:
            yield node
        for value in node.values():
            yield from typed_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from typed_nodes(value)


def check_expanded(document: dict, base: str) -> list[dict]:
    expanded = expand(document, base)
    # every value survives: a term missing from the context would be dropped by expansion
    assert leaves(expanded) == leaves(document) > 0
    nodes = list(typed_nodes(expanded))
    for node in nodes:
        (kind,) = node["@type"]
        assert kind.startswith(SCHEMA) and kind[len(SCHEMA):] in ALLOWED, kind
        properties = {p[len(SCHEMA):] for p in node if not p.startswith("@")}
        assert all(p for p in node if not p.startswith("@") and p.startswith(SCHEMA))
        assert properties <= ALLOWED[kind[len(SCHEMA):]], (kind, properties)
    return nodes


def test_schema_export_expands_against_the_schema_org_context(invoke, stored):
    base = "https://data.example/kz/claims.jsonld"
    document = json.loads(invoke("export", "--db", str(stored), "-f", "schema").stdout)
    nodes = check_expanded(document, base)
    claims = [n for n in nodes if n["@type"] == [SCHEMA + "Claim"]]
    assert sorted(n["@id"] for n in claims) == [f"{base}#claim-{i}" for i in range(1, 6)]
    twelve = next(n for n in claims if n["@id"].endswith("#claim-1"))
    author = twelve[SCHEMA + "author"][0]
    assert (author["@type"], author[SCHEMA + "name"]) == ([SCHEMA + "Organization"],
                                                          [{"@value": "command"}])
    assert twelve[SCHEMA + "datePublished"] == [{"@type": SCHEMA + "Date",
                                                 "@value": "2022-01-06"}]
    relay = twelve[SCHEMA + "citation"][0][SCHEMA + "author"][0]
    assert relay[SCHEMA + "name"] == [{"@value": "Khabar-24"}]


def test_real_pages_expand_against_the_schema_org_context(invoke):
    assert invoke("ingest", str(SAMPLES)).exit_code == 0
    base = "https://data.example/oskeld.jsonld"
    document = json.loads(invoke("export", "-f", "schema", "--base", base).stdout)
    nodes = check_expanded(document, "https://elsewhere.example/")
    claims = [n for n in nodes if n["@type"] == [SCHEMA + "Claim"]]
    assert len(claims) == len(json.loads(invoke("claims", "--all", "-f", "json").stdout)) > 5
    assert all(n["@id"].startswith(base + "#claim-") for n in claims)
    for claim in claims:  # no value outside its interval: a value, or an interval
        about = claim[SCHEMA + "about"][0]
        assert (SCHEMA + "value" in about) != (SCHEMA + "minValue" in about)


def test_the_expansion_check_catches_a_term_schema_org_lacks(invoke, stored):
    """The checks above can fail: an unknown property is dropped, a misplaced one refused."""
    document = json.loads(invoke("export", "--db", str(stored), "-f", "schema").stdout)
    claim = document["@graph"][0]["itemListElement"][0]["item"]
    claim["figureText"] = "12"
    with pytest.raises(AssertionError):
        check_expanded(document, "https://data.example/")
    del claim["figureText"]
    claim["about"]["headline"] = "12"  # a CreativeWork property on a QuantitativeValue
    with pytest.raises(AssertionError):
        check_expanded(document, "https://data.example/")
