"""What the delimited formats must print, written out independently of claimtrack.output.

The round-trip tests compare what csv/tsv read back with these cells: None is empty, a
boolean is true/false, lists and objects are JSON, anything else its text, where a text
that a spreadsheet would take for a formula (= + - @ tab or CR first, and not a number)
gets a leading apostrophe (OWASP's advice on CSV injection).
"""
from __future__ import annotations

import json
import re

FORMULA_FIRST = "=+-@\t\r"
NUMBER = re.compile(r"[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?")


def as_cell(value) -> str:
    """A JSON value as one CSV or TSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] and value[0] in FORMULA_FIRST \
            and not NUMBER.fullmatch(value):
        return "'" + value
    return str(value)  # CSV keeps every character, a bare \r too (quoted)


def as_cells(row: dict) -> dict:
    """A row with every value as its cell."""
    return {k: as_cell(v) for k, v in row.items()}
