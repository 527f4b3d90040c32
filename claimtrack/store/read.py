"""Reading the store: the listings, one report or claim, the rows conflicts work on,
the export, the recorded lexicon and shell completion."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .schema import _CLAIM_HEAD, _MAX_ROWID, _like, _read_new_fields, row_number

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..extract.conventions import LexiconChoice
    from .connect import Reader


def list_reports(db: Database, *, event: str | None = None, include_other: bool = False
                 ) -> Iterator[dict]:
    """Stored reports in ingest order, each with its claim count (metric ``other`` only
    counted with ``include_other``)."""
    params: list = [int(include_other)]  # the subquery's placeholder comes first
    where = ""
    if event is not None:
        where = "WHERE r.event = ?"
        params.append(event)
    sql = f"""
        SELECT r.id, r.date, r.outlet, r.event, r.title, r.url, r.ref, r.path, r.ingested_at,
          (SELECT count(*) FROM claims c WHERE c.report_id = r.id
             AND (? OR c.metric != 'other')) AS claims,
          (SELECT label FROM lexicons l WHERE l.id = r.lexicon_id) AS lexicon
        FROM reports r {where} ORDER BY r.id"""
    yield from db.query(sql, params)


def list_claims(
    db: Database,
    *,
    event: str | None = None,
    metric: str | None = None,
    source: str | None = None,
    subject: str | None = None,
    report: str | int | None = None,
    location: str | None = None,
    include_other: bool = False,
) -> Iterator[dict]:
    """Stored claims with their chain, report and event, in ingest order.

    Args:
        source: part of the name or key of any link of the chain (source, origin, between).
        subject: a subject group, or part of the subject as written.
        report: a report id, or the input's id or path.
        location: part of the location.
        include_other: include figures with metric ``other`` (hidden otherwise, unless
            ``metric="other"`` asks for them).
    """
    where, params = _event_and_metric(event, metric, other=include_other or metric is not None)
    if source is not None:
        links = """SELECT l.claim_id FROM chain_links l LEFT JOIN sources s ON s.id = l.source_id
                   WHERE (l.name LIKE ? ESCAPE '\\' OR s.key LIKE ? ESCAPE '\\')"""
        if event is None and report is None:
            # Over the whole database, one pass over the links beats a probe per claim (3× on
            # 1M claims); within an event or a report, the probe reads far fewer links.
            where.append(f"c.id IN ({links})")
        else:
            where.append(f"EXISTS ({links} AND l.claim_id = c.id)")
        params += [_like(source), _like(source.casefold())]
    if subject is not None:
        where.append("(c.subject_group = ? OR c.subject LIKE ? ESCAPE '\\')")
        params += [subject, _like(subject)]
    if report is not None:
        if (number := row_number(report)) is not None:
            where.append("c.report_id = ?")
            params.append(number)
        else:
            where.append("(r.ref = ? OR r.path = ?)")
            params += [str(report), str(report)]
    if location is not None:
        where.append("c.location LIKE ? ESCAPE '\\'")
        params.append(_like(location))
    sql = f"""
        SELECT c.id, c.report_id AS report, r.event, {_CLAIM_HEAD},
          (SELECT json_group_array(json_object(
              'name', l.name, 'kind', l.kind, 'cue', l.cue, 'key', s.key, 'text', l.text,
              'descriptor', l.descriptor, 'role', l.role))
           FROM (SELECT * FROM chain_links WHERE claim_id = c.id ORDER BY position) l
           LEFT JOIN sources s ON s.id = l.source_id) AS chain,
          c.sentence, c.start, c."end", c.individual, c.derived, c.as_of, c.parts, c.part, c.period,
          r.outlet, r.date, r.title
        FROM claims c JOIN reports r ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
        _read_new_fields(row)
        yield row


