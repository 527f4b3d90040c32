"""The table view on a terminal, drawn with rich: listings, conflict groups, timelines, one
claim, one report. ``claimtrack.output`` comes here only for ``-f table``, so the machine
formats never import rich.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .conflicts import CONTRADICTION, DIVERGENT, REPORT_ITSELF, ConflictGroup, GroupClaim
from .cells import REPORT_CLAIM_TABLE, Column, interval, terminal_safe


class Shown(Text):
    """Text drawn as it is: control characters from a report (escape sequences that would
    clear the screen, hide a link, write to the clipboard) are shown, ``␛[2J``, never
    obeyed (:func:`claimtrack.cells.terminal_safe`), and ``[red]`` or ``:fire:`` are not
    markup. Every string the table view draws is made into one, here or by the console."""

    def __init__(self, text: str = "", *args, **kwargs):
        super().__init__(terminal_safe(text), *args, **kwargs)

    def append(self, text: str | Text, style=None) -> Shown:
        return super().append(terminal_safe(text) if isinstance(text, str) else text, style)


class _SafeConsole(Console):
    """A console that shows the control characters of any string it is given to draw (a
    table cell given as ``str``, a string printed): nothing reaches the terminal unshown."""

    def render_str(self, text: str, **kwargs) -> Text:
        return super().render_str(terminal_safe(text), **kwargs)


def _console(file: IO | None = None, *, stderr: bool = False) -> Console:
    return _SafeConsole(file=file, stderr=stderr, highlight=False, markup=False, emoji=False)


# A word longer than this may still be broken to fit a narrow terminal; shorter ones never are.
LONGEST_UNBROKEN = 24
_GAP = 3  # between two columns: a space of padding each side, and the blank rule between


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _min_width(col: Column, header: str, cells: list[str]) -> int:
    """The narrowest a column may be drawn: its cells' longest line when they never wrap,
    else their longest word (up to LONGEST_UNBROKEN), a short header whole (``origin of``,
    not ``origin`` over ``of``), and the column's own readable minimum."""
    if col.no_wrap:
        return max((cell_len(line) for cell in (header, *cells) for line in _lines(cell)), default=0)
    longest = max((cell_len(word) for cell in cells for word in cell.split()), default=0)
    head = cell_len(header) if cell_len(header) <= 12 else max(map(cell_len, header.split()), default=0)
    cap = col.max_width or max(LONGEST_UNBROKEN, col.min_width or 0)
    return min(max(min(longest, LONGEST_UNBROKEN), head, col.min_width or 0), cap)


def hyphen_broken(text: str, width: int) -> str:
    """``text`` with each word longer than ``width`` broken after its hyphens, as many as
    fit a line (``riverside-chemical-`` / ``fire-2025-03-02``), rather than anywhere."""
    if width < 2 or all(cell_len(word) <= width for word in text.split()):
        return text
    out = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            while len(word) > width and "-" in word[:width]:
                cut = word.rindex("-", 0, width) + 1
                words.append(word[:cut] + "\n")
                word = word[cut:]
            words.append(word)
        out.append(" ".join(words).replace("\n ", "\n"))
    return "\n".join(out)


def column_widths(columns: Sequence[Column], headers: Sequence[str],
                  cells: Sequence[Sequence[str]], width: int) -> list[int | None]:
    """The width of each column in a table ``width`` wide; None for a column left out.

    Each column starts as wide as its longest line; while the table is too wide, the
    widest column that may wrap loses a character, down to its minimum (:func:`_min_width`).
    When even the minimums do not fit, optional columns are left out, rightmost first, and
    then the widest columns go below their minimum."""
    columns = list(columns)
    natural = [min(max((cell_len(line) for cell in (h, *(r[i] for r in cells)) for line in _lines(cell)),
                       default=0), c.max_width or 10 ** 6)
               for i, (c, h) in enumerate(zip(columns, headers))]
    minimum = [min(_min_width(c, h, [r[i] for r in cells]), natural[i]) if not c.no_wrap
               else natural[i] for i, (c, h) in enumerate(zip(columns, headers))]
    shown = list(range(len(columns)))

    def room() -> int:
        return width - _GAP * (len(shown) - 1)

    for i in reversed(range(len(columns))):
        if sum(minimum[j] for j in shown) <= room():
            break
        if columns[i].optional:
            shown.remove(i)
    widths = {i: natural[i] for i in shown}
    while sum(widths.values()) > room():
        wide = [i for i in shown if widths[i] > minimum[i]]
        if wide:
            widest = max(wide, key=lambda i: (widths[i] - minimum[i], widths[i]))
        else:  # too narrow for every minimum: the widest column's longest words break
            widest = max(shown, key=lambda i: widths[i])
            if widths[widest] <= 1:
                break
        widths[widest] -= 1
    return [widths.get(i) for i in range(len(columns))]


def draw_table(rows: Iterable[dict], columns: Sequence[Column], file: IO, empty: str) -> int:
    """Rows as one table on ``file``; ``empty`` goes to stderr when there are none.

    Where the terminal is too narrow for every cell on one line, cells wrap between words:
    a column is never narrower than its longest word (an event name, a date, ``Interior``),
    so no word is broken in two and no header word is left alone on a line
    (:func:`column_widths`)."""
    rows = list(rows)
    if not rows:
        _say(empty)
        return 0
    columns = columns or [Column(key) for key in rows[0]]
    headers = [terminal_safe(col.header or col.key) for col in columns]
    # measured as drawn: a control character shows as its name (\x9b), an emoji takes two cells
    cells = [[terminal_safe(col.cell(row)) for col in columns] for row in rows]
    console = _console(file)
    widths = column_widths(columns, headers, cells, console.width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
    for col, header, width in zip(columns, headers, widths):
        if width is not None:
            table.add_column(Shown(header), justify=col.justify, width=width, overflow="fold",
                             no_wrap=col.no_wrap)
    for row in cells:
        table.add_row(*(Shown(hyphen_broken(cell, width))
                        for cell, width in zip(row, widths) if width is not None))
    console.print(table)
    return len(rows)


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def subject_place(subject_group: str | None, location: str | None) -> str:
    """``police in Almaty``; the subject group alone when no place is known."""
    group = subject_group or "people"
    return f"{group} in {location}" if location else group


def figure_range(low: int | None, high: int | None) -> str:
    """:func:`interval` for a bare pair."""
    return interval({"low": low, "high": high})


def claimed_by(c: GroupClaim) -> str:
    """Who stands behind a claim, in plain words: ``Khabar-24 ← command of …``."""
    if c.itself or not c.source:
        return REPORT_ITSELF
    return f"{c.source} ← {c.origin}" if c.origin and c.origin != c.source else c.source


def _plain(word: str | None) -> str:
    return (word or "").replace("_", " ")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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


VERDICT_STYLE = {CONTRADICTION: "bold red", DIVERGENT: "bold yellow"}
_AGREE_STYLE = "bold green"


def _say(message: str) -> None:
    _console(stderr=True).print(Shown(message))


def conflict_heading(g: ConflictGroup) -> Text:
    """``kazakhstan-2022 · injured — divergent: 4 claims from 4 independent origins``: the
    claims are the rows below it."""
    old = sum(1 for c in g.claims if c.superseded)
    return Shown.assemble(
        (f"{g.event} · {_plain(g.metric)}", "bold"), " — ",
        (g.verdict, VERDICT_STYLE.get(g.verdict, _AGREE_STYLE)),
        f": {_count(len(g.claims), 'claim')}{f' ({old} superseded)' if old else ''} from "
        f"{_count(g.voices, 'independent origin')}",
    )


def conflict_reason(g: ConflictGroup) -> str:
    """Why the group got its verdict, in one sentence a reader needs no manual for."""
    return g.reason or ("The figures agree: their ranges overlap." if g.verdict not in
                        (CONTRADICTION, DIVERGENT) else "")


def _figure_cell(c: GroupClaim) -> Text:
    cell = Shown()
    if c.contradicted and not c.superseded:
        cell.append("✗ ", "bold red")
    cell.append(c.figure or "", "red" if c.contradicted and not c.superseded else "")
    if c.hedge:
        cell.append(f"\n“{c.hedge}”", "italic")
    if c.superseded:
        cell.append("\nsuperseded", "italic")
    return cell


def _claimed_cell(c: GroupClaim, width: int | None = None) -> Text:
    cell = Shown(claimed_by(c))
    reported = f"{c.outlet or f'report {c.report}'} · {c.date or 'undated'}"
    if width is not None and cell_len(terminal_safe(reported)) > width:  # the date on a line of its own
        reported = reported.replace(" · ", "\n")
    cell.append(f"\n{reported}", "dim")
    return cell


# The conflict table's columns (cells are drawn by conflict_table): what column_widths needs.
_CONFLICT_COLUMNS = (
    Column("claim", "#", "right", no_wrap=True),
    Column("figure", max_width=18),
    Column("range", justify="right", no_wrap=True),
    Column("subject", max_width=20),
    # two lines a claim, as the header says: who, then where and when it was reported
    Column("who", "source ← origin\noutlet · date", min_width=18),
    Column("origins", justify="right", no_wrap=True),
)


def _figure_plain(c: GroupClaim) -> str:
    marked = "✗ " if c.contradicted and not c.superseded else ""
    hedge = f"\n“{c.hedge}”" if c.hedge else ""
    return f"{marked}{c.figure or ''}{hedge}{chr(10) + 'superseded' if c.superseded else ''}"


def _claimed_plain(c: GroupClaim) -> str:
    return f"{claimed_by(c)}\n{c.outlet or f'report {c.report}'} · {c.date or 'undated'}"


def conflict_table(g: ConflictGroup, width: int = 80) -> Table:
    """One group's claims side by side, in a table at most ``width`` wide: figure, range,
    subject, who said it (and where and when it was reported), independent origins."""
    cells = [[str(c.claim), terminal_safe(_figure_plain(c)), figure_range(c.low, c.high),
              terminal_safe(subject_place(_plain(c.subject_group), c.location)),
              terminal_safe(_claimed_plain(c)), str(c.origins)] for c in g.claims]
    # a figure reads as one (not "About" over "900"), up to 14 characters; where and when a
    # claim was reported stays one line (up to 30): when both cannot, the date goes below
    figures = max((cell_len(line) for cell in cells for line in _lines(cell[1])), default=0)
    reported = max((cell_len(cell[4].rsplit("\n", 1)[-1]) for cell in cells), default=0)
    # and "people in" stays together over the place
    subjects = max((cell_len(cell[3]) for cell in cells), default=0)
    figure, subject, who = _CONFLICT_COLUMNS[1], _CONFLICT_COLUMNS[3], _CONFLICT_COLUMNS[4]
    columns = [_CONFLICT_COLUMNS[0], replace(figure, min_width=min(figures, 14)),
               _CONFLICT_COLUMNS[2], replace(subject, min_width=min(subjects, 10)),
               replace(who, min_width=min(max(reported, 18), 30)), _CONFLICT_COLUMNS[5]]
    headers = [col.header or col.key for col in columns]
    widths = column_widths(columns, headers, cells, width)
    # the room left over goes to who said it: the table spans the terminal, as a list does
    slack = width - sum(w for w in widths if w is not None) - 3 * (sum(
        w is not None for w in widths) - 1)
    widths[4] += max(slack, 0)
    # A blank line between claims: each takes two lines or more, and must read as one.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False,
                  leading=1)
    for col, header, w in zip(columns, headers, widths):
        if w is not None:
            table.add_column(header, justify=col.justify, width=w, overflow="fold",
                             no_wrap=col.no_wrap)
    for c, plain in zip(g.claims, cells):
        drawn = [plain[0], _figure_cell(c), plain[2], Shown(hyphen_broken(plain[3], widths[3])),
                 _claimed_cell(c, widths[4]), plain[5]]
        table.add_row(*(cell for cell, w in zip(drawn, widths) if w is not None),
                      style="dim" if c.superseded else "")
    return table


def unorphaned(text: Text, console: Console, width: int | None = None) -> Text:
    """``text`` wrapped to ``width`` (the console's) so that its last line holds two words
    or more: a paragraph never ends on a word alone (``… 3 independent`` / ``origins``)."""
    width = width or console.width
    plain = text.plain
    if cell_len(plain) <= width or " " not in plain:
        return text
    for narrower in range(width, max(width * 2 // 3, 20) - 1, -1):
        lines = text.wrap(console, narrower)
        if len(lines) < 2 or len(lines[-1].plain.split()) > 1:
            break
    else:
        lines = text.wrap(console, width)
    out = Shown()
    for i, line in enumerate(lines):
        line.rstrip()
        if i:
            out.append("\n")
        out.append(line)
    return out


def draw_conflicts(groups: Sequence[ConflictGroup], file: IO, empty: str) -> int:
    """Each conflict group as a block: heading, the reason for its verdict, its claims."""
    if not groups:
        _say(empty)
        return 0
    console = _console(file)
    for i, g in enumerate(groups):
        if i:
            console.print()
        console.print(unorphaned(conflict_heading(g), console))
        console.print(unorphaned(Shown(conflict_reason(g)), console))
        console.print(conflict_table(g, console.width))
    return sum(len(g.claims) for g in groups)


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
        origin = REPORT_ITSELF if line[-1].get("itself") else line[-1]["origin"]
        table.add_row(Shown(subject_place(_plain(group), location)), Shown(origin),
                      Shown(movement(line), style="bold" if moved else ""))
    return list(tables.items())


def draw_timeline(rows: Iterable[dict], file: IO, empty: str) -> int:
    """``conflicts.timeline`` rows as one table per event and metric."""
    rows = list(rows)
    if not rows:
        _say(empty)
        return 0
    console = _console(file)
    for i, (heading, table) in enumerate(timeline_tables(rows)):
        if i:
            console.print()
        console.print(Shown(heading, "bold"))
        console.print(table)
    return len(rows)


def highlighted(sentence: str, start: int | None, end: int | None, *, plain: bool) -> Text:
    """The sentence with the figure at [start:end] marked: bold on a terminal, else
    ``**…**``; whitespace runs (line breaks in the report) read as one space."""
    def flat(part: str) -> str:
        return re.sub(r"\s+", " ", part)
    if start is None or end is None or not 0 <= start <= end <= len(sentence):
        return Shown(flat(sentence).strip())
    figure = sentence[start:end]
    text = Shown(flat(sentence[:start]).lstrip())
    text.append(f"**{figure}**" if plain else figure, "" if plain else "bold reverse")
    text.append(flat(sentence[end:]).rstrip())
    return text


def allows(figure: str | None, low: int | None, high: int | None) -> str:
    """What a figure allows, in words, after it: `` (2,000 or more)``, `` (24 to 99)``; nothing
    when the figure says it already (``353``)."""
    if low is None and high is None:
        return ""
    low = low or 0
    if high is None:
        said = f"{low:,} or more"
    elif low == high:
        if (figure or "").replace(",", "").strip() == str(low):
            return ""
        said = f"exactly {low:,}"
    elif low == 0:
        said = f"{high:,} or fewer"
    else:
        said = f"{low:,} to {high:,}"
    return f" ({said})"


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
            value = Shown("–" if value is None or value == "" else str(value))
        grid.add_row(name, value)
    return grid


def tally_sum(claim: dict) -> str:
    """How a tally was derived: ``2 = a man (claim 14) + a 2-year-old boy (claim 15)``; a
    death among people shot is taken away (``3 = Four (claim 1) − one (claim 2)``)."""
    plus, minus = [], []
    for part in claim.get("summed") or ():
        taken = part.get("metric") not in (claim.get("metric"), "casualties", "hospitalized")
        (minus if taken else plus).append(f"{part['figure']} (claim {part['id']})")
    text = " + ".join(plus) + "".join(f" − {m}" for m in minus)
    return f"{claim.get('figure')} = {text} (a tally claimtrack derived)"


def counted_as(claim: dict) -> str | None:
    """What a part or a running count stands for (SPEC §6): ``part of the report's count``,
    ``a running count since June``; None for a figure of the incident."""
    if claim.get("period"):
        return f"a running count {claim['period']} (not compared with the incident's figures)"
    if claim.get("part"):
        return "part of the report's count (a lower bound on the total)"
    return None


def draw_claim(claim: dict, file: IO) -> int:
    """One claim in its sentence, the figure marked, then its fields."""
    console = _console(file)
    offset = claim.get("sentence_start")
    start = None if offset is None or claim.get("start") is None else claim["start"] - offset
    end = None if offset is None or claim.get("end") is None else claim["end"] - offset
    chain = claim.get("chain") or []
    links = Shown("\n".join(("← " if i else "") + _link(link) for i, link in enumerate(chain)))
    console.print(Shown.assemble((f"Claim {claim['id']}", "bold"),
                                f" · {claim.get('event')} · {_plain(claim.get('metric'))}"))
    if claim.get("derived"):
        console.print(Shown(tally_sum(claim)))
    else:
        console.print(highlighted(claim.get("sentence") or "", start, end,
                                  plain=not console.is_terminal))
    console.print()
    if not chain or chain[0].get("kind") in ("outlet", "unattributed"):
        outlet = claim.get("outlet")
        links = Shown(f"{REPORT_ITSELF} ({outlet})" if outlet else REPORT_ITSELF)
    console.print(_fields([
        ("figure", f"{claim.get('figure')}{allows(claim.get('figure'), claim.get('low'), claim.get('high'))}"
                   + (f" {claim['unit']}" if claim.get("unit") else "")),
        ("subject", f"{_plain(claim.get('subject_group'))}"
                    + (f" (“{claim['subject']}”)" if claim.get("subject")
                       and claim["subject"] != claim.get("subject_group") else "")),
        ("location", claim.get("location")),
        *([("counts", counts)] if (counts := counted_as(claim)) else []),
        ("chain", links),
        ("hedge", f"“{claim['hedge']}”" if claim.get("hedge") else None),
        ("quoted", "yes" if claim.get("quoted") else "no"),
        ("report", f"{claim.get('report')} · {claim.get('outlet') or 'no outlet'} · "
                   f"{claim.get('date') or 'undated'}"),
        ("title", claim.get("title")),
        ("url", claim.get("url")),
    ]))
    return 1


def draw_report(report: dict, claims: Sequence[dict], file: IO) -> int:
    """One report's metadata, then its claims as a table."""
    console = _console(file)
    console.print(Shown.assemble((f"Report {report['id']}", "bold"),
                                f" · {report.get('outlet') or 'no outlet'} · "
                                f"{report.get('date') or 'undated'} · {report.get('event')}"))
    console.print(_fields([
        ("title", report.get("title")),
        ("url", report.get("url")),
        ("input", report.get("path") or report.get("ref")),
        *([("id", report["ref"])] if report.get("ref") not in (None, report.get("path")) else []),
        ("ingested", report.get("ingested_at")),
        ("lexicon", report.get("lexicon")),
        ("claims", len(claims)),
    ]))
    if claims:
        console.print()
        draw_table(claims, REPORT_CLAIM_TABLE, file, "")
    return 1
