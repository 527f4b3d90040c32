"""The lexicon: metrics, subject groups, cues and vague-word intervals, as data (TOML)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "CLAIMTRACK_LEXICON"


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled patterns are cached per lexicon
class Lexicon:
    """The merged lexicon data; extraction compiles its patterns from it."""

    data: dict


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package."""
    text = resources.files("claimtrack.extract").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon(tomllib.loads(text))


def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """The default lexicon, extended or overridden by ``path`` (or ``$CLAIMTRACK_LEXICON``)."""
    path = path or os.environ.get(ENV_VAR) or None
    if not path:
        return default_lexicon()
    try:
        extra = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as e:
        raise UsageError(f"cannot read lexicon {path}: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"lexicon {path} is not valid TOML: {e}") from None
    return Lexicon(_merge(default_lexicon().data, extra))
