"""claimtrack: figure-bearing claims from news reports, with their sources, side by side."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each public name and the module it lives in. They are imported on first use (PEP 562), so
# that `claimtrack --help` or a listing does not load the extraction engine or the database
# layer it does not need.
_EXPORTS = {
    "ConflictGroup": "conflicts", "conflict_rows": "conflicts", "conflicts_by_event": "conflicts",
    "find_conflicts": "conflicts", "timeline": "conflicts", "timeline_by_event": "conflicts",
    "claim_rows": "db", "ingest": "db", "open_db": "db",
    "ClaimtrackError": "errors", "DatabaseError": "errors", "InputError": "errors",
    "UsageError": "errors",
    "Lexicon": "extract", "extract_claims": "extract", "load_lexicon": "extract",
    "Meta": "inputs", "Rejection": "inputs", "Report": "inputs", "read_inputs": "inputs",
    "Attribution": "models", "Claim": "models", "Figure": "models", "Link": "models",
    "Source": "models", "claim_to_dict": "models",
    "CLAIM_ROW_SCHEMA": "partition", "claim_row_arrow_schema": "partition",
    "claim_row_ddl": "partition",
    "extract_partition": "partition", "report_from_object": "partition",
}

__all__ = [
    "Attribution", "Claim", "ClaimtrackError", "ConflictGroup", "DatabaseError", "Figure",
    "InputError", "Lexicon", "Link", "Meta", "Rejection", "Report", "Source", "UsageError",
    "claim_rows", "claim_to_dict", "conflict_rows", "conflicts_by_event", "extract_claims",
    "find_conflicts", "ingest", "load_lexicon", "open_db", "read_inputs", "timeline",
    "timeline_by_event", "__version__",
    "CLAIM_ROW_SCHEMA", "claim_row_arrow_schema", "claim_row_ddl", "extract_partition",
    "report_from_object",
]


def __getattr__(name: str):
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("claimtrack")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0.0.0"
    elif name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .conflicts import (ConflictGroup, conflict_rows, conflicts_by_event, find_conflicts,
                            timeline, timeline_by_event)
    from .db import claim_rows, ingest, open_db
    from .errors import ClaimtrackError, DatabaseError, InputError, UsageError
    from .extract import Lexicon, extract_claims, load_lexicon
    from .inputs import Meta, Rejection, Report, read_inputs
    from .models import Attribution, Claim, Figure, Link, Source, claim_to_dict
    from .partition import (CLAIM_ROW_SCHEMA, claim_row_arrow_schema, claim_row_ddl,
                            extract_partition, report_from_object)

    __version__: str
