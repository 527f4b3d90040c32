"""A Datasette plugin for claimtrack databases: ``datasette claimtrack.db`` explains itself.

Registered through the ``datasette`` entry point group (pyproject.toml), so Datasette loads
it whenever both are installed in one environment. It acts on claimtrack databases only
(those whose ``_sqlite_migrations`` records the ``claimtrack`` set) and leaves any other
database exactly as Datasette shows it. For a claimtrack database it

- hides the internal tables (migrations, the search backlog, settings, grouping's lookup
  tables; Datasette already hides the full-text tables);
- names labels: reports by title, sources by name, claims by figure; describes the
  tables; offers facets by event, metric and source kind;
- shows a table's columns with the figure, the source and the sentence first;
- shows a report's title and a source's name beside the bare ids on a claim's page, and
  gives the sentence a readable width;
- adds canned queries: the conflicts of an event, with claimtrack's verdicts (two SQL
  functions, ``claimtrack_verdict(event, metric)`` and ``claimtrack_contradicted(event,
  metric, claim)``, run ``claimtrack.conflicts`` itself), and the claims of a source.

Importing this module costs only Datasette's ``hookimpl``: Datasette imports it at start-up.
"""
from __future__ import annotations

import sqlite3
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

MIGRATION_SET = "claimtrack"
HIDDEN = ("_sqlite_migrations", "search_backlog", "settings",
          # automatic grouping's lookup tables (report_grouping, which says why a report
          # joined its event, stays in view)
          "grouping_anchors", "grouping_df", "grouping_names",
          # the verdicts `conflicts` keeps: conflicts_view shows each group's
          "verdict_groups", "verdict_claims", "verdict_dirty")

# The columns each table or view shows first; the others follow in the table's order.
FIRST_COLUMNS = {
    "claims": ("figure", "source", "sentence", "metric", "subject_group", "low", "high",
               "qualifier", "origin", "report_id"),
    "claims_view": ("claim", "figure", "source", "sentence", "metric", "subject_group", "low",
                    "high", "event", "origin", "outlet", "date", "title"),
    "conflicts_view": ("event", "metric", "figure", "source", "low", "high", "subject_group",
                       "origin", "outlet", "date"),
}

# Foreign keys as (table, column) → (table it points at, label column).
LINKS = {
    ("claims", "report_id"): ("reports", "title"),
    ("claims", "source_id"): ("sources", "name"),
    ("claims", "origin_id"): ("sources", "name"),
    ("chain_links", "claim_id"): ("claims", "figure"),
    ("chain_links", "source_id"): ("sources", "name"),
    ("reports", "lexicon_id"): ("lexicons", "label"),
}
# Columns of the views that hold a row's id: linked to that row.
VIEW_LINKS = {"claim": "claims", "report": "reports"}

QUERIES = {
    "conflicts_of_an_event": {
        "title": "Conflicts of an event",
        "description": "Every figure of the groups in which origins disagree, with its "
                       "sentence and the verdict of `claimtrack conflicts` (contradiction, "
                       "divergent or agree; contradicted: this figure cannot be true with "
                       "another origin's).",
        "sql": """select v.metric, claimtrack_verdict(v.event, v.metric) as verdict,
  claimtrack_contradicted(v.event, v.metric, v.claim) as contradicted,
  v.subject_group, v.figure, v.low, v.high, v.source, v.origin,
  c.sentence, v.outlet, v.date, v.report, v.claim, v.group_origins, v.group_figures
from conflicts_view v join claims c on c.id = v.claim
where v.event = :event
order by v.metric, v.subject_group, v.low, v.date, v.claim""",
    },
    "claims_of_a_source": {
        "title": "Claims of a source",
        "description": "Every claim with a source, origin or relay whose name contains the "
                       "words given, in date order.",
        "sql": """select c.id as claim, c.figure, c.metric, c.subject_group, c.source, c.origin,
  c.sentence, r.event, r.outlet, r.date, r.title
from claims c join reports r on r.id = c.report_id
where c.id in (
  select l.claim_id from chain_links l left join sources s on s.id = l.source_id
  where l.name like '%' || :source || '%' or s.key like '%' || lower(:source) || '%')
order by r.date, c.id""",
    },
}


def _database_metadata() -> dict:
    tables: dict[str, dict] = {name: {"hidden": True} for name in HIDDEN}
    tables.update({
        "claims": {
            "description": "Every figure-bearing claim: the figure as written, its interval, "
                           "what and who it counts, and who says it.",
            "label_column": "figure",
            "facets": ["metric", "source_kind", "subject_group"],
        },
        "claims_view": {
            "description": "The claims with their report's event, outlet, date and title.",
            "facets": ["event", "metric", "source_kind"],
        },
        "conflicts_view": {
            "description": "Figures for the same event and metric that two or more origins "
                           "give differently, with the verdict `claimtrack conflicts` last "
                           "gave their group (empty until it runs after a change).",
            "facets": ["event", "metric"],
        },
        "reports": {"label_column": "title", "facets": ["event", "outlet"]},
        "sources": {"label_column": "name", "facets": ["kind"]},
        "chain_links": {"description": "Each claim's chain of sources, from the report "
                                       "outward: position 1 is the source, the last the origin.",
                        "facets": ["kind"]},
        "lexicons": {"label_column": "label",
                     "description": "The lexicons the reports were extracted with: the "
                                    "convention and the user file's content."},
    })
    return {"tables": tables, "queries": QUERIES}


