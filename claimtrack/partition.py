"""The engine-neutral mapper (SPEC §12): reports in, claim rows of one declared schema out.

A distributed engine (Dask, Spark, a queue of workers) maps :func:`extract_partition` over
its partitions; :func:`report_from_object` reads one JSON object exactly as ``ingest`` does;
``claimtrack ingest REPORTS --claims ROWS`` stores the rows it made, keyed by ``key`` (the
report's normalised-text hash, the one ``ingest`` skips duplicates by), without extracting
again. No engine is imported here.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .inputs import (DEFAULT_MAX_BYTES, Meta, Rejection, Report, _decode, _json_failure,
                     _object_report, _too_large, shown_path)

if TYPE_CHECKING:
    from .extract import Lexicon

# The fields of one chain link, in claim_to_dict's order; every one a string or null.
CHAIN_LINK_FIELDS = ("name", "kind", "cue", "key", "text", "descriptor", "role")

# One type per column. ``value`` is float64: a head count is a whole number, but a rate is
# not ("2.5 percent"), and a column of one type must hold both; float64 holds every whole
# number up to 2**53 exactly, far beyond any count a report gives, and SQLite stores a whole
# float in the INTEGER column as the integer, so a merged database equals an ingested one.
# ``low`` and ``high`` are always whole (a fraction's interval is widened to the integers
# either side): int64. The chain is a list of structs, which Parquet, Arrow, Spark and
# DuckDB query as such (``chain[0].name``), not JSON text to parse again.
# ``key`` and ``report`` lead every row; ``rejection`` is null on a claim row and says why
# on a rejection row (whose claim columns are all null).
CLAIM_ROW_SCHEMA: tuple[tuple[str, str], ...] = (
    ("key", "string"),
    ("report", "string"),
    ("metric", "string"),
    ("subject", "string"),
    ("subject_group", "string"),
    ("figure", "string"),
    ("qualifier", "string"),
    ("value", "float64"),
    ("low", "int64"),
    ("high", "int64"),
    ("unit", "string"),
    ("location", "string"),
    ("source", "string"),
    ("source_kind", "string"),
    ("origin", "string"),
    ("origin_kind", "string"),
    ("cue", "string"),
    ("hedge", "string"),
    ("quoted", "bool"),
    ("chain", "list<struct<" + ", ".join(f"{f}: string" for f in CHAIN_LINK_FIELDS) + ">>"),
    ("sentence", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("individual", "bool"),  # one person named without a numeral (SPEC §2)
    ("derived", "string"),  # "tally" for a report total claimtrack derived, else null
    ("as_of", "string"),  # the date the sentence gives the figure, YYYY-MM-DD
    ("parts", "list<int64>"),  # a tally's parts: positions among its report's claims
    ("part", "bool"),  # a subset of a group its report counts (extract.parts)
    ("period", "string"),  # a running count's span as written ("since June"), else null
    ("rejection", "string"),
)
COLUMNS = tuple(name for name, _ in CLAIM_ROW_SCHEMA)
# The columns claim_to_dict gives (a test holds them equal): the row minus key and rejection.
CLAIM_FIELDS = COLUMNS[1:-1]
_INT64 = (-(2 ** 63), 2 ** 63 - 1)
_EXACT_FLOAT = 2 ** 53


def claim_row_arrow_schema():
    """:data:`CLAIM_ROW_SCHEMA` as a ``pyarrow.Schema`` (pyarrow must be installed)."""
    import pyarrow as pa

    link = pa.struct([(f, pa.string()) for f in CHAIN_LINK_FIELDS])
    types = {"string": pa.string(), "float64": pa.float64(), "int64": pa.int64(),
             "bool": pa.bool_(), "list<int64>": pa.list_(pa.int64())}
    return pa.schema([(name, pa.list_(link) if name == "chain" else types[kind])
                      for name, kind in CLAIM_ROW_SCHEMA])


def claim_row_ddl() -> str:
    """:data:`CLAIM_ROW_SCHEMA` as SQL DDL columns, as Spark's ``createDataFrame`` (and Hive,
    DuckDB's ``STRUCT`` aside) take a schema: ``"`key` string, …, `chain` array<struct<…>>"``."""
    types = {"string": "string", "float64": "double", "int64": "bigint", "bool": "boolean",
             "list<int64>": "array<bigint>"}
    link = ", ".join(f"`{f}`: string" for f in CHAIN_LINK_FIELDS)
    return ", ".join(f"`{name}` " + (f"array<struct<{link}>>" if name == "chain" else types[kind])
                     for name, kind in CLAIM_ROW_SCHEMA)


