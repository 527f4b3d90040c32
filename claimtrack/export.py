"""Exports: claim rows shaped as schema.org ``Claim`` objects in JSON-LD. Pure: no I/O, no SQL.

The JSON-LD (``export -f schema``) is what a fact-checker starts a ClaimReview from
(https://schema.org/ClaimReview takes a ``Claim`` as its ``itemReviewed``): each figure's
sentence as the claim's ``text``, its report's date as ``datePublished``, who first made it
(the origin of the attribution chain) as its ``author``, each relay between the origin and
the report as a ``citation``, and the report as its ``appearance``. Claims are grouped the
way ``claimtrack conflicts`` groups them, one ``ItemList`` per (event, metric) with its
verdict, so that the figures that disagree sit next to each other. There is no
``ClaimReview`` in it: the review is the fact-checker's.
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
    schema = "schema"
    claimreview = "claimreview"  # the former name of schema, kept as an alias


def claimreview(rows: Iterable[Mapping], *, base: str | None = None) -> dict:
    """One JSON-LD document holding every claim of ``rows`` as a schema.org ``Claim``.

    ``rows`` are claim rows as ``db.export_claims`` gives them. ``base``, the URL the
    document will be published at, makes every ``@id`` absolute (``BASE#claim-4``); without
    it they are relative to the document (``#claim-4``). The document's ``@graph``
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
            f"{_count(group.voices, 'independent origin')}", base,
        ))
    rest: dict[tuple[str, str], list[Mapping]] = {}
    for row in rows:
        if row["id"] not in placed:
            rest.setdefault((row.get("event") or "default", row.get("metric") or "other"),
                            []).append(row)
    for index, ((event, metric), members) in enumerate(sorted(rest.items()), len(graph) + 1):
        graph.append(_item_list(f"group-{index}", event, metric, members,
                                f"no conflict: {_count(len(members), 'claim')}", base))
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


def claim_object(row: Mapping, base: str | None = None) -> dict:
    """One claim row as a schema.org ``Claim`` (without ``@context``).

    Its ``author`` is who first made the claim: the origin, the last link of the chain; a
    claim the report makes in its own voice has its outlet as author. The other links, the
    relays, are citations in chain order, from the report outward (``position`` 1 is
    the source the report names), each with its cue (``"according to"``) as description.
    """
    claim: dict = _drop_none({
        "@type": "Claim",
        "@id": f"{_base(base)}#claim-{row['id']}",
        "identifier": str(row["id"]),
        "text": row.get("sentence") or row.get("figure"),
        "datePublished": row.get("date"),
        "about": _quantity(row),
    })
    chain = list(row.get("chain") or ())
    claim["author"] = _agent(chain[-1]) if chain else _outlet_agent(row)
    appearance = _appearance(row)
    if appearance:
        claim["appearance"] = appearance
    if row.get("location"):
        claim["spatialCoverage"] = {"@type": "Place", "name": row["location"]}
    if len(chain) > 1:
        # The relays between the report and the origin: "Khabar-24, which cites the command".
        claim["citation"] = [
            _drop_none({"@type": "CreativeWork", "position": position,
                        "author": _agent(link), "description": link.get("cue")})
            for position, link in enumerate(chain[:-1], 1)
        ]
    return claim


def _base(base: str | None) -> str:
    """The part of ``base`` an ``@id`` starts with: the URL without its fragment."""
    return (base or "").split("#", 1)[0]


def _outlet_agent(row: Mapping) -> dict:
    """The author of a claim no one is named for: the outlet, else the site the report
    came from, else an organisation described as unnamed."""
    outlet = row.get("outlet")
    if outlet:
        return {"@type": "Organization", "name": outlet, "description": "outlet"}
    from urllib.parse import urlsplit

    site = urlsplit(row.get("url") or "")
    if site.scheme in ("http", "https") and site.hostname:
        return {"@type": "Organization", "name": site.hostname,
                "url": f"{site.scheme}://{site.netloc}", "description": "outlet"}
    return {"@type": "Organization", "name": "unnamed outlet", "description": "outlet"}


def _item_list(ident: str, event: str, metric: str, members: list[Mapping],
               description: str, base: str | None = None) -> dict:
    return {
        "@type": "ItemList",
        "@id": f"{_base(base)}#{ident}",
        "name": f"{metric} ({event})",
        "description": description,
        "numberOfItems": len(members),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "item": claim_object(row, base)}
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
    """The figure as a ``QuantitativeValue``: as written, and its number or its interval.

    An exact figure (one number: low = high) has a ``value``. Any other has the interval
    instead, ``minValue`` and ``maxValue`` (absent: unbounded) and no ``value``: "more than
    30" is 31 and up, and a value of 30 would lie outside its own interval.
    """
    what = ": ".join(w for w in (row.get("metric"), row.get("subject_group")) if w)
    low, high = row.get("low"), row.get("high")
    point = low is not None and low == high
    if low is None and high is None:  # no interval stored: the number as stated
        low = high = row.get("value")
        point = low is not None
    return _drop_none({
        "@type": "QuantitativeValue",
        "name": row.get("figure"),
        "value": low if point else None,
        "minValue": None if point else low,
        "maxValue": None if point else high,  # absent: unbounded
        "unitText": row.get("unit"),  # percent, USD…; absent for a head count
        "description": what or None,  # "killed: police"
    })


def _drop_none(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"
