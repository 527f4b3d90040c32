"""The database schema, as migrations recorded in ``_sqlite_migrations`` (SPEC §8).

Never edit a migration once released: add a new one. ``db.open_db()`` applies the pending
ones every time it opens a database, and refuses a database that records a migration this
code does not know (it was written by a newer claimtrack).
"""
from __future__ import annotations

from ._sqlite_utils import Database, Migrations  # never straight from sqlite_utils: pandas

migrations = Migrations("claimtrack")

DEFAULT_EVENT = "default"


@migrations()
def m001_reports(db: Database) -> None:
    # id is the ingest order; the content hash, not the id, makes re-ingest a no-op.
    db["reports"].create(
        {
            "id": int,
            "sha256": str,
            "title": str,
            "outlet": str,
            "url": str,
            "date": str,
            "event": str,
            "ref": str,
            "path": str,
            "ingested_at": str,
            "text": str,
        },
        pk="id",
        not_null={"sha256", "event", "ingested_at", "text"},
        defaults={"event": DEFAULT_EVENT},
    )
    db["reports"].create_index(["sha256"], unique=True)
    db["reports"].create_index(["event"])
    db["reports"].create_index(["date"])


@migrations()
def m002_sources(db: Database) -> None:
    db["sources"].create(
        {"id": int, "key": str, "name": str, "kind": str},
        pk="id",
        not_null={"key", "kind"},
    )
    db["sources"].create_index(["key"], unique=True)


@migrations()
def m003_claims(db: Database) -> None:
    db["claims"].create(
        {
            "id": int,
            "report_id": int,
            "metric": str,
            "subject": str,
            "subject_group": str,
            "figure": str,
            "qualifier": str,
            "value": int,
            "low": int,
            "high": int,
            "unit": str,
            "location": str,
            "source_id": int,
            "source": str,
            "source_kind": str,
            "origin_id": int,
            "origin": str,
            "origin_kind": str,
            "cue": str,
            "hedge": str,
            "quoted": int,
            "sentence": str,
            "start": int,
            "end": int,
        },
        pk="id",
        not_null={"report_id", "metric", "figure", "qualifier", "source_kind", "origin_kind",
                  "quoted", "start", "end"},
        foreign_keys=[
            ("report_id", "reports", "id"),
            ("source_id", "sources", "id"),
            ("origin_id", "sources", "id"),
        ],
    )
    for columns in (["report_id"], ["metric"], ["source_id"], ["origin_id"]):
        db["claims"].create_index(columns)


@migrations()
def m004_chain_links(db: Database) -> None:
    # name and kind repeat the source row on purpose: the chain keeps each link as the
    # claim's report wrote it, while sources holds one name per grouping key.
    db["chain_links"].create(
        {
            "claim_id": int,
            "position": int,
            "source_id": int,
            "name": str,
            "kind": str,
            "cue": str,
            "text": str,
            "descriptor": str,
            "role": str,
        },
        pk=("claim_id", "position"),
        not_null={"claim_id", "position"},
        foreign_keys=[("claim_id", "claims", "id"), ("source_id", "sources", "id")],
    )
    db["chain_links"].create_index(["source_id"])


@migrations()
def m005_search(db: Database) -> None:
    db["reports"].enable_fts(["title", "text"], create_triggers=True)
    db["claims"].enable_fts(["sentence"], create_triggers=True)


@migrations()
def m006_claims_view(db: Database) -> None:
    db.create_view(
        "claims_view",
        """
SELECT
  claims.id AS claim,
  reports.event,
  claims.metric,
  claims.figure,
  claims.qualifier,
  claims.value,
  claims.low,
  claims.high,
  claims.unit,
  claims.subject,
  claims.subject_group,
  claims.location,
  claims.source,
  claims.source_kind,
  source.key AS source_key,
  claims.origin,
  claims.origin_kind,
  origin.key AS origin_key,
  claims.cue,
  claims.hedge,
  claims.quoted,
  claims.sentence,
  claims.report_id AS report,
  reports.outlet,
  reports.date,
  reports.title,
  reports.url
FROM claims
JOIN reports ON reports.id = claims.report_id
LEFT JOIN sources AS source ON source.id = claims.source_id
LEFT JOIN sources AS origin ON origin.id = claims.origin_id
""".strip(),
    )


