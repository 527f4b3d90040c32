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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .conflicts import CONTRADICTION, DIVERGENT, ConflictGroup, GroupClaim, conflict_rows


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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


# What a terminal would obey instead of showing: C0 and C1 controls (ESC opens the sequences
# that recolour, retitle or clear it; C1's CSI does the same in one byte), line and paragraph
# separators, and the bidirectional embeddings, overrides and isolates that would reorder the
# rest of the line. Tabs and line feeds only lay out a cell: rich handles them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␀ … ␛ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown instead of obeyed (``␛[31m``, ``\\u202e``).

    For the table view only: stored data and the machine formats keep every character.
    """
    return _UNSAFE.sub(_shown, text)


def _table(rows: Iterable[dict], columns: Sequence[Column], file: IO, empty: str) -> int:
    rows = list(rows)
    if not rows:
        Console(stderr=True, highlight=False).print(empty, markup=False)
        return 0
    columns = columns or [Column(key) for key in rows[0]]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
    for col in columns:
        table.add_column(Text(terminal_safe(col.header or col.key)), justify=col.justify,
                         max_width=col.max_width, overflow="fold")
    for row in rows:
        # Text, not str: a title such as "[/b]" or ":fire:" is not rich markup or an emoji code
        table.add_row(*(Text(terminal_safe(col.cell(row))) for col in columns))
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


# Conflicts, timelines, one claim, one report: the table view of each is a block of its own;
# the machine formats go through render() like every other listing.

VERDICT_STYLE = {CONTRADICTION: "bold red", DIVERGENT: "bold yellow"}
_AGREE_STYLE = "bold green"


def _format(fmt: Format | None, file: IO) -> Format:
    return Format(fmt) if fmt is not None else default_format(file)


def _say(message: str) -> None:
    Console(stderr=True, highlight=False).print(message, markup=False)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def subject_place(subject_group: str | None, location: str | None) -> str:
    """``police in Almaty``; the subject group alone when no place is known."""
    group = subject_group or "people"
    return f"{group} in {location}" if location else group


def figure_range(low: int | None, high: int | None) -> str:
    """:func:`interval` for a bare pair."""
    return interval({"low": low, "high": high})


def claimed_by(c: GroupClaim) -> str:
    """Who stands behind a claim, in plain words: ``Khabar-24 ← command of …``."""
    if not c.source:
        return "nobody named"
    if c.outlet and c.source == c.outlet and c.origin == c.outlet:
        return "the report itself"
    return f"{c.source} ← {c.origin}" if c.origin and c.origin != c.source else c.source


def _plain(word: str | None) -> str:
    return (word or "").replace("_", " ")


def conflict_heading(g: ConflictGroup) -> Text:
    """``kazakhstan-2022 · injured — divergent: 4 figures from 4 independent origins``."""
    return Text.assemble(
        (f"{g.event} · {_plain(g.metric)}", "bold"), " — ",
        (g.verdict, VERDICT_STYLE.get(g.verdict, _AGREE_STYLE)),
        f": {_count(len(g.figures), 'figure')} from "
        f"{_count(g.voices, 'independent origin')}",
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def conflict_reason(g: ConflictGroup) -> str:
    """Why the group got its verdict, in one sentence a reader needs no manual for."""
    if g.verdict == CONTRADICTION:
        # subject group -> interval -> [the figure as first written, {voice: origin}]
        parts: dict[str, dict[tuple, list]] = {}
        for c in g.claims:
            if c.contradicted and not c.superseded:
                figure = parts.setdefault(c.subject_group, {}).setdefault(
                    (c.low, c.high), [c.figure, {}])
                figure[1].setdefault(c.voice, c.origin)
        sentences = []
        for group, figs in parts.items():
            sides = [f"{text} ({', '.join(who.values())})" for text, who in figs.values()]
            sentences.append(f"For {_plain(group)}, {_and(sides)} cannot "
                             f"{'both' if len(sides) == 2 else 'all'} be true.")
        return " ".join(sentences)
    if g.verdict != DIVERGENT:
        return "The figures agree: their ranges overlap."
    by_group: dict[str, list] = {}
    for f in g.figures:
        by_group.setdefault(f.subject_group, []).append(f)
    overlap, apart = [], []
    for group, figures in by_group.items():
        if len(figures) > 1:
            # Intervals on a line overlap pairwise exactly when the highest low is below
            # every high.
            top = max(f.low for f in figures)
            bounded = [f.high for f in figures if f.high is not None]
            (overlap if not bounded or top <= min(bounded) else apart).append(_plain(group))
    said = []
    if len(by_group) > 1:
        said.append("the figures count different groups" if overlap or apart
                     else "each figure counts a different group")
    if overlap:
        said.append(f"{'those' if said else 'the figures'} for {_and(overlap)} overlap")
    if apart:
        said.append(f"{'those' if said else 'the figures'} for {_and(apart)} that differ come "
                    "from one origin or from "
                    "different places")
    return f"Nothing contradicts: {_and(said)}."


def _figure_cell(c: GroupClaim) -> Text:
    cell = Text()
    if c.contradicted and not c.superseded:
        cell.append("✗ ", "bold red")
    cell.append(c.figure or "", "red" if c.contradicted and not c.superseded else "")
    if c.hedge:
        cell.append(f"\n“{c.hedge}”", "italic")
    if c.superseded:
        cell.append("\nsuperseded", "italic")
    return cell


def _claimed_cell(c: GroupClaim) -> Text:
    cell = Text(claimed_by(c))
    cell.append(f"\n{c.outlet or f'report {c.report}'} · {c.date or 'undated'}", "dim")
    return cell


def conflict_table(g: ConflictGroup) -> Table:
    """One group's claims side by side: figure, range, subject, who, independent origins."""
    # A blank line between claims: each takes two lines or more, and must read as one.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False,
                  expand=True, leading=1)
    table.add_column("#", justify="right")
    table.add_column("figure", max_width=18, overflow="fold")
    table.add_column("range", justify="right", no_wrap=True)
    table.add_column("subject", max_width=18, overflow="fold")
    table.add_column("source ← origin · report", ratio=1, overflow="fold")
    table.add_column("origins", justify="right")
    for c in g.claims:
        table.add_row(
            str(c.claim), _figure_cell(c), figure_range(c.low, c.high),
            Text(subject_place(_plain(c.subject_group), c.location)), _claimed_cell(c),
            str(c.origins), style="dim" if c.superseded else "",
        )
    return table


