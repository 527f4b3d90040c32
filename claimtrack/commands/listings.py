"""The commands that list what is stored: reports, claims, sources, show, search, export."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..store import export_claims, get_claim, get_report, list_claims, list_reports, list_sources
from ..store import open_reader
from ..errors import UsageError
from ..export import ExportFormat
from ..output import CLAIM_TABLE, REPORT_TABLE, SEARCH_TABLE, SOURCE_TABLE, Format, render
from ..output import render_claim, render_report
from .common import (AllOpt, DbOpt, EventOpt, FormatOpt, MetricOpt, completion_of, db_path,
                     err, escape, handled, plural, stored)
from .compare import check_filters


def reports(
    ctx: typer.Context,
    event: EventOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List stored reports with outlet, date, event and claim count.

    Example: claimtrack reports -f csv > reports.csv
    """
    with stored(ctx, db) as database:
        check_filters(database, event=event)
        rows = list_reports(database, event=event, include_other=all_)
        render(rows, fmt, REPORT_TABLE, empty="no reports: run `claimtrack ingest` first")


def claims(
    ctx: typer.Context,
    event: EventOpt = None,
    metric: MetricOpt = None,
    source: Annotated[str | None, typer.Option(
        help="Only claims with a source, origin or chain link whose name contains this.",
        show_default=False, autocompletion=completion_of("source"))] = None,
    subject: Annotated[str | None, typer.Option(
        help="Only this subject group, or subjects containing this.", show_default=False)] = None,
    report: Annotated[str | None, typer.Option(
        help="Only this report (its number, id or path).", show_default=False)] = None,
    location: Annotated[str | None, typer.Option(
        help="Only locations containing this.", show_default=False)] = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List stored claims: figure, interval, metric, subject, source ← origin, report.

    Example: claimtrack claims --metric killed --source police -f csv
    """
    with stored(ctx, db) as database:
        check_filters(database, event=event, metric=metric)
        if report is not None and get_report(database, report) is None:
            raise UsageError(f"no report {report} in {db_path(ctx, db)}: `claimtrack reports` "
                             "lists them")
        rows = list_claims(database, event=event, metric=metric,
                           source=source, subject=subject, report=report, location=location,
                           include_other=all_)
        render(rows, fmt, CLAIM_TABLE, empty="no claims match (metric 'other' needs --all)")


def sources(
    ctx: typer.Context,
    event: EventOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """List sources with their kind, how many claims each stands behind, and events.

    Example: claimtrack sources --event almaty-2022
    """
    with stored(ctx, db) as database:
        check_filters(database, event=event)
        rows = list_sources(database, event=event, include_other=all_)
        render(rows, fmt, SOURCE_TABLE, empty="no sources (metric 'other' needs --all)")


def show(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(
        metavar="ID", show_default=False,
        help="A claim number (the # of `claims` and `conflicts`); with --report, a report "
             "number (the # of `reports`), or the input's id or path.")],
    report: Annotated[bool, typer.Option(
        "--report", "-r", help="ID names a report: show its metadata and its claims.")] = False,
    all_: AllOpt = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Show one claim in its sentence, with its chain of sources and its report.

    With --report, show a report's metadata and its claims instead. The figure is marked **like this** when the output is not a terminal. An unknown ID exits 2.

    Example: claimtrack show 4; claimtrack show --report 1 -f json
    """
    path = db_path(ctx, db)
    with handled(ctx, path):
        database = open_reader(path)
        if report:
            found = get_report(database, ident)
            if found is None:
                raise UsageError(f"no report {ident} in {path}: `claimtrack reports` lists them")
            claim_list = list(list_claims(database, report=found["id"], include_other=all_))
            render_report(found, claim_list, fmt)
            return
        if not (ident.isascii() and ident.isdigit()):
            raise UsageError(f"claim numbers are whole numbers, not {ident!r}; "
                             "for a report, use `claimtrack show --report ID`")
        claim = get_claim(database, int(ident))
        if claim is None:
            raise UsageError(f"no claim {ident} in {path}: `claimtrack claims` lists them")
        render_claim(claim, fmt)


def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(
        metavar="QUERY", show_default=False,
        help="Words that must all occur (quotes, OR, * and - are plain text without --raw).")],
    event: EventOpt = None,
    raw: Annotated[bool, typer.Option(
        "--raw", help='QUERY is an SQLite FTS5 query: "a phrase", OR, NOT, prefix*, NEAR(a b).')
    ] = False,
    limit: Annotated[int | None, typer.Option(
        min=1, metavar="N", show_default=False, help="At most N claims and N reports.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also claims of metric 'other'.")] = False,
    fmt: FormatOpt = None,
    db: DbOpt = None,
) -> None:
    """Find the claims whose sentence, and the reports whose title or text, hold QUERY.

    Full-text search: every word must occur, whole words in any case; a snippet shows each match «like this». Claims come first, then reports, each best match first; the kind column tells them apart.

    Example: claimtrack search interior ministry -f csv
    """
    from ..store import search as search_db  # full-text search: not loaded by other listings

    def unindexed(waiting: int, why: str) -> None:
        err().print(f"note: {plural(waiting, 'report')} stored last not searched: the index "
                    f"cannot be written now ({escape(why)}); a later search or ingest adds "
                    "them")

    with stored(ctx, db, write=True) as database:
        rows = search_db(database, " ".join(query), event=event,
                         include_other=all_, raw=raw, limit=limit, on_unindexed=unindexed)
        render(rows, fmt, SEARCH_TABLE, empty="nothing matches")


def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="json, jsonl, csv, tsv, or schema (schema.org Claim objects, JSON-LD; "
             "claimreview is its former name)")
    ] = ExportFormat.json,
    event: EventOpt = None,
    base: Annotated[str | None, typer.Option(
        "--base", metavar="URL", show_default=False,
        help="With -f schema: the URL the document will be published at, so that every "
             "@id is absolute (URL#claim-4).")] = None,
    db: DbOpt = None,
) -> None:
    """Write every stored claim with its source and report, for other tools.

    json, jsonl, csv and tsv give one row per claim, metric 'other' included: the fields of `claims`, the sources' keys, and the report's url and ref. schema gives one JSON-LD document of schema.org Claim objects, one list per conflict group, each claim with what a fact-checker's ClaimReview needs of its itemReviewed: the sentence, the report's date, the origin as author (the outlet when no one is named), each relay of the chain as a citation, the report as appearance, and the figure as a number or as an interval (minValue, maxValue).

    Example: claimtrack export -f schema --base https://example.org/claims.jsonld
    """
    from ..export import claimreview, json_ld_text

    schema = fmt in (ExportFormat.schema, ExportFormat.claimreview)
    with handled(ctx):
        if base is not None and not schema:
            raise UsageError("--base applies to -f schema only")
        if base is not None and not _absolute_url(base):
            raise UsageError(f"--base must be an absolute http(s) URL, not {base!r}")
    with stored(ctx, db) as database:
        rows = export_claims(database, event=event)
        if schema:
            sys.stdout.write(json_ld_text(claimreview(rows, base=base)) + "\n")
        else:
            render(rows, Format(fmt.value))


def _absolute_url(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