@migrations()
def m008_conflicts_view(db: Database) -> None:
    # The side-by-side listing in plain SQL, for Datasette and `sqlite-utils query`: per event
    # and metric, every claim of a group in which at least two origins give different figures
    # (with two origins and two figures, some pair of them always differs on both). A figure
    # is its subject group, unit and interval; an origin is a sources row, except that unnamed
    # origins ("witnesses") and claims without one count once per report, as in
    # claimtrack.conflicts. Updates do not supersede here and locations are not compared:
    # `claimtrack conflicts` gives the verdicts.
    db.create_view(
        "conflicts_view",
        """
WITH compared AS (
  SELECT
    claims.*,
    reports.event,
    CASE
      WHEN claims.origin_id IS NULL THEN 'report:' || claims.report_id
      WHEN claims.origin_kind = 'unnamed'
        THEN 'source:' || claims.origin_id || '@report:' || claims.report_id
      ELSE 'source:' || claims.origin_id
    END AS voice,
    coalesce(claims.subject_group, '') || '|' || coalesce(claims.unit, '') || '|'
      || coalesce(claims.low, '') || '|' || coalesce(claims.high, '') AS figure_key
  FROM claims
  JOIN reports ON reports.id = claims.report_id
  WHERE claims.metric != 'other'
),
groups AS (
  SELECT event, metric, count(DISTINCT voice) AS origins, count(DISTINCT figure_key) AS figures
  FROM compared
  GROUP BY event, metric
  HAVING count(DISTINCT voice) >= 2 AND count(DISTINCT figure_key) >= 2
)
SELECT
  compared.event,
  compared.metric,
  compared.figure,
  compared.low,
  compared.high,
  compared.subject_group,
  compared.location,
  compared.source,
  compared.origin,
  reports.outlet,
  reports.date,
  compared.report_id AS report,
  compared.id AS claim,
  groups.origins AS group_origins,
  groups.figures AS group_figures
FROM compared
JOIN groups ON groups.event = compared.event AND groups.metric = compared.metric
JOIN reports ON reports.id = compared.report_id
ORDER BY compared.event, compared.metric, compared.subject_group, compared.low,
  reports.date, compared.id
""".strip(),
    )


@migrations()
def m009_claims_by_report_and_metric(db: Database) -> None:
    # Measured with EXPLAIN QUERY PLAN on a database of 1M claims (tests/perf/bench.py).
    # Queries find claims through their report (an event's reports, a report's claims) and
    # filter on the metric: with the metric in the report_id index they read no claim rows
    # to do it (`reports` lists 100k reports in 0.43 s instead of 0.65 s). The index on the
    # metric alone goes: without ANALYZE statistics the planner took it for
    # `--event E --metric M`, and read every claim of the metric (150 ms instead of 1 ms);
    # a listing of one metric over the whole database scans instead, 15 % slower. An ingest
    # then updates three indexes of claims per report instead of four.
    db["claims"].create_index(["report_id", "metric"], index_name="idx_claims_report_id_metric")
    db.execute("DROP INDEX idx_claims_report_id")
    db.execute("DROP INDEX idx_claims_metric")



@migrations()
def m010_search_backlog(db: Database) -> None:
    # Measured with tests/perf/bench.py: adding a report's words to the full-text indexes in
    # its own transaction writes a new index segment per table, which made storing a report
    # 40 % slower than the rest of its transaction. A new report, or a report with a new or
    # changed claim, now goes on a backlog instead, and db.index_backlog() adds what the
    # indexes lack of the reports on it in one statement per table: ingest runs it every few
    # hundred reports and at its end, `search` before it searches. A row is in its index
    # when FTS5 holds its size (the `_docsize` tables): deletes and updates take a row out
    # of its index only then, so the indexes stay right whatever is on the backlog.
    db.execute("CREATE TABLE search_backlog (report_id INTEGER PRIMARY KEY)")
    for suffix in ("ai", "ad", "au"):
        db.execute(f'DROP TRIGGER "reports_{suffix}"')
        db.execute(f'DROP TRIGGER "claims_{suffix}"')
    report_out = """
  INSERT INTO reports_fts (reports_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE EXISTS (SELECT 1 FROM reports_fts_docsize WHERE id = old.id);"""
    claim_out = """
  INSERT INTO claims_fts (claims_fts, rowid, sentence)
    SELECT 'delete', old.id, old.sentence
    WHERE EXISTS (SELECT 1 FROM claims_fts_docsize WHERE id = old.id);"""
    db.execute("""CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN
  INSERT OR IGNORE INTO search_backlog (report_id) VALUES (new.id);
END""")
    db.execute(f"""CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN{report_out}
  DELETE FROM search_backlog WHERE report_id = old.id;
END""")
    db.execute(f"""CREATE TRIGGER reports_au AFTER UPDATE ON reports BEGIN{report_out}
  INSERT OR IGNORE INTO search_backlog (report_id) VALUES (new.id);
END""")
    db.execute("""CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
  INSERT OR IGNORE INTO search_backlog (report_id) VALUES (new.report_id);
END""")
    db.execute(f"""CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN{claim_out}
END""")
    db.execute(f"""CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN{claim_out}
  INSERT OR IGNORE INTO search_backlog (report_id) VALUES (new.report_id);
END""")


