"""Exports: claim rows shaped as schema.org ``Claim`` objects in JSON-LD. Pure: no I/O, no SQL.

The JSON-LD is what a fact-checker starts a ClaimReview from (https://schema.org/ClaimReview
takes a ``Claim`` as its ``itemReviewed``): each figure's sentence as the claim's ``text``,
who the report says makes it as its ``author``, the report as its ``appearance``, and the
rest of the attribution chain as ``citation``. Claims are grouped the way ``claimtrack
conflicts`` groups them, one ``ItemList`` per (event, metric) with its verdict, so that the
figures that disagree sit next to each other.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from enum import Enum

__all__ = ["CONTEXT", "ExportFormat", "PERSON_KINDS", "claim_object", "claimreview",
           "json_ld_text"]

CONTEXT = "https://schema.org"
# Source kinds (SPEC §5) that name people; every other kind is an organisation or a body.
PERSON_KINDS = frozenset({"person"})


class ExportFormat(str, Enum):
    """Formats of ``claimtrack export``: rows as ``render`` writes them, or JSON-LD."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    claimreview = "claimreview"


def claimreview(rows: Iterable[Mapping]) -> dict:
    """One JSON-LD document holding every claim of ``rows`` as a schema.org ``Claim``.

    ``rows`` are claim rows as ``db.export_claims`` gives them. The document's ``@graph``
    holds one ``ItemList`` per group: first the conflict groups of ``find_conflicts`` (every
    (event, metric) in which at least two sources give figures, agreeing ones and superseded
    figures included, each list named with its verdict), then one list per remaining
    (event, metric) — a figure only one source gives, or metric ``other`` — so that every
    claim appears exactly once.
    """
    from .conflicts import find_conflicts

    rows = list(rows)
    by_id = {row["id"]: row for row in rows}
    graph: list[dict] = []
    placed: set[int] = set()
    for group in find_conflicts(rows, include_all=True, history=True):
        members = [by_id[c.claim] for c in group.claims if c.claim in by_id]
        placed.update(row["id"] for row in members)
        graph.append(_item_list(
            f"group-{group.group}", group.event, group.metric, members,
            f"{group.verdict}: {_count(len(members), 'claim')} from "
            f"{_count(group.voices, 'independent origin')}",
        ))
    rest: dict[tuple[str, str], list[Mapping]] = {}
    for row in rows:
        if row["id"] not in placed:
            rest.setdefault((row.get("event") or "default", row.get("metric") or "other"),
                            []).append(row)
    for index, ((event, metric), members) in enumerate(sorted(rest.items()), len(graph) + 1):
        graph.append(_item_list(f"group-{index}", event, metric, members,
                                f"no conflict: {_count(len(members), 'claim')}"))
    return {"@context": CONTEXT, "@graph": graph}


# JSON-LD is embedded in pages inside <script type="application/ld+json">: a "</script>" or
# "<!--" in a title or a sentence would end the script, and what follows would be HTML.
# JSON may write any character as \uXXXX, and these characters occur only inside strings.
_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld_text(document: Mapping) -> str:
    """``document`` as JSON text that is safe inside an HTML ``<script>`` element: ``<``,
    ``>`` and ``&`` (and U+2028/2029, line ends in older JavaScript) as ``\\u`` escapes.
    It parses back to the same document."""
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_IN_SCRIPT)


def claim_object(row: Mapping) -> dict:
    """One claim row as a schema.org ``Claim`` (without ``@context``)."""
    claim: dict = {
        "@type": "Claim",
        "@id": f"#claim-{row['id']}",
        "identifier": str(row["id"]),
        "text": row.get("sentence") or row.get("figure"),
        "about": _quantity(row),
    }
    chain = list(row.get("chain") or ())
    if chain:
        claim["author"] = _agent(chain[0])
    appearance = _appearance(row)
    if appearance:
        claim["appearance"] = appearance
    if row.get("location"):
        claim["spatialCoverage"] = {"@type": "Place", "name": row["location"]}
    if len(chain) > 1:
        # The links behind the source, each its own statement: "Khabar-24 cites the command".
        claim["citation"] = [
            _drop_none({"@type": "CreativeWork", "position": position,
                        "author": _agent(link), "description": link.get("cue")})
            for position, link in enumerate(chain[1:], 2)
        ]
    return claim


def _item_list(ident: str, event: str, metric: str, members: list[Mapping],
               description: str) -> dict:
    return {
        "@type": "ItemList",
        "@id": f"#{ident}",
        "name": f"{metric} ({event})",
        "description": description,
        "numberOfItems": len(members),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "item": claim_object(row)}
            for position, row in enumerate(members, 1)
        ],
    }


def _agent(link: Mapping) -> dict:
    """A chain link as a ``Person`` or an ``Organization``; its kind as the description."""
    kind = link.get("kind") or "unattributed"
    return _drop_none({
        "@type": "Person" if kind in PERSON_KINDS else "Organization",
        "name": link.get("name") or link.get("text"),
        "description": kind,
        "jobTitle": link.get("role") if kind in PERSON_KINDS else None,
    })


def _appearance(row: Mapping) -> dict | None:
    """The report the claim appears in: a ``NewsArticle`` when an outlet published it."""
    outlet = row.get("outlet")
    work = _drop_none({
        "@type": "NewsArticle" if outlet else "CreativeWork",
        "identifier": str(row["report"]) if row.get("report") is not None else None,
        "url": row.get("url"),
        "headline": row.get("title"),
        "datePublished": row.get("date"),
        "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
    })
    return work if len(work) > 1 else None


def _quantity(row: Mapping) -> dict:
    """The figure as a ``QuantitativeValue``: as written, best value, and the interval."""
    what = ": ".join(w for w in (row.get("metric"), row.get("subject_group")) if w)
    return _drop_none({
        "@type": "QuantitativeValue",
        "name": row.get("figure"),
        "value": row.get("value"),
        "minValue": row.get("low"),
        "maxValue": row.get("high"),  # absent: unbounded
        "unitText": row.get("unit"),  # percent, USD…; absent for a head count
        "description": what or None,  # "killed: police"
    })


def _drop_none(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