def render_conflicts(groups: Sequence[ConflictGroup], fmt: Format | None = None, *,
                     file: IO | None = None,
                     empty: str = "no conflicting figures") -> int:
    """Conflict groups as blocks (table) or as ``conflict_rows`` (machine formats)."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is not Format.table:
        return render(conflict_rows(groups), fmt, file=file)
    if not groups:
        _say(empty)
        return 0
    console = Console(file=file, highlight=False)
    for i, g in enumerate(groups):
        if i:
            console.print()
        console.print(conflict_heading(g))
        console.print(Text(conflict_reason(g)))
        console.print(conflict_table(g))
    return sum(len(g.claims) for g in groups)


def _step_figure(row: dict) -> str:
    # An exact count reads the same however it was written ("Eight", "8"); other wordings
    # ("dozens", "at least 26") say more as written.
    if row.get("low") is not None and row.get("low") == row.get("high"):
        return f"{row['low']:,}"
    return row.get("figure") or ""


def movement(rows: Sequence[dict]) -> str:
    """One origin's figures over time: ``8 (2022-01-07) → 16 (2022-01-08, 2 reports)``."""
    steps: list[list] = []  # [figures, first date, reports]
    by_report: dict[int, list[dict]] = {}
    for row in rows:
        by_report.setdefault(row["report"], []).append(row)
    for same_report in by_report.values():
        figures = " / ".join(dict.fromkeys(_step_figure(r) for r in same_report))
        report = same_report[0]
        if steps and steps[-1][0] == figures:
            steps[-1][2] += 1
        else:
            steps.append([figures, report.get("date"), 1])
    return " → ".join(
        f"{figures} ({date or 'undated'}{f', {reports} reports' if reports > 1 else ''})"
        for figures, date, reports in steps)


def timeline_tables(rows: Sequence[dict]) -> list[tuple[str, Table]]:
    """Per event and metric, a heading and a table with one line per origin and subject
    group: its figures over time."""
    lines: dict[tuple, list[dict]] = {}
    for row in rows:
        lines.setdefault((row["event"], row["metric"], row["subject_group"], row["voice"],
                          row.get("location") or ""), []).append(row)
    tables: dict[str, Table] = {}
    for (event, metric, group, _, location), line in lines.items():
        heading = f"{event} · {_plain(metric)}"
        table = tables.get(heading)
        if table is None:
            table = tables[heading] = Table(box=box.SIMPLE_HEAD, show_edge=False,
                                            pad_edge=False, highlight=False, expand=True)
            table.add_column("subject", max_width=20, overflow="fold")
            table.add_column("origin", max_width=28, overflow="fold")
            table.add_column("figures over time", ratio=1, overflow="fold")
        moved = len({_step_figure(r) for r in line}) > 1
        table.add_row(Text(subject_place(_plain(group), location)), Text(line[-1]["origin"]),
                      Text(movement(line), style="bold" if moved else ""))
    return list(tables.items())