def list_sources(db: Database, *, event: str | None = None, include_other: bool = False
                 ) -> Iterator[dict]:
    """Sources with kind, how many claims each stands behind, and the events they speak on.

    ``claims`` counts claims naming the source as their source (first link), ``origin_of``
    the claims it originates (last link), ``cited_in`` the claims whose chain holds it at
    any position.
    """
    where, params = [], []
    if not include_other:
        where.append("c.metric != 'other'")
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    sql = f"""
        SELECT s.id, s.name, s.kind, s.key,
          count(DISTINCT CASE WHEN c.source_id = s.id THEN c.id END) AS claims,
          count(DISTINCT CASE WHEN c.origin_id = s.id THEN c.id END) AS origin_of,
          count(DISTINCT c.id) AS cited_in,
          count(DISTINCT c.report_id) AS reports,
          json_group_array(DISTINCT r.event) AS events
        FROM sources s
        JOIN chain_links l ON l.source_id = s.id
        JOIN claims c ON c.id = l.claim_id
        JOIN reports r ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        GROUP BY s.id
        ORDER BY cited_in DESC, s.name COLLATE NOCASE, s.id"""
    for row in db.query(sql, params):
        row["events"] = sorted(json.loads(row["events"]))
        yield row


_OPTIONAL_CLAIM_COLUMNS = ("individual", "derived", "as_of", "parts", "part", "period")
# The keys of claim_rows, in order (the same as ``conflicts.ROW_COLUMNS``; a test holds them
# equal): with ``tuples``, each row is a tuple of these values.
CLAIM_ROW_KEYS = (
    "id", "event", "metric", "subject", "subject_group", "location", "figure", "qualifier",
    "value", "low", "high", "unit", "hedge", "cue", "source", "source_kind", "source_key",
    "origin", "origin_kind", "origin_key", "report", "outlet", "title", "date",
    *_OPTIONAL_CLAIM_COLUMNS, "copy_of", "copy_outlet",
)
_SOURCE_KEY, _ORIGIN_KEY = CLAIM_ROW_KEYS.index("source_key"), CLAIM_ROW_KEYS.index("origin_key")


def claim_rows(db: Database, *, event: str | None = None, metric: str | None = None,
               include_other: bool = True, by_event: bool = False,
               tuples: bool = False) -> Iterator[dict] | Iterator[tuple]:
    """One plain dict per stored claim, ordered by report (ingest order) then claim id;
    with ``by_event``, by event first (what ``conflicts.conflicts_by_event`` streams).

    The rows `claimtrack.conflicts` works on. Keys: id, event, metric, subject,
    subject_group, location, figure, qualifier, value, low, high, unit, hedge, cue, source,
    source_kind, source_key, origin, origin_kind, origin_key, report (report id), outlet,
    title, date, and where the schema has them, individual, derived, as_of, parts, part, period, and the
    report's copy_of and copy_outlet (a copy's original report and its outlet: a copy's
    claims are its original's voices). ``event`` is the report's event (SPEC §6). Metric
    ``other`` rows are included unless ``include_other`` is false.

    Args:
        tuples: each row a plain tuple of the values of every key in ``CLAIM_ROW_KEYS``
            order (None where the schema lacks a column), as ``claimtrack.conflicts``
            reads them fastest: a million rows then build no dict each.
    """
    where, params = _event_and_metric(event, metric, other=include_other)
    present = {row[1] for row in db.execute("PRAGMA table_info(claims)").fetchall()}
    missing = "NULL" if tuples else None  # a tuple keeps every place; a dict lacks the key
    extra = "".join(f", c.{name}" if name in present else f", {missing} AS {name}"
                    for name in _OPTIONAL_CLAIM_COLUMNS if name in present or missing)
    if any(row[1] == "copy_of" for row in db.execute("PRAGMA table_info(reports)").fetchall()):
        extra += (", r.copy_of, CASE WHEN r.copy_of IS NOT NULL THEN (SELECT outlet FROM "
                  "reports WHERE id = r.copy_of) END AS copy_outlet")
    elif missing:
        extra += ", NULL AS copy_of, NULL AS copy_outlet"
    # Sources are few (one per body named across the whole database): their keys come from
    # one small query, not from two joins per claim. Ordered by event, the reports are read
    # through their event index and each one's claims through theirs, with no sort of the
    # whole table (a third of the time on a million claims).
    keys = dict(db.execute("SELECT id, key FROM sources").fetchall())
    sql = f"""
        SELECT c.id, r.event, c.metric, c.subject, c.subject_group, c.location, c.figure,
          c.qualifier, c.value, c.low, c.high, c.unit, c.hedge, c.cue,
          c.source, c.source_kind, c.source_id AS source_key,
          c.origin, c.origin_kind, c.origin_id AS origin_key,
          r.id AS report, r.outlet, r.title, r.date{extra}
        FROM {'reports r INDEXED BY idx_reports_event JOIN claims c' if by_event else 'claims c JOIN reports r'}
          ON r.id = c.report_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY {'r.event, ' if by_event else ''}r.id, c.id"""
    cursor = db.execute(sql, params)
    get = keys.get
    source, origin = _SOURCE_KEY, _ORIGIN_KEY
    if tuples:
        # the two source ids read as their keys; slices, not a list per row: half the time
        for row in cursor:
            yield (*row[:source], get(row[source]), *row[source + 1:origin], get(row[origin]),
                   *row[origin + 1:])
        return
    names = [d[0] for d in cursor.description]
    for row in cursor:
        row = list(row)
        row[source], row[origin] = get(row[source]), get(row[origin])
        yield dict(zip(names, row))