def report_from_object(obj: Any, *, name: str = "<object>", path: str | os.PathLike | None = None,
                       defaults: Meta = Meta()) -> Report | Rejection:
    """One JSON object (already parsed) as a report, exactly as ``ingest`` reads it.

    Args:
        obj: the object: ``text`` and the optional ``title``, ``url``, ``date``/``published``,
            ``outlet``/``source``/``site``, ``event``, ``id`` (SPEC §7).
        name: what messages call it; also its ``ref`` when it has no ``id``.
        path: the file it came from, stored with the report.
        defaults: metadata for the gaps.

    Returns:
        A :class:`Report`, or a :class:`Rejection` naming every field of a wrong type.
    """
    return _object_report(obj, name, name, shown_path(path) if path else None, defaults)


def extract_partition(items: Iterable[Any], lexicon: Lexicon | str | os.PathLike | None = None,
                      *, name: str = "<partition>", first_line: int = 1,
                      path: str | os.PathLike | None = None, defaults: Meta = Meta(),
                      max_bytes: int = DEFAULT_MAX_BYTES) -> list[dict]:
    """The claim rows of a partition of reports; never raises on any report.

    Args:
        items: JSON lines (``str`` or ``bytes``; blank ones are skipped but counted), parsed
            JSON objects (``dict``), or what :func:`claimtrack.read_inputs` yields
            (:class:`Report`, :class:`Rejection`), mixed as they come.
        lexicon: None for the default (or ``$CLAIMTRACK_LEXICON``), a lexicon file's path, or
            a :class:`Lexicon`. Each is compiled once per process, not per partition: a
            path is loaded once, and a pickled copy of a lexicon already seen stands for it.
        name, first_line: item ``n`` (from 0) of a line or an object without ``id`` is
            reported as ``name:first_line+n``, as ``ingest`` names the lines of a file.
        path, defaults: stored with each report; metadata for the gaps.
        max_bytes: a longer line is rejected unread, as ``ingest --max-bytes`` does.

    Returns:
        Rows of :data:`CLAIM_ROW_SCHEMA`, in input order: each claim of each report (``key``
        its report's normalised-text hash, ``report`` its ``id``, else its name), and a row
        with ``rejection`` set for each item that is not a readable report or whose
        extraction failed.
    """
    from .inputs import claim_rows_for

    lex = _compiled_once(lexicon)
    rows: list[dict] = []
    for n, item in enumerate(items):
        where = f"{name}:{first_line + n}"
        report = _report_of(item, where, path, defaults, max_bytes)
        if report is None:
            continue
        if isinstance(report, Rejection):
            rows.append(rejection_row(report.name, report.reason))
            continue
        key = report.sha256
        try:
            claims = [conform(row, key) for row in claim_rows_for(report, lex)]
        except Exception as e:  # one odd text must not fail the partition (SPEC §12)
            rows.append(rejection_row(report.ref, f"extraction failed: {type(e).__name__}: {e}",
                                      key))
            continue
        rows.extend(claims)
    return rows


def _report_of(item: Any, where: str, path, defaults: Meta,
               max_bytes: int) -> Report | Rejection | None:
    """A report from one item, a rejection, or None for a blank line."""
    if isinstance(item, (Report, Rejection)):
        return item
    if isinstance(item, (bytes, bytearray, str)):
        if len(item) > max_bytes:
            return Rejection(where, _too_large(max_bytes))
        line = _decode(bytes(item), where) if not isinstance(item, str) else item
        if isinstance(line, Rejection):
            return line
        if not line.strip():
            return None
        try:
            item = json.loads(line.rstrip("\n"))
        except json.JSONDecodeError as e:
            return Rejection(where, f"invalid JSON: {e.msg} (column {e.colno})")
        except (ValueError, RecursionError) as e:
            return Rejection(where, _json_failure(e))
    return report_from_object(item, name=where, path=path, defaults=defaults)


