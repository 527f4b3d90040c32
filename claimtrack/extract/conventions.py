"""The lexicon a run extracts with: the default, a coding convention, a user's file (SPEC §3).

Coders read vague numbers differently, so the conventions SPEC §3 names ship as presets
(``presets/acled.toml``, ``presets/ccc.toml``), laid over the default lexicon; a user's
``--lexicon FILE`` goes over both. A :class:`LexiconChoice` holds the convention's name and
the user file's *content*, so that a database can record it and a later run rebuild it
without the file (see ``db.record_lexicon``).
"""
from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import UsageError
from .lexicon import ENV_VAR, Lexicon, _merge, check_lexicon, default_lexicon

# The presets shipped, with what each changes (for --help and docs/lexicon.md).
CONVENTIONS = {
    "acled": 'ACLED: "tens" 10, "dozens" 12, "hundreds" 100',
    "ccc": 'Crowd Counting Consortium: "hundreds" 200, "thousands" 2,000, '
           '"tens of thousands" 20,000',
}
NO_CONVENTION = "none"  # what --convention takes to drop a recorded convention


@lru_cache(maxsize=None)
def convention_data(name: str) -> dict:
    """The TOML overlay of a shipped convention, parsed."""
    if name not in CONVENTIONS:
        raise UsageError(f"unknown convention {name!r}: use one of {', '.join(CONVENTIONS)}")
    text = resources.files("claimtrack.extract").joinpath(f"presets/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _parse_overlay(text: str, name: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"lexicon {name} is not valid TOML: {e}") from None
    check_lexicon(data, name, text)
    return data


@dataclass(frozen=True, slots=True)
class LexiconChoice:
    """What a run extracts with, as a database records it.

    Attributes:
        convention: a key of :data:`CONVENTIONS`, or None for the default intervals.
        overlay: the text of the user's lexicon file, or None.
        name: that file's name as given, shown beside the convention; not part of identity.
    """

    convention: str | None = None
    overlay: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        """``default``, ``acled``, ``sentenced.toml``, ``ccc + sentenced.toml``."""
        parts = [self.convention, (self.name or "lexicon") if self.overlay is not None else None]
        return " + ".join(p for p in parts if p) or "default"

    @property
    def sha256(self) -> str:
        """Identity of the choice: the convention and the file's content, not its name."""
        return hashlib.sha256(json.dumps([self.convention, self.overlay]).encode()).hexdigest()

    def lexicon(self) -> Lexicon:
        """The default lexicon, then the convention, then the user's file over both."""
        if self.convention is None and self.overlay is None:
            return default_lexicon()
        data = default_lexicon().data
        if self.convention is not None:
            data = _merge(data, convention_data(self.convention))
        if self.overlay is not None:
            data = _merge(data, _parse_overlay(self.overlay, self.name or "lexicon"))
        return Lexicon(data)


def read_overlay(path: str | os.PathLike) -> tuple[str, str]:
    """A user's lexicon file, checked: its text and its name (for display)."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as e:
        raise UsageError(f"cannot read lexicon {path}: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise UsageError(f"lexicon {path} is not valid TOML: {e}") from None
    _parse_overlay(text, str(path))
    return text, Path(path).name


def given_overlay(path: str | os.PathLike | None = None) -> tuple[str, str] | None:
    """The user's lexicon file, ``path`` else ``$CLAIMTRACK_LEXICON``, read and checked: its
    text and name; None when there is none."""
    path = path or os.environ.get(ENV_VAR) or None
    return read_overlay(path) if path else None


def choose(overlay: tuple[str, str] | None = None, convention: str | None = None,
           recorded: LexiconChoice | None = None) -> LexiconChoice:
    """The choice a run makes: what it is given, else what the database recorded.

    The lexicon file (``overlay``, from :func:`given_overlay`) and the convention are each
    kept or replaced on its own: ``--convention ccc`` keeps a recorded file, ``--lexicon F``
    keeps a recorded convention, and ``--convention none`` drops the recorded one. A file
    that adds nothing (empty, or only comments) drops the recorded file.
    """
    recorded = recorded or LexiconChoice()
    text, name = overlay if overlay is not None else (recorded.overlay, recorded.name)
    if text is not None and not tomllib.loads(text):  # a file that adds nothing: the default
        text = name = None
    if convention is None:
        convention = recorded.convention
    elif convention == NO_CONVENTION:
        convention = None
    else:
        convention_data(convention)  # refuses an unknown name
    return LexiconChoice(convention, text, name)