def has_name(db: Database, column: str, value: str) -> bool:
    """Whether any report is of this event (``column="event"``, through its index) or any
    claim of this metric (``"metric"``)."""
    sql = {"event": "SELECT 1 FROM reports WHERE event = ? LIMIT 1",
           "metric": "SELECT 1 FROM claims WHERE metric = ? LIMIT 1"}[column]
    return db.execute(sql, [value]).fetchone() is not None


def stored_names(db: Database, column: str) -> list[str]:
    """The distinct events (``column="event"``) or metrics (``"metric"``) stored, sorted:
    what a filter that matches nothing can suggest instead."""
    sql = {"event": "SELECT DISTINCT event FROM reports WHERE event IS NOT NULL",
           "metric": "SELECT DISTINCT metric FROM claims WHERE metric IS NOT NULL"}[column]
    return sorted(row[0] for row in db.execute(sql).fetchall())


def get_report(db: Database, ref: str | int) -> dict | None:
    """One stored report with its metadata and text, or None.

    Args:
        ref: the report's number (as ``reports`` lists it), or the input's id or path.
    """
    columns = ("id, date, outlet, event, title, url, ref, path, ingested_at, sha256, text, "
               "(SELECT label FROM lexicons l WHERE l.id = lexicon_id) AS lexicon")
    if (number := row_number(ref)) is not None:
        sql, params = f"SELECT {columns} FROM reports WHERE id = ?", [number]
    else:
        sql = f"SELECT {columns} FROM reports WHERE ref = ? OR path = ? ORDER BY id LIMIT 1"
        params = [str(ref), str(ref)]
    return next(db.query(sql, params), None)


