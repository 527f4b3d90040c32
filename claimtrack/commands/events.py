"""The events command: list events, show one, and the user's decisions about them."""
from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from ..output import Column, render
from .common import DbOpt, FormatOpt, db_path, err, escape, handled, plural

def _dates(row: dict) -> str:
    first, last = row.get("first") or "", row.get("last") or ""
    return first if first == last else f"{first} → {last}"


EVENT_TABLE = (
    Column("name", "event"),
    Column("made", optional=True),
    Column("first", "dates", get=_dates, max_width=12),
    Column("places", get=lambda r: ", ".join(r["places"]), max_width=16),
    Column("reports", justify="right"),
    Column("auto", justify="right"),
    Column("copies", justify="right", optional=True),
    Column("claims", justify="right"),
)
EVENT_REPORT_TABLE = (
    Column("report", "#", "right"),
    Column("date", max_width=10),
    Column("outlet", max_width=16),
    Column("title", max_width=36),
    Column("claims", justify="right"),
    Column("why"),
)


def events(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        metavar="[EVENT]", show_default=False,
        help="An event: list its reports and why each is in it, or act on it.")] = None,
    rename: Annotated[str | None, typer.Option(
        metavar="NEW", show_default=False, help="Rename EVENT to NEW.")] = None,
    merge: Annotated[list[str] | None, typer.Option(
        metavar="OTHER", show_default=False,
        help="Move every report of OTHER into EVENT, and drop OTHER (repeatable).")] = None,
    split: Annotated[list[str] | None, typer.Option(
        metavar="REPORT", show_default=False,
        help="Take REPORT out of EVENT into a new event, named after the first one taken "
             "(repeatable).")] = None,
    move: Annotated[list[str] | None, typer.Option(
        metavar="REPORT", show_default=False,
        help="Move REPORT (its number, id or path) into EVENT (repeatable).")] = None,
    regroup: Annotated[bool, typer.Option(
        "--regroup", help="Group again every report that automatic grouping placed (after "
                          "`ingest --no-group`, or an upgrade); reports tagged or placed by "
                          "a user stay.")] = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List events: dates, places, reports, claims, how many were grouped automatically.

    Reports ingested without --event are grouped into events automatically: a report
    joins the event whose reports it is most like (close in date, the same rare names,
    similar words), or opens one; a near-duplicate joins its original's event as a copy.
    With EVENT, list its reports and why each is there. The options act on EVENT, one at a
    time; what a user decides (made 'user') is never undone by later grouping, and
    `conflicts` and `timeline` follow at once. After an action, the events it changed are
    listed.

    Example: claimtrack events port-elm-2023 --merge port-elm-shooting-2023-05-02
    """
    from ..store import open_db, open_reader
    from ..event_store import (event_reports, list_events, merge_events, move_reports,
                               regroup as regroup_events, rename_event, split_event)

    actions = [a for a, given in (("--rename", rename is not None), ("--merge", bool(merge)),
                                  ("--split", bool(split)), ("--move", bool(move)),
                                  ("--regroup", regroup)) if given]
    path = db_path(ctx, db)
    with handled(ctx, path):
        if len(actions) > 1:
            raise UsageError(f"give one of {', '.join(actions)} at a time")
        if actions and actions[0] != "--regroup" and name is None:
            raise UsageError(f"{actions[0]} acts on an event: give its name first, e.g. "
                             f"`claimtrack events NAME {actions[0]} …`")
        if not actions:
            database = open_reader(path)
            if name is None:
                render(list_events(database), fmt, EVENT_TABLE,
                       empty="no events: run `claimtrack ingest` first")
            else:
                render(event_reports(database, name), fmt, EVENT_REPORT_TABLE,
                       empty=f"event {name} has no reports")
            return
        database = open_db(path, create=False)
        if rename is not None:
            done = rename_event(database, name, rename)
            said = f"renamed event {name} to {done['event']}"
        elif merge:
            done = merge_events(database, name, merge)
            said = (f"merged {', '.join(merge)} into {name} "
                    f"({plural(done['reports'], 'report')} moved)")
        elif split:
            done = split_event(database, name, split)
            said = (f"split {plural(done['reports'], 'report')} out of {name} "
                    f"into {done['event']}")
        elif move:
            done = move_reports(database, move, name)
            said = f"moved {plural(done['reports'], 'report')} into {name}"
        else:
            done = regroup_events(database)
            said = (f"regrouped {plural(done['reports'], 'report')}: {done['changed']} "
                    f"changed event; {plural(done['events'], 'event')}")
        err().print(escape(said))
        changed = {done["event"]} if "event" in done else None
        if "from" in done:
            changed.add(done["from"])
        rows = [r for r in list_events(database) if changed is None or r["name"] in changed]
        render(rows, fmt, EVENT_TABLE, empty="no events")
