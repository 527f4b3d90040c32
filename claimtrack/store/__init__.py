"""The SQLite store (SPEC §8): the only package with SQL, beside ``claimtrack.migrations``.

By concern:

- :mod:`.connect`: opening a database (checks, migrations, the read-only :class:`Reader`),
  write transactions, which errors fail the whole database;
- :mod:`.write`: ingest, :class:`ReportWriter`, and packing claims into insert values;
- :mod:`.read`: the listings, one report or claim, :func:`claim_rows` for the conflict
  rules, the export, the recorded lexicon, shell completion;
- :mod:`.search`: full-text search and its backlog;
- :mod:`.reextract`: extraction run again over stored reports;
- :mod:`.schema`: the stored columns and helpers the others share.

Every statement takes bound parameters; the only strings formatted into SQL are the
store's own column lists and WHERE fragments, never a user value.
"""
from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

# Each name and the module it lives in, imported on first use (PEP 562): a listing that only
# reads (connect, read) does not pay for the writer, reextract and search at start-up.
_EXPORTS = {
    **dict.fromkeys(("BUSY_TIMEOUT", "DEFAULT_DB", "ENV_DB", "LOCK_RETRIES", "MADE_BY",
                     "QUICK_CHECK_MAX_BYTES", "SCHEMA", "Reader", "check_before_writing",
                     "database_error", "fails_every_report", "open_db", "open_reader",
                     "write_transaction"), "connect"),
    **dict.fromkeys(("CLAIM_ROW_KEYS", "COMPLETION_LIMIT", "claim_rows", "completions",
                     "export_claims", "get_claim", "get_report", "has_name", "list_claims",
                     "list_reports", "list_sources", "recorded_lexicon", "recorded_overlay",
                     "stored_names"), "read"),
    **dict.fromkeys(("ReextractSummary", "reextract", "remove_uncited_sources"), "reextract"),
    **dict.fromkeys(("CLAIM_COLUMNS", "LINK_COLUMNS", "REPORT_COLUMNS", "row_number"), "schema"),
    **dict.fromkeys(("SEARCH_COLUMNS", "index_backlog", "search"), "search"),
    **dict.fromkeys(("ClaimValues", "IngestSummary", "ReportWriter", "claim_values_for",
                     "has_report", "ingest", "ingest_rows", "ingest_values_for",
                     "record_lexicon", "store_report"), "write"),
}

__all__ = [
    "BUSY_TIMEOUT", "CLAIM_COLUMNS", "CLAIM_ROW_KEYS", "COMPLETION_LIMIT", "DEFAULT_DB", "ENV_DB", "LINK_COLUMNS",
    "LOCK_RETRIES", "MADE_BY", "QUICK_CHECK_MAX_BYTES", "REPORT_COLUMNS", "SCHEMA",
    "SEARCH_COLUMNS", "ClaimValues", "IngestSummary", "Reader", "ReextractSummary",
    "ReportWriter", "check_before_writing", "claim_rows", "claim_values_for", "completions",
    "database_error", "export_claims", "fails_every_report", "get_claim", "get_report",
    "has_name", "has_report", "index_backlog", "ingest", "ingest_rows", "ingest_values_for",
    "list_claims", "list_reports", "list_sources", "open_db", "open_reader", "record_lexicon",
    "recorded_lexicon", "recorded_overlay", "reextract", "remove_uncited_sources",
    "row_number", "search", "stored_names", "store_report", "write_transaction",
]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(ModuleType):
    """Importing ``.search`` or ``.reextract`` binds the module under the name of the function
    it exports; the function keeps the name, as when this package imported everything."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, ModuleType) and name in _EXPORTS:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:
    from .connect import (BUSY_TIMEOUT, DEFAULT_DB, ENV_DB, LOCK_RETRIES, MADE_BY,
                          QUICK_CHECK_MAX_BYTES, SCHEMA, Reader, check_before_writing,
                          database_error, fails_every_report, open_db, open_reader,
                          write_transaction)
    from .read import (CLAIM_ROW_KEYS, COMPLETION_LIMIT, claim_rows, completions, export_claims,
                       get_claim, get_report, has_name, list_claims, list_reports, list_sources,
                       recorded_lexicon, recorded_overlay, stored_names)
    from .reextract import ReextractSummary, reextract, remove_uncited_sources
    from .schema import CLAIM_COLUMNS, LINK_COLUMNS, REPORT_COLUMNS, row_number
    from .search import SEARCH_COLUMNS, index_backlog, search
    from .write import (ClaimValues, IngestSummary, ReportWriter, claim_values_for, has_report,
                        ingest, ingest_rows, ingest_values_for, record_lexicon, store_report)