def get_claim(db: Database, claim_id: int) -> dict | None:
    """One stored claim as ``list_claims`` gives it, plus its report's ``url`` and
    ``sentence_start`` (where its sentence begins in the report text, so that
    ``sentence[start - sentence_start:end - sentence_start]`` is the figure); None when no
    claim has this number."""
    if not 0 <= claim_id <= _MAX_ROWID:
        return None
    found = db.execute("SELECT report_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if found is None:
        return None
    rows = list(list_claims(db, report=found[0], include_other=True))
    row = next(r for r in rows if r["id"] == claim_id)
    report = get_report(db, found[0])
    row["url"] = report["url"]
    if row.get("derived"):
        # a tally has no sentence: what it sums instead, its report's claims at those positions
        row["sentence_start"] = None
        row["summed"] = [{"id": rows[i]["id"], "figure": rows[i]["figure"], "value": rows[i]["value"],
                          "metric": rows[i]["metric"]}
                         for i in row.get("parts") or () if 0 <= i < len(rows)]
    else:
        row["sentence_start"] = _sentence_start(report["text"], row["sentence"], row["start"])
    return row


def _sentence_start(text: str, sentence: str | None, start: int) -> int | None:
    # The sentence is stored as a slice of the text: its last occurrence that begins at or
    # before the figure is the one holding it.
    if not sentence:
        return None
    at = text.rfind(sentence, 0, start + len(sentence))
    return at if at >= 0 and at + len(sentence) >= start else None


# A claim's chain as a JSON array, from the report outward (as list_claims gives it).
_CHAIN_JSON = """(SELECT json_group_array(json_object(
      'name', l.name, 'kind', l.kind, 'cue', l.cue, 'key', s.key, 'text', l.text,
      'descriptor', l.descriptor, 'role', l.role))
   FROM (SELECT * FROM chain_links WHERE claim_id = c.id ORDER BY position) l
   LEFT JOIN sources s ON s.id = l.source_id)"""


def export_claims(db: Database, *, event: str | None = None, include_other: bool = True
                  ) -> Iterator[dict]:
    """Every stored claim with its source and report fields, one row per claim, in ingest order.

    Keys: those of :func:`list_claims`, then ``source_key`` and ``origin_key`` (the
    sources' grouping keys), and the report's ``url`` and ``ref`` (the input's id or path).
    The rows also carry every key :func:`claim_rows` gives, so ``claimtrack.conflicts``
    can group them.

    Args:
        include_other: include figures with metric ``other`` (the whole database: yes).
    """
    where, params = [], []
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    if not include_other:
        where.append("c.metric != 'other'")
    sql = f"""
        SELECT c.id, c.report_id AS report, r.event, {_CLAIM_HEAD}, {_CHAIN_JSON} AS chain,
          c.sentence, c.start, c."end", c.individual, c.derived, c.as_of, c.parts, c.part, c.period,
          s.key AS source_key, o.key AS origin_key, r.outlet, r.date, r.title, r.url, r.ref
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN sources o ON o.id = c.origin_id
        {('WHERE ' + ' AND '.join(where)) if where else ''}
        ORDER BY r.id, c.id"""
    for row in db.query(sql, params):
        row["quoted"] = bool(row["quoted"])
        row["chain"] = json.loads(row["chain"])
        _read_new_fields(row)
        yield row


# The lexicon a database extracts with (SPEC §3, migration m016).

def recorded_lexicon(db: Database | Reader) -> LexiconChoice | None:
    """The lexicon choice the database was last told (by ingest or reextract), or None."""
    from ..extract.conventions import LexiconChoice

    row = db.execute("""SELECT l.convention, l.overlay, l.name FROM settings s
                        JOIN lexicons l ON l.id = CAST(s.value AS INTEGER)
                        WHERE s.key = 'lexicon_id'""").fetchone()
    return LexiconChoice(*row) if row else None


def recorded_overlay(db: Database | Reader) -> str | None:
    """The text of the user's lexicon file the database was last told, or None; read
    without loading the extraction engine (``conflicts`` wants only its cumulative flags)."""
    row = db.execute("""SELECT l.overlay FROM settings s
                        JOIN lexicons l ON l.id = CAST(s.value AS INTEGER)
                        WHERE s.key = 'lexicon_id'""").fetchone()
    return row[0] if row else None


# What shell completion offers (`claimtrack claims --event <TAB>`), at most this many.
_COMPLETIONS = {
    "event": "SELECT DISTINCT event FROM reports WHERE event LIKE ? ESCAPE '\\' ORDER BY 1",
    "metric": "SELECT DISTINCT metric FROM claims WHERE metric LIKE ? ESCAPE '\\' ORDER BY 1",
    "source": "SELECT DISTINCT name FROM sources WHERE name LIKE ? ESCAPE '\\' ORDER BY 1",
}
COMPLETION_LIMIT = 200


def completions(path: str | os.PathLike, what: str, prefix: str = "") -> list[str]:
    """Stored events, metrics or source names that start with ``prefix`` (any case), for
    shell completion: read-only, and empty when ``path`` is no readable claimtrack database."""
    file = Path(path)
    if what not in _COMPLETIONS or not file.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return []
    try:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = conn.execute(f"{_COMPLETIONS[what]} LIMIT ?", [escaped + "%", COMPLETION_LIMIT])
        return [value for (value,) in rows if value]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _event_and_metric(event: str | None, metric: str | None, *,
                      other: bool) -> tuple[list[str], list]:
    """WHERE terms (on claims ``c`` joined to reports ``r``) and their parameters for an
    event and a metric; figures of metric ``other`` only when ``other`` is true."""
    where: list[str] = []
    params: list = []
    if event is not None:
        where.append("r.event = ?")
        params.append(event)
    if metric is not None:
        where.append("c.metric = ?")
        params.append(metric)
    if not other:
        where.append("c.metric != 'other'")
    return where, params