_KNOWN: dict[tuple[str, str], bool] = {}


def _is_claimtrack(datasette, name: str | None) -> bool:
    """Whether the database ``name`` is a claimtrack one (checked once per file)."""
    if name is None:
        return False
    database = datasette.databases.get(name)
    path = getattr(database, "path", None)
    if not path:
        return False
    key = (name, str(path))
    if key not in _KNOWN:
        _KNOWN[key] = _records_claimtrack(str(path))
    return _KNOWN[key]


def _records_claimtrack(path: str) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1",
                            [MIGRATION_SET]).fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _columns(datasette, name: str, table: str) -> list[str]:
    path = str(datasette.databases[name].path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # table is one of FIRST_COLUMNS' keys, never a user value
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    finally:
        conn.close()


@hookimpl
def get_metadata(datasette, key, database, table):
    names = [name for name in datasette.databases if _is_claimtrack(datasette, name)]
    if not names:
        return {}
    return {"databases": {name: _database_metadata() for name in names}}


@hookimpl
def prepare_connection(conn, database, datasette):
    """The verdicts of ``claimtrack conflicts`` as SQL functions, on claimtrack databases."""
    if not _is_claimtrack(datasette, database):
        return
    verdicts = _Verdicts(conn)
    conn.create_function("claimtrack_verdict", 2, verdicts.verdict)
    conn.create_function("claimtrack_contradicted", 3, verdicts.contradicted)


class _Verdicts:
    """claimtrack.conflicts over one event and metric, kept while the database is unchanged."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.cache: dict[tuple[str, str], tuple[int, str | None, frozenset[int]]] = {}

    def _group(self, event: str, metric: str) -> tuple[str | None, frozenset[int]]:
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        cached = self.cache.get((event, metric))
        if cached is None or cached[0] != version:
            from .conflicts import conflict_rows, find_conflicts
            from .db import Reader, claim_rows

            rows = claim_rows(Reader(self.conn), event=event, metric=metric,
                              include_other=False)
            groups = find_conflicts(rows, include_all=True, history=True)
            verdict = groups[0].verdict if groups else None
            contradicted = frozenset(r["claim"] for r in conflict_rows(groups)
                                     if r["contradicted"])
            cached = (version, verdict, contradicted)
            if len(self.cache) > 64:
                self.cache.clear()
            self.cache[(event, metric)] = cached
        return cached[1], cached[2]

    def verdict(self, event: str, metric: str) -> str | None:
        return self._group(event, metric)[0]

    def contradicted(self, event: str, metric: str, claim: int) -> int:
        return int(claim in self._group(event, metric)[1])


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """On a row's page Datasette shows a foreign key as a bare number: add its label. A
    sentence keeps a readable width in a table of many columns."""
    if isinstance(value, (dict, type(None))) or not _is_claimtrack(datasette, database):
        return None
    if column == "sentence" and isinstance(value, str):
        return Markup(f'<div style="min-width: 24em">{escape(value)}</div>')
    if (table is None or table.endswith("_view")) and column in VIEW_LINKS \
            and isinstance(value, int):  # a view's or a canned query's claim and report
        url = datasette.urls.row(database, VIEW_LINKS[column], str(value))
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    target = LINKS.get((table, column))
    if target is None:
        return None
    other, label_column = target

    async def labelled():
        # other and label_column come from LINKS, never from the request
        result = await datasette.get_database(database).execute(
            f'select "{label_column}" from "{other}" where id = ?', [value])
        first = result.first()
        url = datasette.urls.row(database, other, str(value))
        if first is None or first[0] in (None, ""):
            return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
        return Markup(f'<a href="{escape(url)}">{escape(first[0])}</a>'
                      f'&nbsp;<em>{escape(value)}</em>')

    return labelled


def _ordered_query(datasette, path: str, query: bytes) -> bytes | None:
    """The query string that shows a claimtrack table's columns in FIRST_COLUMNS' order, or
    None to leave the request alone (other databases, other pages, JSON and CSV, a choice
    of columns already made)."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[1] not in FIRST_COLUMNS:
        return None
    name, table = parts
    args = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    if any(k in ("_col", "_nocol") for k, _ in args):
        return None
    if not _is_claimtrack(datasette, name):
        return None
    columns = _columns(datasette, name, table)
    first = [c for c in FIRST_COLUMNS[table] if c in columns]
    rest = [c for c in columns if c not in first and c != "id"]  # the key always comes first
    return urlencode(args + [("_col", c) for c in first + rest]).encode("latin-1")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def ordered_columns(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method") == "GET":
                query = _ordered_query(datasette, scope.get("path", ""),
                                       scope.get("query_string", b""))
                if query is not None:
                    scope = dict(scope, query_string=query)
            await app(scope, receive, send)

        return ordered_columns

    return wrap