@migrations()
def m011_no_indexes_by_source(db: Database) -> None:
    # Measured with tests/perf/bench.py: a report's claims name several sources, and each
    # source's entries sit in their own page of an index by source, so storing a report
    # wrote 19 pages of these three indexes (of 32), and took 40 % longer. No query reads
    # them: a listing by source goes through the claims of an event or over all links
    # (same times on 1M claims with and without them). Their one other use was the
    # foreign-key check of deleting a source, which db.remove_uncited_sources() now makes
    # with one pass over the links.
    db.execute("DROP INDEX idx_claims_source_id")
    db.execute("DROP INDEX idx_claims_origin_id")
    db.execute("DROP INDEX idx_chain_links_source_id")


@migrations()
def m012_events(db: Database) -> None:
    # Events become rows of their own (SPEC §6, §8): a name, and how the event was made
    # (`tag`: given at ingest; `auto`: automatic grouping; `user`: a user's decision).
    # reports.event keeps the event's name, so that every query and view reading it works
    # as before; reports.event_id points at the row, reports.placed says how the report got
    # there (a user's placement is never undone), reports.copy_of marks a near-duplicate.
    now = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"
    db.execute(f"""CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  made TEXT NOT NULL CHECK (made IN ('tag', 'auto', 'user')),
  created_at TEXT NOT NULL DEFAULT ({now}),
  updated_at TEXT NOT NULL DEFAULT ({now})
)""")
    db.execute("ALTER TABLE reports ADD COLUMN event_id INTEGER REFERENCES events(id)")
    db.execute("ALTER TABLE reports ADD COLUMN copy_of INTEGER REFERENCES reports(id)")
    db.execute("ALTER TABLE reports ADD COLUMN placed TEXT")
    # Existing databases keep their tags; their untagged reports (event "default") may be
    # grouped with `claimtrack events regroup`.
    db.execute("INSERT INTO events (name, made) SELECT DISTINCT event, 'tag' FROM reports "
               "ORDER BY event")
    # A report's event, copy or placement changing is no change of its words: the trigger
    # of m010 would take every moved report out of the full-text index and put it back.
    db.execute('DROP TRIGGER "reports_au"')
    db.execute("""CREATE TRIGGER reports_au AFTER UPDATE OF title, text ON reports BEGIN
  INSERT INTO reports_fts (reports_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE EXISTS (SELECT 1 FROM reports_fts_docsize WHERE id = old.id);
  INSERT OR IGNORE INTO search_backlog (report_id) VALUES (new.id);
END""")
    db.execute("""UPDATE reports SET
  event_id = (SELECT id FROM events WHERE events.name = reports.event),
  placed = CASE WHEN event = ? THEN 'auto' ELSE 'tag' END""", [DEFAULT_EVENT])
    db.execute("CREATE INDEX idx_reports_event_id ON reports (event_id)")
    db.execute("CREATE INDEX idx_reports_copy_of ON reports (copy_of)")
    # What automatic grouping reads of each report (claimtrack.grouping): its day, its
    # heaviest words and names (tf-idf weights as of its ingest), the people it names, its
    # copy sketch, and why it joined its event.
    db.execute("""CREATE TABLE report_grouping (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id),
  day INTEGER,
  content INTEGER NOT NULL,
  terms TEXT NOT NULL,
  names TEXT NOT NULL,
  people TEXT NOT NULL,
  sketch BLOB,
  how TEXT NOT NULL,
  score REAL,
  closest INTEGER,
  shared TEXT
)""")
    db.execute("CREATE INDEX idx_report_grouping_day ON report_grouping (day)")
    # Blocking keys: a report's names (to find reports sharing a rare one) and the least
    # hashes of its sketch (to find its near-duplicates); how many reports hold each word,
    # name and full name (the tf-idf statistics; key "#" counts the reports).
    db.execute("CREATE TABLE grouping_names (name TEXT NOT NULL, report_id INTEGER NOT NULL, "
               "PRIMARY KEY (name, report_id)) WITHOUT ROWID")
    db.execute("CREATE TABLE grouping_anchors (anchor INTEGER NOT NULL, report_id INTEGER "
               "NOT NULL, PRIMARY KEY (anchor, report_id)) WITHOUT ROWID")
    db.execute("CREATE TABLE grouping_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) "
               "WITHOUT ROWID")
    # Every user decision (rename, merge, split, move), in order, for the record.
    db.execute(f"""CREATE TABLE event_decisions (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT ({now}),
  action TEXT NOT NULL,
  event_id INTEGER REFERENCES events(id),
  detail TEXT NOT NULL
)""")


