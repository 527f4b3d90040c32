"""What a table shows: its columns, and how a row's values read in a cell.

Shared by the output path (:mod:`claimtrack.output`, which re-exports it) and the table
view (:mod:`claimtrack.terminal`), so that neither imports the other for it. No rich here:
the machine formats load this module too.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: the row key it shows, or a function of the row."""

    key: str
    header: str | None = None
    justify: str = "left"
    get: Callable[[dict], Any] | None = None
    max_width: int | None = None
    no_wrap: bool = False  # a date, a number: never broken over two lines
    min_width: int | None = None  # narrower than this, the column's text no longer reads
    optional: bool = False  # left out of a table too narrow for every column (data keeps it)

    def cell(self, row: dict) -> str:
        value = self.get(row) if self.get else row.get(self.key)
        return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):  # one item a line: an item is never split between two
        return "\n".join(_text(v) for v in value)
    return str(value)


# What a terminal would obey instead of showing: C0 and C1 controls (ESC opens the sequences
# that recolour, retitle or clear it; C1's CSI does the same in one byte), line and paragraph
# separators, and the bidirectional embeddings, overrides and isolates that would reorder the
# rest of the line. Tabs and line feeds only lay out a cell: rich handles them.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}]")
_UNSAFE_IN_LINE = re.compile(f"[\n{_CONTROLS}]")  # a message line: a line feed shown too


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␀ … ␊ … ␛ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character shown instead of obeyed (``␛[31m``, ``\\u202e``).

    For what is drawn on a terminal only: stored data and the machine formats keep every
    character. ``one_line`` shows line feeds too (``␊``), for a message that must stay one
    line; a table cell lays them out.
    """
    return (_UNSAFE_IN_LINE if one_line else _UNSAFE).sub(_shown, text)


def source_origin(row: dict) -> str:
    """``source ← origin`` when the claim was passed on, else the source alone."""
    source, origin = row.get("source"), row.get("origin")
    if not source or (row.get("source_kind") in ("outlet", "unattributed")
                      and (not origin or origin == source)):
        return "the report itself"
    return f"{source} ← {origin}" if origin and origin != source else source


def subject_words(row: dict) -> str:
    """A subject group as a reader says it: ``security forces`` (data formats keep the key)."""
    return (row.get("subject_group") or "").replace("_", " ")


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


def count(key: str) -> Callable[[dict], str]:
    """A count as the tables show it, thousands separated: ``1,611``."""
    return lambda row: "" if row.get(key) is None else f"{row[key]:,}"


def figure_marked(row: dict) -> str:
    """The figure as written; a tally claimtrack derived says so (``2 (tally)``), a part of a
    group its report counts (``two (part)``) and a running count over a span of time
    (``436 (running)``) too: none of them is the incident's figure as it stands."""
    figure = row.get("figure") or ""
    if row.get("derived") == "tally":
        return f"{figure} (tally)"
    if row.get("period"):
        return f"{figure} (running)"
    if row.get("part"):
        return f"{figure} (part)"
    return figure


REPORT_TABLE = (
    Column("id", "#", "right", no_wrap=True),
    Column("date", no_wrap=True),
    Column("outlet", max_width=18),
    Column("event", max_width=24),
    Column("title", min_width=16),
    Column("claims", justify="right", get=count("claims"), no_wrap=True),
    Column("lexicon", max_width=16, optional=True),
)
CLAIM_TABLE = (
    Column("id", "#", "right", no_wrap=True),
    Column("figure", get=figure_marked),
    # the range a narrow terminal does without: the figure as written says it, and
    # `claimtrack show` spells it out
    Column("interval", "range", "right", get=interval, no_wrap=True, optional=True),
    Column("metric", no_wrap=True),
    Column("subject_group", "subject", get=subject_words),
    Column("source", "source ← origin", get=source_origin, min_width=18),
    Column("date", no_wrap=True),
)
EXTRACT_TABLE = (
    Column("report"),
    Column("figure", max_width=18, get=figure_marked),
    Column("interval", "range", "right", get=interval),
    Column("metric"),
    Column("subject_group", "subject", get=subject_words),
    Column("source", "source ← origin", get=source_origin),
)
SOURCE_TABLE = (
    Column("id", "#", "right", no_wrap=True),
    Column("name", get=lambda r: r.get("name") or r.get("key")),
    Column("kind", max_width=13),
    Column("claims", justify="right", get=count("claims"), no_wrap=True),
    Column("origin_of", "origin of", "right", get=count("origin_of"), no_wrap=True),
    Column("reports", justify="right", get=count("reports"), no_wrap=True, optional=True),
    Column("events", max_width=24),
)
SEARCH_TABLE = (
    Column("kind"),
    Column("claim", "#", "right"),
    Column("figure", max_width=16),
    Column("source", "source ← origin", max_width=24,
           get=lambda r: source_origin(r) if r.get("kind") == "claim" else ""),
    Column("report", "rep", "right"),
    Column("date", max_width=10),
    Column("snippet"),
)


REPORT_CLAIM_TABLE = (
    Column("id", "#", "right", no_wrap=True),
    Column("figure", get=figure_marked),
    Column("interval", "range", "right", get=interval, no_wrap=True),
    Column("metric", no_wrap=True),
    Column("subject_group", "subject", get=subject_words),
    Column("source", "source ← origin", get=source_origin),
    Column("hedge", max_width=14),
)

REEXTRACT_TABLE = (
    Column("report", "#", "right"),
    Column("date"),
    Column("outlet", max_width=18),
    Column("title"),
    Column("claims", "claims", "right", get=lambda r: f"{r['before']:,} → {r['after']:,}"),
    Column("added", "added", "right", get=lambda r: f"+{r['added']:,}"),
    Column("removed", "removed", "right", get=lambda r: f"−{r['removed']:,}"),
)
