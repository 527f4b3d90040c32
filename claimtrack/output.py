"""The one output path: rows of dicts rendered as a table, JSON, JSON lines, CSV or TSV.

Data goes to stdout; machine formats are written without rich, so nothing is wrapped or
highlighted. JSON, JSON lines, CSV and TSV stream row by row.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import IO, TYPE_CHECKING, Any

# The columns of each table, and how a value reads in a cell, are claimtrack.cells' (the table
# view imports them from there, not from here); re-exported for the commands.
from .cells import (CLAIM_TABLE, EXTRACT_TABLE, REEXTRACT_TABLE, REPORT_CLAIM_TABLE,  # noqa: F401
                    REPORT_TABLE, SEARCH_TABLE, SOURCE_TABLE, Column, figure_marked,
                    interval, source_origin, subject_words, terminal_safe)

if TYPE_CHECKING:
    from .conflicts import ConflictGroup

# json.dumps(row, ensure_ascii=False) makes a new encoder for every row: one, made once, writes
# the same text (a quarter faster on a listing of 500,000 rows).
_dumps = json.JSONEncoder(ensure_ascii=False).encode
_json_string = json.encoder.encode_basestring  # a string as _dumps writes it (C, when built)

# rich is imported by claimtrack.terminal, which draws the table view: the machine formats,
# and the commands that print them, never load it.


class Format(str, Enum):
    """Output formats for every listing command (``-f/--format``)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


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
        from . import terminal

        return terminal.draw_table(rows, columns, file, empty)
    if fmt is Format.json:
        return _json(rows, file)
    if fmt is Format.jsonl:
        count = 0
        for row in rows:
            file.write(_dumps(row) + "\n")
            count += 1
        return count
    return _delimited(rows, file, "," if fmt is Format.csv else "\t")


def _json(rows: Iterable[dict], file: IO) -> int:
    count = 0
    for row in rows:
        file.write(("[\n  " if count == 0 else ",\n  ") + _dumps(row))
        count += 1
    file.write("\n]\n" if count else "[]\n")
    return count


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(…),
# =cmd|…): OWASP's advice on CSV injection is to write a text cell that does with a leading
# apostrophe, which makes it text. A number is written as it is, negative or not: it is not
# a formula, and a spreadsheet must still read it as a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _flat(value: Any) -> Any:
    """A value as a CSV or TSV cell: text that a spreadsheet would run is made text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return _dumps(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _delimited(rows: Iterable[dict], file: IO, delimiter: str) -> int:
    # csv quotes a field for the characters of its line terminator only: written with "\r\n"
    # it quotes a bare CR as well as LF, so every value survives; each row then ends in "\n".
    buffer = io.StringIO()
    writer = None
    count = 0

    def flush() -> None:
        file.write(buffer.getvalue()[:-2] + "\n")
        buffer.seek(0)
        buffer.truncate()

    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), delimiter=delimiter,
                                    lineterminator="\r\n")
            writer.writeheader()
            flush()
        writer.writerow({k: _flat(v) for k, v in row.items()})
        flush()
        count += 1
    return count



# Conflicts, timelines, one claim, one report: the table view of each is a block of its own
# (claimtrack.terminal); the machine formats go through render() like every other listing.


def _format(fmt: Format | None, file: IO) -> Format:
    return Format(fmt) if fmt is not None else default_format(file)


def render_conflicts(groups: Iterable[ConflictGroup], fmt: Format | None = None, *,
                     file: IO | None = None,
                     empty: str = "no conflicting figures") -> int:
    """Conflict groups as blocks (table) or as ``conflict_rows`` (machine formats, written
    group by group as they come)."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is Format.table:
        from . import terminal

        return terminal.draw_conflicts(list(groups), file, empty)
    from .conflicts import CONFLICT_COLUMNS, conflict_rows

    if fmt is Format.jsonl and CONFLICT_COLUMNS == _CONFLICT_LINE_COLUMNS:
        return _conflict_lines(groups, file)
    return render((row for g in groups for row in conflict_rows((g,))), fmt, file=file)