@migrations()
def m013_individuals_and_tallies(db: Database) -> None:
    # SPEC §2: a claim may count one person named without a numeral (individual), be a
    # report total claimtrack derived (derived = "tally", with the positions in its report's
    # claims, in id order, of the claims it sums as a JSON list in parts), and carry the date
    # its sentence gives the figure (as_of, ISO). Existing claims are stated, undated figures.
    db.execute("ALTER TABLE claims ADD COLUMN individual INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE claims ADD COLUMN derived TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN as_of TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN parts TEXT")


@migrations()
def m016_lexicons(db: Database) -> None:
    # The lexicon each report's claims were extracted with (SPEC §3): the coding convention
    # and the *content* of the user's lexicon file, so that `reextract` rebuilds it without
    # the file, and a plain `reextract` or `ingest` keeps what the database was told last
    # (settings key `lexicon_id`). Reports stored before this migration have no record.
    db.execute("""CREATE TABLE lexicons (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  convention TEXT,
  name TEXT,
  overlay TEXT,
  label TEXT NOT NULL,
  recorded_at TEXT NOT NULL
)""")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("ALTER TABLE reports ADD COLUMN lexicon_id INTEGER REFERENCES lexicons(id)")



@migrations()
def m018_verdicts(db: Database) -> None:
    # The verdicts of `conflicts`, kept per event (claimtrack.store.verdicts): every group
    # find_conflicts finds in an event (agreeing ones too), and each of its claims with
    # its standing and its part of the JSON line `conflicts -f jsonl` writes. Measured with
    # tests/perf/bench.py on 1M claims: reading them is what lets a whole-database
    # `conflicts` take no longer than reading the claims in plain SQL. `name` is the event
    # as the group shows it; `event` as reports.event holds it (the key of the marks).
    db.execute("""CREATE TABLE verdict_groups (
  id INTEGER PRIMARY KEY,
  event TEXT NOT NULL,
  name TEXT NOT NULL,
  metric TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  voices INTEGER NOT NULL,
  figures TEXT NOT NULL
)""")
    db.execute("CREATE INDEX idx_verdict_groups_event ON verdict_groups (event, metric)")
    # A group's claims in the order it shows them: rowid order within the group.
    db.execute("""CREATE TABLE verdict_claims (
  group_id INTEGER NOT NULL,
  claim INTEGER NOT NULL,
  superseded INTEGER NOT NULL,
  contradicted INTEGER NOT NULL,
  qualifier TEXT,
  title TEXT,
  itself INTEGER NOT NULL,
  line TEXT NOT NULL
)""")
    db.execute("CREATE INDEX idx_verdict_claims_group ON verdict_claims (group_id)")
    # The events whose stored verdicts a write has made stale: triggers mark them on every
    # change of what conflicts reads (claims, a report's event, outlet, title, date or copy
    # mark, a source's key), whatever code makes it. An existing database starts with all.
    db.execute("CREATE TABLE verdict_dirty (event TEXT PRIMARY KEY) WITHOUT ROWID")
    mark = "INSERT OR IGNORE INTO verdict_dirty (event)"
    db.execute(f"""CREATE TRIGGER verdicts_claims_ai AFTER INSERT ON claims
WHEN new.metric != 'other' BEGIN
  {mark} SELECT event FROM reports WHERE id = new.report_id;
END""")
    db.execute(f"""CREATE TRIGGER verdicts_claims_ad AFTER DELETE ON claims
WHEN old.metric != 'other' BEGIN
  {mark} SELECT event FROM reports WHERE id = old.report_id;
END""")
    db.execute(f"""CREATE TRIGGER verdicts_claims_au AFTER UPDATE ON claims BEGIN
  {mark} SELECT event FROM reports WHERE id IN (old.report_id, new.report_id);
END""")
    # a copy speaks with its original's outlet: the copies' events change with it
    db.execute(f"""CREATE TRIGGER verdicts_reports_au
AFTER UPDATE OF event, outlet, title, date, copy_of ON reports BEGIN
  {mark} VALUES (old.event);
  {mark} VALUES (new.event);
  {mark} SELECT event FROM reports WHERE copy_of = new.id AND old.outlet IS NOT new.outlet;
END""")
    db.execute(f"""CREATE TRIGGER verdicts_reports_ad AFTER DELETE ON reports BEGIN
  {mark} VALUES (old.event);
  {mark} SELECT event FROM reports WHERE copy_of = old.id;
END""")
    db.execute(f"""CREATE TRIGGER verdicts_sources_au AFTER UPDATE OF key ON sources BEGIN
  {mark} SELECT DISTINCT r.event FROM claims c JOIN reports r ON r.id = c.report_id
    WHERE c.source_id = old.id OR c.origin_id = old.id;
END""")
    db.execute(f"{mark} SELECT DISTINCT event FROM reports")
    # conflicts_view gains the verdict `claimtrack conflicts` stored for the row's group and
    # its reason: NULL where none is stored, or the event changed since (run conflicts).
    db.execute("DROP VIEW conflicts_view")
    db.create_view(
        "conflicts_view",
        """
WITH compared AS (
  SELECT
    claims.*,
    reports.event,
    CASE
      WHEN claims.origin_id IS NULL THEN 'report:' || claims.report_id
      WHEN claims.origin_kind = 'unnamed'
        THEN 'source:' || claims.origin_id || '@report:' || claims.report_id
      ELSE 'source:' || claims.origin_id
    END AS voice,
    coalesce(claims.subject_group, '') || '|' || coalesce(claims.unit, '') || '|'
      || coalesce(claims.low, '') || '|' || coalesce(claims.high, '') AS figure_key
  FROM claims
  JOIN reports ON reports.id = claims.report_id
  WHERE claims.metric != 'other'
),
groups AS (
  SELECT event, metric, count(DISTINCT voice) AS origins, count(DISTINCT figure_key) AS figures
  FROM compared
  GROUP BY event, metric
  HAVING count(DISTINCT voice) >= 2 AND count(DISTINCT figure_key) >= 2
),
fresh AS (
  SELECT g.event, g.metric, g.verdict, g.reason
  FROM verdict_groups g
  WHERE NOT EXISTS (SELECT 1 FROM verdict_dirty d WHERE d.event = g.event)
)
SELECT
  compared.event,
  compared.metric,
  compared.figure,
  compared.low,
  compared.high,
  compared.subject_group,
  compared.location,
  compared.source,
  compared.origin,
  reports.outlet,
  reports.date,
  compared.report_id AS report,
  compared.id AS claim,
  groups.origins AS group_origins,
  groups.figures AS group_figures,
  fresh.verdict,
  fresh.reason
FROM compared
JOIN groups ON groups.event = compared.event AND groups.metric = compared.metric
JOIN reports ON reports.id = compared.report_id
LEFT JOIN fresh ON fresh.event = compared.event AND fresh.metric = compared.metric
ORDER BY compared.event, compared.metric, compared.subject_group, compared.low,
  reports.date, compared.id
""".strip(),
    )

@migrations()
def m019_parts_and_periods(db: Database) -> None:
    # SPEC §2, §6: a claim may count a subset of a group its report counts (part = 1: "two of
    # them", "three were in critical condition"), or a running count over a span of time
    # rather than the incident (period: the words as written, "since June"). Existing claims
    # keep NULL in both: stated totals, until `reextract` reads them again.
    db.execute("ALTER TABLE claims ADD COLUMN part INTEGER")
    db.execute("ALTER TABLE claims ADD COLUMN period TEXT")


def known_migrations() -> list[str]:
    """Names of the migrations this version of claimtrack knows, in order."""
    # pending() on a blank database is the public way to list every registered migration
    return [m.name for m in migrations.pending(Database(memory=True))]
