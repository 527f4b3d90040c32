"""Pure extraction: report text in, claims with character offsets out.

No I/O, no database, no global state: the same text and lexicon always give the same claims.
"""
from __future__ import annotations

import re

from ..models import Attribution, Claim, Figure
from .lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["extract_claims", "Lexicon", "default_lexicon", "load_lexicon"]

# Placeholder until the engine lands: plain digit figures, metric "other".
_DIGITS = re.compile(r"\b\d[\d,]*\b")


def extract_claims(text: str, *, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every figure-bearing claim in ``text``, in order of position."""
    claims = []
    for m in _DIGITS.finditer(text):
        value = int(m.group().replace(",", "") or 0)
        fig = Figure(m.group(), "exact", value, value, value, m.start(), m.end())
        claims.append(Claim(fig, "other", None, "people", None, Attribution(), text, 0))
    return claims
