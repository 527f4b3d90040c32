"""``timeline --chart FILE``: each origin's figures over time, drawn (matplotlib, optional).

:func:`chart_series` is pure: timeline rows (``conflicts.timeline``) and the claims that
conflicts contradict become one :class:`Series` per origin and subject group. :func:`draw`
makes the file with matplotlib, imported only here (``pip install 'claimtrack[chart]'``):
an interval is a band (to the top of the chart when unbounded), an origin's updates are
steps, a contradicted figure is circled in red, a series that repeats another's figures is
lifted a little and dashed. ``.svg`` and ``.png`` are matplotlib's own;
``.html`` is one self-contained page holding the SVG and a table of the figures.
"""
from __future__ import annotations

import html
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .errors import UsageError

SUFFIXES = (".svg", ".png", ".html")


@dataclass(frozen=True, slots=True)
class Point:
    """One figure of a series: the date of its report and its interval."""

    day: date
    figure: str
    low: int
    high: int | None  # None: unbounded
    claim: int
    superseded: bool
    contradicted: bool


@dataclass(slots=True)
class Series:
    """One origin's figures for one subject group, in date order."""

    origin: str
    subject_group: str
    points: list[Point] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.origin} · {self.subject_group}"


def chart_series(rows: Iterable[Mapping], contradicted: Iterable[int] = ()
                 ) -> tuple[tuple[str, str], list[Series]]:
    """The series to draw from timeline rows of one event and metric.

    Rows without a date cannot be placed in time and are left out.

    Returns:
        ``(event, metric)`` and the series, each in date order.

    Raises:
        UsageError: the rows hold no dated figure, or more than one event and metric.
    """
    contradicted = set(contradicted)
    rows = [r for r in rows if r.get("date")]
    pairs = sorted({(r["event"], r["metric"]) for r in rows})
    if not pairs:
        raise UsageError("no dated figures to chart: pass --event and --metric of a "
                         "timeline that has some")
    if len(pairs) > 1:
        shown = ", ".join(f"{e} {m}" for e, m in pairs[:6]) + (", …" if len(pairs) > 6 else "")
        raise UsageError(f"a chart draws one event and metric; pass --event and --metric "
                         f"(these have figures: {shown})")
    series: dict[tuple[str, str], Series] = {}
    for r in rows:
        key = (r["voice"] or r["origin"], r.get("subject_group") or "people")
        one = series.setdefault(key, Series(r["origin"], key[1]))
        low = r["low"] if r.get("low") is not None else r["value"]
        one.points.append(Point(date.fromisoformat(r["date"][:10]), r["figure"], low,
                                r.get("high"), r["claim"], bool(r.get("superseded")),
                                r["claim"] in contradicted))
    for one in series.values():
        one.points.sort(key=lambda p: (p.day, p.claim))
    return pairs[0], sorted(series.values(), key=lambda s: (s.subject_group, s.origin.casefold()))


def overlaps(series: list[Series]) -> list[int]:
    """How many series before each one draw exactly the same figures on the same days.

    Two origins that gave identical figures would hide each other; :func:`draw` lifts the
    later ones by a few points and dashes them, so that every series stays visible.
    """
    seen: dict[tuple, int] = {}
    ranks = []
    for one in series:
        path = tuple((p.day, p.low, p.high) for p in one.points)
        ranks.append(seen.get(path, 0))
        seen[path] = ranks[-1] + 1
    return ranks


