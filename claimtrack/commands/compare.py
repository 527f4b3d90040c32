"""The commands that compare figures: conflicts and timeline."""
from __future__ import annotations

from typing import Annotated

import typer

from ..db import claim_rows
from ..output import render_conflicts, render_timeline
from .common import DbOpt, EventOpt, FormatOpt, MetricOpt, err, escape, plural, stored


def conflicts(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: MetricOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Only contradictions: figures for the same group, from different "
                         "origins, that cannot both be true.")] = False,
    all_: Annotated[bool, typer.Option(
        "--all", help="Also the groups whose figures agree.")] = False,
    history: Annotated[bool, typer.Option(
        "--history", help="Also the figures an origin has since replaced, marked superseded.")
    ] = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List the figures given for the same event and metric that disagree, side by side.

    One group per event and metric, with a verdict: contradiction (figures for the same
    group of people, from different origins, that cannot both be true), divergent (figures
    differ, but none rules another out), agree (only with --all). Each origin counts with
    its latest figure; 'origins' is how many independent origins give a figure, however
    many outlets repeat it. Other formats give one row per claim: group, event, metric,
    verdict, claim, figure, value, low, high, subject_group, location, source, origin,
    report, date, hedge, outlet, origins, superseded, contradicted, voice.

    Example: claimtrack conflicts --event kazakhstan-2022 --strict
    """
    from ..conflicts import conflicts_by_event

    with stored(ctx, db) as database:
        rows = claim_rows(database, event=event, metric=metric,
                          include_other=False, by_event=True)
        groups = conflicts_by_event(rows, event=event, metric=metric, strict=strict,
                                    include_all=all_, history=history)
        hint = "" if all_ or strict else " (groups whose figures agree need --all)"
        render_conflicts(groups, fmt, empty=f"no conflicting figures{hint}")


def timeline(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: MetricOpt = None,
    fmt: FormatOpt = None,
    chart: Annotated[str | None, typer.Option(
        "--chart", metavar="FILE", show_default=False,
        help="Draw the figures of one event and metric to FILE instead (.svg, .png or a "
             "self-contained .html): intervals as bands, updates as steps, contradicted "
             "figures circled. Needs matplotlib: pip install 'claimtrack[chart]'.")] = None,
    db: DbOpt = None,
) -> None:
    """Show how each origin's figures moved over time, per event, metric and group.

    A figure an origin later replaced is marked superseded (conflicts counts only the
    latest). Other formats give one row per claim: event, metric, subject_group, origin,
    date, figure, value, low, high, claim, report, superseded, location, source, voice.

    Example: claimtrack timeline --metric killed
    """
    from ..conflicts import timeline_by_event

    if chart is not None:
        return _chart(ctx, chart, event, metric, db)
    with stored(ctx, db) as database:
        rows = claim_rows(database, event=event, metric=metric,
                          include_other=False, by_event=True)
        render_timeline(timeline_by_event(rows, event=event, metric=metric), fmt,
                        empty="no figures match")


def _chart(ctx: typer.Context, path: str, event: str | None, metric: str | None,
           db: str | None) -> None:
    from ..chart import SUFFIXES, chart_series, draw
    from ..conflicts import conflict_rows, conflicts_by_event, timeline_by_event
    from ..errors import UsageError

    with stored(ctx, db) as database:
        if not path.lower().endswith(SUFFIXES):
            raise UsageError(f"--chart {path}: the file must end in .svg, .png or .html")
        rows = list(claim_rows(database, event=event, metric=metric,
                               include_other=False, by_event=True))
        groups = conflicts_by_event(rows, event=event, metric=metric, include_all=True,
                                    history=True)
        contradicted = {r["claim"] for r in conflict_rows(groups) if r["contradicted"]}
        (event_, metric_), series = chart_series(
            timeline_by_event(rows, event=event, metric=metric), contradicted)
        draw(series, path, f"{metric_} · {event_}")
        figures = sum(len(s.points) for s in series)
        err().print(f"drew {len(series):,} series ({plural(figures, 'figure')}) of "
                    f"{escape(metric_)} in {escape(event_)} → {escape(path)}")
