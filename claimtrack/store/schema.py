"""The stored columns and the small helpers every part of the store shares (SPEC §8).

Every statement of the store takes bound parameters; the only strings formatted into SQL
are the store's own column lists and WHERE fragments, never a user value.
"""
from __future__ import annotations

import json
from collections.abc import Iterable


# Claim columns in the order claim_to_dict() yields them (minus report and chain).
CLAIM_COLUMNS = (
    "metric", "subject", "subject_group", "figure", "qualifier", "value", "low", "high", "unit",
    "location", "source", "source_kind", "origin", "origin_kind", "cue", "hedge", "quoted",
    "sentence", "start", "end", "individual", "derived", "as_of", "parts", "part", "period",
)
REPORT_COLUMNS = ("sha256", "title", "outlet", "url", "date", "event", "ref", "path",
                  "ingested_at", "text")
# Listed rows keep claim_to_dict's order: chain sits between quoted and sentence.
_CLAIM_HEAD = ", ".join(f'c."{n}"' for n in CLAIM_COLUMNS[:CLAIM_COLUMNS.index("sentence")])
LINK_COLUMNS = ("claim_id", "position", "source_id", "name", "kind", "cue", "text",
                "descriptor", "role")


def _columns(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _marks(names: Iterable[str]) -> str:
    return ", ".join("?" for _ in names)


_INDIVIDUAL = CLAIM_COLUMNS.index("individual")
_PARTS = CLAIM_COLUMNS.index("parts")
_PART = CLAIM_COLUMNS.index("part")


def _stored_new_fields(values: list) -> None:
    """An individual flag as 0/1, a tally's parts as a JSON list (SPEC §2), in place."""
    values[_INDIVIDUAL] = int(bool(values[_INDIVIDUAL]))
    values[_PART] = int(bool(values[_PART]))
    if isinstance(values[_PARTS], (list, tuple)):
        values[_PARTS] = json.dumps(list(values[_PARTS]))


def with_tally_spans(rows: list[dict]) -> list[dict]:
    """One report's claim rows with each tally's span as it is stored: empty, where its
    first part's figure starts (``claim_to_dict`` gives a tally none; the column needs one)."""
    out = []
    for row in rows:
        if row.get("derived") and row.get("start") is None:
            parts = row.get("parts") or ()
            first = rows[parts[0]] if parts and 0 <= parts[0] < len(rows) else None
            at = first.get("start") if first is not None else None
            row = {**row, "start": at or 0, "end": at or 0}
        out.append(row)
    return out


def _read_new_fields(row: dict) -> None:
    """The stored individual flag and tally parts as ``claim_to_dict`` has them."""
    row["individual"] = bool(row["individual"])
    if "part" in row:
        row["part"] = bool(row["part"])
    row["parts"] = json.loads(row["parts"]) if row["parts"] else None
    if row["derived"]:  # a tally has no span of its own: it is stored empty where its first part starts
        row["start"] = row["end"] = None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_MAX_ROWID = 2 ** 63 - 1


def row_number(ref: str | int) -> int | None:
    """``ref`` as a row number (ASCII digits, within SQLite's integers), else None: ``²``
    and ``٣`` are digits to Python, and a number of 20 digits fits no SQLite integer."""
    text = str(ref)
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= _MAX_ROWID else None
