"""The one output path: rows of dicts rendered as a table, JSON, JSON lines, CSV or TSV.

Data goes to stdout; machine formats are written without rich, so nothing is wrapped or
highlighted. JSON, JSON lines, CSV and TSV stream row by row.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    """Output formats for every listing command (``-f/--format``)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: the row key it shows, or a function of the row."""

    key: str
    header: str | None = None
    justify: str = "left"
    get: Callable[[dict], Any] | None = None
    max_width: int | None = None

    def cell(self, row: dict) -> str:
        value = self.get(row) if self.get else row.get(self.key)
        return _text(value)


def default_format(stream: IO | None = None) -> Format:
    """A table on a terminal, JSON lines in a pipe or a file."""
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return Format.table if isatty and isatty() else Format.jsonl


def render(rows: Iterable[dict], fmt: Format | None = None, columns: Sequence[Column] = (),
           *, file: IO | None = None, empty: str = "no rows") -> int:
    """Write ``rows`` to ``file`` (stdout) in ``fmt``; returns how many rows were written.

    Args:
        fmt: the format; None picks :func:`default_format`.
        columns: what the table shows; the other formats write every key of every row.
        empty: said on stderr when a table has no rows (JSON says ``[]``).
    """
    file = file or sys.stdout
    fmt = Format(fmt) if fmt is not None else default_format(file)
    if fmt is Format.table:
        return _table(rows, columns, file, empty)
    if fmt is Format.json:
        return _json(rows, file)
    if fmt is Format.jsonl:
        count = 0
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    return _delimited(rows, file, "," if fmt is Format.csv else "\t")


def _json(rows: Iterable[dict], file: IO) -> int:
    count = 0
    for row in rows:
        file.write(("[\n  " if count == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False))
        count += 1
    file.write("\n]\n" if count else "[]\n")
    return count


def _flat(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and "\r" in value:
        # csv quotes only the line terminator's characters: a bare CR would split the row
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _delimited(rows: Iterable[dict], file: IO, delimiter: str) -> int:
    writer = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(file, fieldnames=list(row), delimiter=delimiter,
                                    lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _flat(v) for k, v in row.items()})
        count += 1
    return count


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _table(rows: Iterable[dict], columns: Sequence[Column], file: IO, empty: str) -> int:
    rows = list(rows)
    if not rows:
        Console(stderr=True, highlight=False).print(empty, markup=False)
        return 0
    columns = columns or [Column(key) for key in rows[0]]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
    for col in columns:
        table.add_column(col.header or col.key, justify=col.justify, max_width=col.max_width,
                         overflow="fold")
    for row in rows:
        table.add_row(*(col.cell(row) for col in columns))
    Console(file=file, highlight=False).print(table)
    return len(rows)


def source_origin(row: dict) -> str:
    """``source ← origin`` when the claim was passed on, else the source alone."""
    source, origin = row.get("source"), row.get("origin")
    if not source:
        return "(unattributed)"
    return f"{source} ← {origin}" if origin and origin != source else source


def interval(row: dict) -> str:
    """The interval a figure allows: ``12``, ``1,001–``, ``24–99``."""
    low, high = row.get("low"), row.get("high")
    if low is None and high is None:
        return ""
    def number(n: int | None) -> str:
        return "" if n is None else f"{n:,}"
    if low == high:
        return number(low)
    return f"{number(low)}–{number(high)}"


REPORT_TABLE = (
    Column("id", "#", "right"),
    Column("date"),
    Column("outlet", max_width=18),
    Column("event", max_width=16),
    Column("title"),
    Column("claims", justify="right"),
)
CLAIM_TABLE = (
    Column("id", "#", "right"),
    Column("figure", max_width=18),
    Column("interval", "range", "right", get=interval),
    Column("metric"),
    Column("subject_group", "subject"),
    Column("source", "source ← origin", get=source_origin),
    Column("report", "rep", "right"),
    Column("date", max_width=10),
)
EXTRACT_TABLE = (
    Column("report"),
    Column("figure", max_width=18),
    Column("interval", "range", "right", get=interval),
    Column("metric"),
    Column("subject_group", "subject"),
    Column("source", "source ← origin", get=source_origin),
)
SOURCE_TABLE = (
    Column("id", "#", "right"),
    Column("name", get=lambda r: r.get("name") or r.get("key")),
    Column("kind", max_width=13),
    Column("claims", justify="right"),
    Column("origin_of", "origin of", "right"),
    Column("reports", justify="right"),
    Column("events", max_width=24),
)