def rejection_row(report: str, reason: str, key: str | None = None) -> dict:
    """A row of :data:`CLAIM_ROW_SCHEMA` that says why ``report`` gave no claims."""
    row = dict.fromkeys(COLUMNS)
    row.update(key=key, report=report, rejection=reason)
    return row


def conform(row: dict, key: str | None) -> dict:
    """A claim row (claim_to_dict) as a row of :data:`CLAIM_ROW_SCHEMA`, keyed by ``key``.

    Raises:
        ValueError: a column the schema does not declare, or a figure out of its type's
            range (the report then becomes a rejection row).
    """
    extra = set(row) - set(CLAIM_FIELDS)
    if extra:
        raise ValueError(f"claim fields missing from CLAIM_ROW_SCHEMA: {sorted(extra)}")
    out = {"key": key}
    for column in CLAIM_FIELDS:
        out[column] = row.get(column)
    for column in ("low", "high", "start", "end"):
        v = out[column]
        if v is not None and not _INT64[0] <= v <= _INT64[1]:
            raise ValueError(f"{column} {v} is beyond the 64-bit integer range")
    value = out["value"]
    if value is not None:
        if isinstance(value, int) and abs(value) > _EXACT_FLOAT:
            raise ValueError(f"value {value} is beyond what a float64 holds exactly")
        out["value"] = float(value)
    out["quoted"] = bool(out["quoted"])
    out["individual"] = bool(out["individual"])
    out["part"] = bool(out["part"])
    out["chain"] = [{f: link.get(f) for f in CHAIN_LINK_FIELDS} for link in out["chain"] or ()]
    out["rejection"] = None
    return out


def _compiled_once(lexicon):
    """The lexicon to extract with, one per process for the same path or the same data."""
    from .extract import Lexicon

    if lexicon is None:
        lexicon = os.environ.get("CLAIMTRACK_LEXICON") or None  # as load_lexicon reads it
        if lexicon is None:
            return None  # extract_claims uses the default lexicon, loaded once per process
    if isinstance(lexicon, Lexicon):
        return _canonical(lexicon)
    return _lexicon_at(os.fspath(lexicon))


@lru_cache(maxsize=8)
def _lexicon_at(path: str):
    from .extract import load_lexicon

    return load_lexicon(path)


_SEEN: dict[str, Any] = {}


def _canonical(lexicon):
    """The first lexicon this process saw with the same data: compiled patterns are cached
    per lexicon object, and every unpickled copy is a new object."""
    for seen in _SEEN.values():
        if seen is lexicon:
            return seen
    digest = sha256(json.dumps(lexicon.data, sort_keys=True, default=str).encode()).hexdigest()
    return _SEEN.setdefault(digest, lexicon)


def read_claim_rows(path: str | os.PathLike) -> Iterator[dict | Rejection]:
    """The rows of a claim-row file, streamed: JSON lines (``.jsonl``), Parquet
    (``.parquet``, pyarrow needed), or a folder of such files (read in name order, as
    ``part-00000.parquet``… are written). A line that is not a JSON object is a rejection.

    Raises:
        UsageError: no such file, or Parquet without pyarrow.
    """
    files = _row_files(path)  # checked now, before the caller opens anything
    return _rows_in(files)


def _row_files(path: str | os.PathLike) -> list[Path]:
    from .errors import UsageError

    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.iterdir()
                       if p.suffix.lower() in (".jsonl", ".ndjson", ".parquet"))
        if not files:
            raise UsageError(f"--claims {path}: no .jsonl or .parquet files in this folder")
    elif root.is_file():
        files = [root]
    else:
        raise UsageError(f"--claims {path}: no such file or folder")
    return files


def _rows_in(files: list[Path]) -> Iterator[dict | Rejection]:
    from .errors import UsageError

    for file in files:
        if file.suffix.lower() == ".parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise UsageError("reading Parquet needs pyarrow: pip install "
                                 "'claimtrack[dask]'") from None
            for batch in pq.ParquetFile(file).iter_batches(batch_size=4096):
                yield from batch.to_pylist()
            continue
        with file.open("rb") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as e:
                    yield Rejection(f"{file}:{lineno}", f"invalid JSON: {e}")
                    continue
                if not isinstance(row, dict) or "key" not in row:
                    yield Rejection(f"{file}:{lineno}", "not a claim row: a JSON object with "
                                    "\"key\" (claimtrack.extract_partition)")
                    continue
                yield row