def render_timeline(rows: Iterable[dict], fmt: Format | None = None, *,
                    file: IO | None = None, empty: str = "no figures") -> int:
    """``conflicts.timeline`` rows: per event and metric, a table of origins and their
    figures over time (table), else the rows themselves."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is not Format.table:
        return render(rows, fmt, file=file)
    rows = list(rows)
    if not rows:
        _say(empty)
        return 0
    console = Console(file=file, highlight=False)
    for i, (heading, table) in enumerate(timeline_tables(rows)):
        if i:
            console.print()
        console.print(Text(heading, "bold"))
        console.print(table)
    return len(rows)


def highlighted(sentence: str, start: int | None, end: int | None, *, plain: bool) -> Text:
    """The sentence with the figure at [start:end] marked: bold on a terminal, else
    ``**…**``; whitespace runs (line breaks in the report) read as one space."""
    def flat(part: str) -> str:
        return re.sub(r"\s+", " ", part)
    if start is None or end is None or not 0 <= start <= end <= len(sentence):
        return Text(flat(sentence).strip())
    figure = sentence[start:end]
    text = Text(flat(sentence[:start]).lstrip())
    text.append(f"**{figure}**" if plain else figure, "" if plain else "bold reverse")
    text.append(flat(sentence[end:]).rstrip())
    return text


def _link(link: dict) -> str:
    about = ", ".join(v for v in (link.get("kind"), link.get("role"), link.get("descriptor")) if v)
    cue = f" — “{link['cue']}”" if link.get("cue") else ""
    return f"{link.get('name')} ({about}){cue}" if about else f"{link.get('name')}{cue}"


def _fields(rows: Sequence[tuple[str, Any]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        if not isinstance(value, Text):
            value = Text("–" if value is None or value == "" else str(value))
        grid.add_row(name, value)
    return grid


def render_claim(claim: dict, fmt: Format | None = None, *, file: IO | None = None) -> int:
    """One claim (``db.get_claim``): in its sentence, with its chain and its report."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is not Format.table:
        return render([claim], fmt, file=file)
    console = Console(file=file, highlight=False)
    offset = claim.get("sentence_start")
    start = None if offset is None else claim["start"] - offset
    end = None if offset is None else claim["end"] - offset
    chain = claim.get("chain") or []
    links = Text("\n".join(("← " if i else "") + _link(link) for i, link in enumerate(chain)))
    qualifier = claim.get("qualifier")
    console.print(Text.assemble((f"Claim {claim['id']}", "bold"),
                                f" · {claim.get('event')} · {claim.get('metric')}"))
    console.print(highlighted(claim.get("sentence") or "", start, end,
                              plain=not console.is_terminal))
    console.print()
    console.print(_fields([
        ("figure", f"{claim.get('figure')} ({qualifier}: "
                   f"{figure_range(claim.get('low'), claim.get('high')) or '?'})"
                   + (f" {claim['unit']}" if claim.get("unit") else "")),
        ("subject", f"{_plain(claim.get('subject_group'))}"
                    + (f" (“{claim['subject']}”)" if claim.get("subject")
                       and claim["subject"] != claim.get("subject_group") else "")),
        ("location", claim.get("location")),
        ("chain", links if chain else Text("–")),
        ("hedge", f"“{claim['hedge']}”" if claim.get("hedge") else None),
        ("quoted", "yes" if claim.get("quoted") else "no"),
        ("report", f"{claim.get('report')} · {claim.get('outlet') or 'no outlet'} · "
                   f"{claim.get('date') or 'undated'}"),
        ("title", claim.get("title")),
        ("url", claim.get("url")),
    ]))
    return 1


REPORT_CLAIM_TABLE = (
    Column("id", "#", "right"),
    Column("figure", max_width=18),
    Column("interval", "range", "right", get=interval),
    Column("metric"),
    Column("subject_group", "subject"),
    Column("source", "source ← origin", get=source_origin),
    Column("hedge", max_width=14),
)


def render_report(report: dict, claims: Sequence[dict], fmt: Format | None = None, *,
                  file: IO | None = None) -> int:
    """One report (``db.get_report``) and its claims; machine formats give the report row
    with its ``claims`` nested."""
    file = file or sys.stdout
    fmt = _format(fmt, file)
    if fmt is not Format.table:
        return render([{**report, "claims": list(claims)}], fmt, file=file)
    console = Console(file=file, highlight=False)
    console.print(Text.assemble((f"Report {report['id']}", "bold"),
                                f" · {report.get('outlet') or 'no outlet'} · "
                                f"{report.get('date') or 'undated'} · {report.get('event')}"))
    console.print(_fields([
        ("title", report.get("title")),
        ("url", report.get("url")),
        ("input", report.get("path") or report.get("ref")),
        *([("id", report["ref"])] if report.get("ref") not in (None, report.get("path")) else []),
        ("ingested", report.get("ingested_at")),
        ("claims", len(claims)),
    ]))
    if claims:
        console.print()
        _table(claims, REPORT_CLAIM_TABLE, file, "")
    return 1


REEXTRACT_TABLE = (
    Column("report", "#", "right"),
    Column("date"),
    Column("outlet", max_width=18),
    Column("title"),
    Column("claims", "claims", "right", get=lambda r: f"{r['before']} → {r['after']}"),
    Column("added", "added", "right", get=lambda r: f"+{r['added']}"),
    Column("removed", "removed", "right", get=lambda r: f"−{r['removed']}"),
)
