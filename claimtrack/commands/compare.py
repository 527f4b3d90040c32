"""The commands that compare figures: conflicts and timeline."""
from __future__ import annotations

from typing import Annotated

import typer

from ..db import claim_rows
from ..output import render_conflicts, render_timeline
from .common import DbOpt, EventOpt, FormatOpt, MetricOpt, stored


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
    db: DbOpt = None,
) -> None:
    """Show how each origin's figures moved over time, per event, metric and group.

    A figure an origin later replaced is marked superseded (conflicts counts only the
    latest). Other formats give one row per claim: event, metric, subject_group, origin,
    date, figure, value, low, high, claim, report, superseded, location, source, voice.

    Example: claimtrack timeline --metric killed
    """
    from ..conflicts import timeline_by_event

    with stored(ctx, db) as database:
        rows = claim_rows(database, event=event, metric=metric,
                          include_other=False, by_event=True)
        render_timeline(timeline_by_event(rows, event=event, metric=metric), fmt,
                        empty="no figures match")
