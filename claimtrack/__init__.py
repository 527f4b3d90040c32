"""claimtrack: figure-bearing claims from news reports, with their sources, side by side."""
from importlib.metadata import PackageNotFoundError, version

from .errors import ClaimtrackError, DatabaseError, InputError, UsageError
from .extract import Lexicon, extract_claims, load_lexicon
from .models import Attribution, Claim, Figure, Link, Source, claim_to_dict

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Attribution", "Claim", "ClaimtrackError", "DatabaseError", "Figure", "InputError",
    "Lexicon", "Link", "Source", "UsageError", "claim_to_dict", "extract_claims",
    "load_lexicon", "__version__",
]