# The keys of a conflict row, as _conflict_lines writes them (a test holds the lines equal
# to conflict_rows written one by one); were conflict_rows to change, render() takes over.
_CONFLICT_LINE_COLUMNS = (
    "group", "event", "metric", "verdict", "claim", "figure", "value", "low", "high",
    "subject_group", "location", "source", "origin", "report", "date",
    "hedge", "outlet", "origins", "superseded", "contradicted", "voice", "reason",
)


def _json_value(value: Any) -> str:
    """``value`` as json.dumps(…, ensure_ascii=False) writes it inside a row."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if type(value) is str:
        return _json_string(value)
    return _dumps(value)


def conflict_claim_text(values: tuple) -> str:
    """One claim's part of its JSON line, from ``"claim"`` to ``"voice"`` (the values
    ``conflicts.claim_values`` yields), as ``render(conflict_rows(…), jsonl)`` writes it:
    what the stored verdicts keep for each claim (``claimtrack.store.verdicts``). Value by
    value: twice as fast as encoding a dict of them."""
    j = _json_value
    (claim, figure, value, low, high, group, location, source, origin, report, date,
     hedge, outlet, origins, superseded, contradicted, voice) = values
    return (f'"claim": {j(claim)}, "figure": {j(figure)}, "value": {j(value)}, '
            f'"low": {j(low)}, "high": {j(high)}, "subject_group": {j(group)}, '
            f'"location": {j(location)}, "source": {j(source)}, "origin": {j(origin)}, '
            f'"report": {j(report)}, "date": {j(date)}, "hedge": {j(hedge)}, '
            f'"outlet": {j(outlet)}, "origins": {j(origins)}, '
            f'"superseded": {j(superseded)}, "contradicted": {j(contradicted)}, '
            f'"voice": {j(voice)}')


def _conflict_lines(groups: Iterable[ConflictGroup], file: IO) -> int:
    """Conflict rows as JSON lines, the same text ``render(conflict_rows(…), jsonl)`` writes,
    without building a dict per claim: what is the group's is written once per group, and
    each claim's values straight into its line (2.5× faster, a quarter of a whole-database
    ``conflicts``). A group read from the stored verdicts brings each claim's text along."""
    from .conflicts import claim_values

    text = conflict_claim_text
    count = 0
    for g in groups:
        head = _dumps({"group": g.group, "event": g.event, "metric": g.metric,
                       "verdict": g.verdict})[:-1] + ", "
        tail = f', "reason": {_json_value(g.reason)}}}\n'
        stored = g.stored_lines
        if stored is None:
            stored = [text(values) for values in claim_values(g)]
        if stored:
            file.write(f"{head}{(tail + head).join(stored)}{tail}")
        count += len(stored)
    return count


def render_timeline(rows: Iterable[dict], fmt: Format | None = None, *,
                    file: IO | None = None, empty: str = "no figures") -> int:
    """``conflicts.timeline`` rows: per event and metric, a table of origins and their
    figures over time (table), else the rows themselves."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is Format.table:
        from . import terminal

        return terminal.draw_timeline(rows, file, empty)
    return render(rows, fmt, file=file)


def render_claim(claim: dict, fmt: Format | None = None, *, file: IO | None = None) -> int:
    """One claim (``db.get_claim``): in its sentence, with its chain and its report."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is Format.table:
        from . import terminal

        return terminal.draw_claim(claim, file)
    return render([claim], fmt, file=file)




def render_report(report: dict, claims: Sequence[dict], fmt: Format | None = None, *,
                  file: IO | None = None) -> int:
    """One report (``db.get_report``) and its claims; machine formats give the report row
    with its ``claims`` nested."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is Format.table:
        from . import terminal

        return terminal.draw_report(report, claims, file)
    return render([{**report, "claims": list(claims)}], fmt, file=file)
