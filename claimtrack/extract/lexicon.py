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


def _merge(base: dict, extra: dict, path: tuple[str, ...] = ()) -> dict:
    """Tables merge key by key; word lists grow (defaults first); other values are replaced.

    The vague intervals are pairs, not word lists: a user's pair replaces the default one.
    """
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            out[key] = _merge(old, value, path + (key,))
        elif isinstance(value, list) and isinstance(old, list) and path[:1] != ("vague",):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _check(data: dict, path: str) -> None:
    """Refuse a lexicon whose vague intervals are not pairs of whole numbers, low ≤ high."""
    for word, pair in data.get("vague", {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(n, int) for n in pair)
                and 0 <= pair[0] <= pair[1]):
            raise UsageError(f"lexicon {path}: vague \"{word}\" must be [low, high], whole numbers, low <= high")


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
    _check(extra, str(path))
    return Lexicon(_merge(default_lexicon().data, extra))
