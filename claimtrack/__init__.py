"""claimtrack: figure-bearing claims from news reports, with their sources, side by side."""
from importlib.metadata import PackageNotFoundError, version

from .db import claim_rows, ingest, open_db
from .errors import ClaimtrackError, DatabaseError, InputError, UsageError
from .extract import Lexicon, extract_claims, load_lexicon
from .inputs import Meta, Rejection, Report, read_inputs
from .models import Attribution, Claim, Figure, Link, Source, claim_to_dict

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Attribution", "Claim", "ClaimtrackError", "DatabaseError", "Figure", "InputError",
    "Lexicon", "Link", "Meta", "Rejection", "Report", "Source", "UsageError", "claim_rows",
    "claim_to_dict", "extract_claims", "ingest", "load_lexicon", "open_db", "read_inputs",
    "__version__",
]