def draw(series: list[Series], path: str | os.PathLike, title: str) -> None:
    """Write the chart to ``path``; its suffix (.svg, .png, .html) picks the format."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"--chart {path}: the file must end in .svg, .png or .html")
    try:
        from matplotlib import rcParams
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator
        from matplotlib.figure import Figure
        from matplotlib.transforms import offset_copy
    except ImportError:
        raise UsageError("timeline --chart needs matplotlib: "
                         "pip install 'claimtrack[chart]'") from None

    rcParams["svg.fonttype"] = "none"  # labels stay text in an SVG: searchable, selectable
    rcParams["svg.hashsalt"] = "claimtrack"  # the same chart gives the same file
    figure = Figure(figsize=(10, 5.5), layout="constrained")
    axes = figure.add_subplot()
    top = max(max(p.high if p.high is not None else p.low for p in s.points) for s in series)
    ceiling = top * 1.15 or 1
    colours = rcParams["axes.prop_cycle"].by_key()["color"]
    first = min(p.day for s in series for p in s.points)
    last = max(p.day for s in series for p in s.points)
    # a figure holds until its origin gives the next one, or to the end of the chart
    end = last + timedelta(days=max(1, (last - first).days // 12))
    for n, (one, rank) in enumerate(zip(series, overlaps(series))):
        colour = colours[n % len(colours)]
        # a series that repeats an earlier one's figures is drawn just above it, dashed
        lifted = offset_copy(axes.transData, figure, y=3 * rank, units="points")
        style = "--" if rank else "-"
        days = [p.day for p in one.points] + [end]
        lows = [p.low for p in one.points]
        highs = [p.high if p.high is not None else ceiling for p in one.points]
        group = f"series-{n + 1}"
        # updates as steps
        axes.step(days, lows + [lows[-1]], where="post", color=colour, linestyle=style,
                  linewidth=1.8, label=one.label, gid=group, transform=lifted)
        if any(h != low for h, low in zip(highs, lows)):
            band = axes.fill_between(days, lows + [lows[-1]], highs + [highs[-1]],
                                     step="post", color=colour, alpha=0.12, linewidth=0)
            band.set_gid(f"{group}-band")
        labelled: dict[tuple[date, int], list[str]] = {}
        for p in one.points:
            labelled.setdefault((p.day, p.low), [])
            if p.figure not in labelled[(p.day, p.low)]:
                labelled[(p.day, p.low)].append(p.figure)
        for (day, low), figures in labelled.items():  # one label per place: "16 / Sixteen"
            if rank:  # the series it repeats has labelled these places already
                break
            axes.annotate(" / ".join(figures), (day, low), textcoords="offset points",
                          xytext=(6, 6), fontsize=8, color=colour)
        for p in one.points:
            unbounded = p.high is None
            axes.plot([p.day], [p.low], marker="^" if unbounded else "o",
                      markersize=7, color=colour, alpha=0.45 if p.superseded else 1.0,
                      linestyle="none", gid=f"claim-{p.claim}", transform=lifted)
            if p.contradicted:
                axes.plot([p.day], [p.low], marker="o", markersize=14, markerfacecolor="none",
                          markeredgecolor="#d62728", markeredgewidth=2, linestyle="none",
                          gid=f"contradicted-{p.claim}", transform=lifted)
    axes.plot([], [], marker="o", markersize=10, markerfacecolor="none",
              markeredgecolor="#d62728", markeredgewidth=2, linestyle="none",
              label="contradicted")
    axes.set_ylim(0, ceiling)
    axes.set_ylabel("figure (band: its interval; ▲: no upper bound)")
    locator = DayLocator() if (end - first).days <= 10 else AutoDateLocator(maxticks=8)
    axes.set_xlim(datetime.combine(first, time()) - timedelta(hours=12), end)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_title(title)
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="upper left", fontsize=8, frameon=False)
    if suffix == ".html":
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        Path(path).write_text(_page(title, buffer.getvalue(), series), "utf-8")
    else:
        metadata = {"Date": None} if suffix == ".svg" else {}
        figure.savefig(path, format=suffix[1:], dpi=144, metadata=metadata)


def _page(title: str, svg: str, series: list[Series]) -> str:
    """A self-contained HTML page: the SVG inline, then the figures as a table."""
    svg = svg[svg.index("<svg"):]  # the XML prologue and doctype do not belong inside HTML
    rows = "\n".join(
        f"<tr><td>{html.escape(s.origin)}</td><td>{html.escape(s.subject_group)}</td>"
        f"<td>{p.day.isoformat()}</td><td>{html.escape(p.figure)}</td>"
        f"<td>{_interval(p)}</td>"
        f"<td>{'superseded' if p.superseded else ''}"
        f"{' contradicted' if p.contradicted else ''}</td><td>{p.claim}</td></tr>"
        for s in series for p in s.points)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin-top: 1.5em; font-size: 0.9em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
{svg}
<table>
<thead><tr><th>origin</th><th>subject</th><th>date</th><th>figure</th><th>interval</th>
<th></th><th>claim</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _interval(point: Point) -> str:
    if point.high == point.low:
        return f"{point.low:,}"
    return f"{point.low:,}–{'' if point.high is None else f'{point.high:,}'}"
