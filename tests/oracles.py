"""What the delimited formats must print, written out independently of claimtrack.output.

The round-trip tests compare what csv/tsv read back with these cells: None is empty, a
boolean is true/false, lists and objects are JSON, anything else its text.
"""
from __future__ import annotations

import json


def as_cell(value) -> str:
    """A JSON value as one CSV or TSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)  # CSV keeps every character, a bare \r too (quoted)


def as_cells(row: dict) -> dict:
    """A row with every value as its cell."""
    return {k: as_cell(v) for k, v in row.items()}
