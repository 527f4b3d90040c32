"""The commands that compare figures: conflicts and timeline."""
from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Annotated

import typer

from ..store import claim_rows, has_name, stored_names
from ..errors import UsageError
from ..output import render_conflicts, render_timeline
from .common import DbOpt, EventOpt, FormatOpt, LexiconOpt, MetricOpt, err, escape, plural, stored


def check_filters(database, *, event: str | None = None, metric: str | None = None) -> None:
    """Refuse (exit 2) an --event or --metric that names nothing stored, saying what does."""
    for option, value in (("event", event), ("metric", metric)):
        if value is None:
            continue
        if has_name(database, option, value):
            continue
        if option == "metric":
            from ..conflicts import lexicon_metrics

            if value in lexicon_metrics():  # a metric all the same: no claim has it yet
                continue
        names = stored_names(database, option)
        close = get_close_matches(value, names, n=1, cutoff=0.6)
        if close:
            hint = f"did you mean {close[0]}?"
        elif names:
            shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
            hint = f"stored: {shown}"
        else:
            hint = "nothing is stored yet"
        raise UsageError(f"no {option} {value!r}; {hint}")


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
    lexicon: LexiconOpt = None,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List the figures given for the same event and metric that disagree, side by side.

    One group per event and metric, with a verdict and one sentence saying which figures, from whom and when, decide it. A contradiction is two figures for the same people, from different origins, that cannot both be true: of the same day and far apart, a toll that fell (a count the lexicon marks cumulative, such as killed or arrested, only grows), or a total below its parts (a country's figure below its cities', all people below a group of them). Divergent: the figures differ but none rules another out, a rising toll among them. Agree: only with --all. Each origin counts with its latest figure. Other formats give one row per claim: group, event, metric, verdict, claim, figure, value, low, high, subject_group, location, source, origin, report, date, hedge, outlet, origins, superseded, contradicted, voice, reason.

    Example: claimtrack conflicts --event kazakhstan-2022 --strict
    """
    import os

    from ..output import Format, default_format
    from ..store.verdicts import conflict_groups

    with stored(ctx, db) as database:
        if lexicon is not None and not Path(lexicon).is_file():
            raise UsageError(f"cannot read lexicon {lexicon}: no such file")
        check_filters(database, event=event, metric=metric)
        # the verdicts kept per event, brought up to date first (claimtrack.store.verdicts)
        own = lexicon is None and not os.environ.get("CLAIMTRACK_LEXICON")
        groups = conflict_groups(database, event=event, metric=metric, strict=strict,
                                 include_all=all_, history=history,
                                 cumulative=_cumulative(database, lexicon), own=own,
                                 records=(fmt or default_format()) is Format.table)
        hint = "" if all_ or strict else " (groups whose figures agree need --all)"
        render_conflicts(groups, fmt, empty=f"no conflicting figures{hint}")


def _cumulative(database, lexicon: str | None) -> frozenset[str]:
    """Which metrics only grow: as --lexicon (or $CLAIMTRACK_LEXICON) says, else as the
    lexicon the database was extracted with says (SPEC §3: the database records it)."""
    import os
    import sqlite3

    from ..conflicts import cumulative_in_text, cumulative_metrics
    from ..store import recorded_overlay

    if lexicon is not None or os.environ.get("CLAIMTRACK_LEXICON"):
        return cumulative_metrics(lexicon)
    try:
        overlay = recorded_overlay(database)
    except sqlite3.OperationalError:  # a database from before lexicons were recorded
        overlay = None
    return cumulative_in_text(overlay)


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

    A figure an origin later replaced, or one a report gives as an earlier figure, is marked superseded (conflicts counts only the current ones). Dates are the claims' own (the date a sentence gives the figure, else its report's). Other formats give one row per claim: event, metric, subject_group, origin, date, figure, value, low, high, claim, report, superseded, location, source, voice.

    Example: claimtrack timeline --metric killed
    """
    from ..conflicts import timeline_by_event

    if chart is not None:
        return _chart(ctx, chart, event, metric, db)
    with stored(ctx, db) as database:
        check_filters(database, event=event, metric=metric)
        rows = claim_rows(database, event=event, metric=metric, include_other=False,
                          by_event=True, tuples=True)
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
                               include_other=False, by_event=True, tuples=True))
        groups = conflicts_by_event(rows, event=event, metric=metric, include_all=True,
                                    history=True)
        contradicted = {r["claim"] for r in conflict_rows(groups) if r["contradicted"]}
        (event_, metric_), series = chart_series(
            timeline_by_event(rows, event=event, metric=metric), contradicted)
        draw(series, path, f"{metric_} · {event_}")
        figures = sum(len(s.points) for s in series)
        err().print(f"drew {len(series):,} series ({plural(figures, 'figure')}) of "
                    f"{escape(metric_)} in {escape(event_)} → {escape(path)}")
